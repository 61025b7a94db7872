/**
 * Care met (paper 001; 003 names the groups): the share of each vulnerable group visited within its
 * care interval, counted as visits are made rather than by a pass over the group's households each
 * day (three passes, one per group, 0.6 % of the every-module model's CPU at 1M): per group, the
 * households by the day of their last visit, one count per day of a ring as long as the care
 * interval (day-ring.ts, which participation.ts counts through too). The care round records each
 * visit through `recordVisit`, so the counts and `lastVisit` agree. The ring starts as long as the normal
 * interval and is widened from `lastVisit` when a longer one begins (`widen`, at the crisis): the
 * crisis interval is not read before the shock, so a warm start can branch variants that differ
 * in it (src/experiment/warm-start.ts).
 */

import { countOn, countWithin, dayRing, emptied, uncount, type DayRing } from './day-ring.js';

/** Per group g: the vulnerable households of VULNERABLE_GROUPS[g] by the day of their last visit. */
export type VisitCounts = DayRing;

export function visitCounts(groups: number, interval: number): VisitCounts {
  return dayRing(groups, Math.max(1, interval));
}

/**
 * The ring made long enough for `interval` on `day`, if it is not: laid again from each
 * household's last visit (those of group g in `groups[g]`), keeping every day within the new
 * length, so `metWithin` counts as a ring that long from the start would have.
 */
export function widen(c: VisitCounts, interval: number, groups: readonly Int32Array[], lastVisit: Int16Array, day: number): void {
  if (interval <= c.days) return;
  emptied(c, interval);
  for (let g = 0; g < groups.length; g++) {
    for (const h of groups[g]) {
      const last = lastVisit[h];
      if (last < 0 || day - last >= c.days) continue;
      countOn(c, g, last);
    }
  }
}

/** A household of group `g`, last visited on day `last` (−1 never), is visited on `day`. */
export function recordVisit(c: VisitCounts, g: number, last: number, day: number): void {
  uncount(c, g, last);
  countOn(c, g, day);
}

/** Households of group `g` last visited within `interval` days before `day` (`day − last < interval`). */
export function metWithin(c: VisitCounts, g: number, day: number, interval: number): number {
  return countWithin(c, g, day, interval);
}
