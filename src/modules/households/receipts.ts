/**
 * A household takes in basic packages, bought on an outing or delivered: its stocks grow by the
 * usable person-days, the day's price counters record what it paid against the normal price,
 * and what it last paid and received is what its satisfaction reads.
 */
import type { HouseholdsWorld } from './columns.js';

export interface Receipt {
  vegetable: number;
  pork: number;
  /** Money the household paid for each kind in total. */
  vegetablePaid: number;
  porkPaid: number;
  /** Usable share of the goods (spoiled produce is lost). */
  quality: number;
  /** Variety of what it received, 0–1. */
  variety: number;
}

export function receivePackages(world: HouseholdsWorld, h: number, r: Receipt): void {
  const s = world.scenario;
  const hh = world.households;
  const t = world.today;
  hh.vegetableStock[h] += r.vegetable * s.needs.personDaysPerPackage.vegetable * r.quality;
  hh.porkStock[h] += r.pork * s.needs.personDaysPerPackage.pork * r.quality;
  const normal = r.vegetable * s.packages.vegetable.normalPrice + r.pork * s.packages.pork.normalPrice;
  t.vegetablePackages += r.vegetable;
  t.vegetablePaid += r.vegetablePaid;
  t.porkPackages += r.pork;
  t.porkPaid += r.porkPaid;
  t.normalValue += normal;
  // Paid from the household's food cash; purchases are cut to what it holds (budget.ts), so this
  // never goes below zero but by rounding.
  hh.cash[h] = Math.max(0, hh.cash[h] - r.vegetablePaid - r.porkPaid);
  hh.lastPriceRatio[h] = normal > 0 ? (r.vegetablePaid + r.porkPaid) / normal : 1;
  hh.lastVariety[h] = r.variety;
}
