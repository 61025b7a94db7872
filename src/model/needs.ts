/**
 * How much a household buys: when the stock of either basic good falls below `reorderBelowDays`
 * of its consumption, it tops both up to `coverDays`, in whole packages.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Households } from './world.js';

export function needsBasicGoods(s: Scenario, hh: Households, h: number): boolean {
  const threshold = s.needs.reorderBelowDays * hh.members[h];
  return hh.vegetableStock[h] < threshold || hh.porkStock[h] < threshold;
}

export function needsPersonalGoods(s: Scenario, hh: Households, h: number): boolean {
  return hh.personalStock[h] < s.needs.reorderBelowDays;
}

/** Whole packages of each kind that bring the household's stock up to `coverDays`. */
export function packagesToCover(s: Scenario, hh: Households, h: number): { vegetable: number; pork: number } {
  const target = s.needs.coverDays * hh.members[h];
  const per = s.needs.personDaysPerPackage;
  return {
    vegetable: Math.max(0, Math.ceil((target - hh.vegetableStock[h]) / per.vegetable)),
    pork: Math.max(0, Math.ceil((target - hh.porkStock[h]) / per.pork)),
  };
}
