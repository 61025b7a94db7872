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
  takeInPackages(world, h, r.vegetable, r.pork, r.vegetablePaid, r.porkPaid, r.quality, r.variety);
}

/** The same as `receivePackages`, the receipt's fields given one by one: for the order path, which runs per order and builds no object. */
export function takeInPackages(world: HouseholdsWorld, h: number, vegetable: number, pork: number, vegetablePaid: number, porkPaid: number, quality: number, variety: number): void {
  const s = world.scenario;
  const hh = world.households;
  const t = world.today;
  hh.vegetableStock[h] += vegetable * s.needs.personDaysPerPackage.vegetable * quality;
  hh.porkStock[h] += pork * s.needs.personDaysPerPackage.pork * quality;
  const normal = vegetable * s.packages.vegetable.normalPrice + pork * s.packages.pork.normalPrice;
  t.vegetablePackages += vegetable;
  t.vegetablePaid += vegetablePaid;
  t.porkPackages += pork;
  t.porkPaid += porkPaid;
  t.normalValue += normal;
  // Paid from the household's food cash; purchases are cut to what it holds (budget.ts), so this
  // never goes below zero but by rounding.
  hh.cash[h] = Math.max(0, hh.cash[h] - vegetablePaid - porkPaid);
  hh.lastPriceRatio[h] = normal > 0 ? (vegetablePaid + porkPaid) / normal : 1;
  hh.lastVariety[h] = variety;
}
