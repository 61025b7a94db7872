/**
 * How much a household buys: when the stock of either basic good falls below `reorderBelowDays`
 * of its consumption, it tops both up to `coverDays`, in whole packages.
 *
 * The checks are plain functions of columns and numbers, because they run for every household
 * every day; the closures over one household table are for the passes that call them rarely.
 */
import type { Scenario } from '../../scenario/schema.js';
import type { HouseholdsWorld } from './columns.js';

type Households = HouseholdsWorld['households'];

/**
 * 1 when household h is low on vegetables or pork — either stock below `reorderBelowDays` of its
 * consumption — else 0. A plain function of columns and numbers, which the passes over every
 * household (outings, ordering) inline; a number, not a boolean, so that they can count and list
 * with it without a branch per household (outings.ts says why).
 */
export function lowOnBasics(reorderBelowDays: number, members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, h: number): number {
  const threshold = reorderBelowDays * members[h];
  return +(vegetableStock[h] < threshold) | +(porkStock[h] < threshold);
}

/** 1 when household h is low on personal goods — below `reorderBelowDays` of them — else 0. */
export function lowOnPersonal(reorderBelowDays: number, personalStock: Float64Array, h: number): number {
  return +(personalStock[h] < reorderBelowDays);
}

/** `(h) => true` when household h is low on vegetables or pork. */
export function lowOnBasicGoods(s: Scenario, hh: Households): (h: number) => boolean {
  const { members, vegetableStock, porkStock } = hh;
  const days = s.needs.reorderBelowDays;
  return (h) => lowOnBasics(days, members, vegetableStock, porkStock, h) === 1;
}


/** Packages of each kind: what a household wants, can pay for, or receives. */
export interface Basket {
  vegetable: number;
  pork: number;
}

/**
 * Whole packages of each kind that bring the household's stock up to `coverDays`, written into
 * `out` (and returned): a caller that runs once per order passes one basket it reuses, so the
 * order path allocates nothing.
 */
export function packagesToCover(s: Scenario, hh: Households, h: number, out: Basket = { vegetable: 0, pork: 0 }): Basket {
  const target = s.needs.coverDays * hh.members[h];
  const per = s.needs.personDaysPerPackage;
  out.vegetable = Math.max(0, Math.ceil((target - hh.vegetableStock[h]) / per.vegetable));
  out.pork = Math.max(0, Math.ceil((target - hh.porkStock[h]) / per.pork));
  return out;
}
