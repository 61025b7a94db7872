/**
 * Affordability (paper 000: the fair-price packages and their subsidy were for residents who
 * could not pay the bargained prices). Each household has a per-capita income, drawn from the
 * urban income quintiles, of which a share goes to basic food: that food budget accrues every day
 * as cash, and a purchase is cut to the whole packages the cash on hand pays for. A household
 * whose budget is below the price of the basic basket buys less, runs out, and goes without —
 * so a higher price costs the poorest households food, not only money.
 */
import type { Rng } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';
import type { HouseholdsWorld } from './columns.js';
import type { Basket } from './needs.js';

type Households = HouseholdsWorld['households'];

export const QUINTILES = ['lowest', 'lowerMiddle', 'middle', 'upperMiddle', 'highest'] as const;

/** A household's income quintile, drawn with equal chance (quintiles are fifths of households). */
export const drawQuintile = (rng: Rng): number => Math.min(QUINTILES.length - 1, Math.floor(rng() * QUINTILES.length));

/** Basic-food budget per person-day of quintile q, in yuan. */
export function budgetPerPersonDay(s: Scenario, q: number): number {
  return (s.budget.incomePerCapita[QUINTILES[q]] * s.budget.basicFoodShare) / 365;
}

/**
 * The packages the household's cash pays for: both kinds cut in the same proportion, in whole
 * packages, so a household short of money buys some of each rather than only one. Cuts `want`
 * in place and returns it (the order path allocates nothing).
 *
 * Branch-free: the cut is worked out for every purchase and kept only where the cash is short.
 * The first households short of cash come days into a run; with a branch, V8 had compiled every
 * purchase loop that inlines this (outings, the evening's orders, group buys) before the cut had
 * ever run, and dropped that code at the first one (docs/performance.md, part 16o). Where the cash
 * suffices the cut is computed on k ≥ 1 (or on Infinity or NaN when nothing is wanted) and thrown
 * away, so the result is the same as with the branch.
 */
export function affordable(hh: Households, h: number, want: Basket, vegetablePrice: number, porkPrice: number): Basket {
  const cost = want.vegetable * vegetablePrice + want.pork * porkPrice;
  const cash = hh.cash[h];
  const short = cost > cash;
  const k = cash / cost;
  let vegetable = Math.floor(want.vegetable * k);
  let pork = Math.floor(want.pork * k);
  // Rounding down both may leave enough for one more package of the kind it cut most.
  const left = cash - vegetable * vegetablePrice - pork * porkPrice;
  const cutVegetableMore = +(want.vegetable - vegetable > want.pork - pork);
  vegetable += cutVegetableMore & +(left >= vegetablePrice);
  pork += (cutVegetableMore ^ 1) & +(want.pork > pork) & +(left >= porkPrice);
  want.vegetable = short ? vegetable : want.vegetable;
  want.pork = short ? pork : want.pork;
  return want;
}
