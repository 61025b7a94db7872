/**
 * Care met (paper 001; 003 names the groups): the share of each vulnerable group visited within its
 * care interval, counted as visits are made rather than by a pass over the group's households each
 * day (three passes, one per group, 0.6 % of the every-module model's CPU at 1M): per group, the
 * households by the day of their last visit, one count per day of a ring as long as the care
 * interval (`dayOf` saying which day a slot holds). The care round records each visit through
 * `recordVisit`, so the counts and `lastVisit` agree. The ring starts as long as the normal
 * interval and is widened from `lastVisit` when a longer one begins (`widen`, at the crisis): the
 * crisis interval is not read before the shock, so a warm start can branch variants that differ
 * in it (src/experiment/warm-start.ts).
 */

import { writtenAgain } from '../../engine/index.js';

/** Per group g and ring slot i: `byDay[g * days + i]` households last visited on day `dayOf[i]`. */
export interface VisitCounts {
  days: number;
  byDay: Int32Array;
  dayOf: Int32Array;
}

export function visitCounts(groups: number, interval: number): VisitCounts {
  const days = Math.max(1, interval);
  // Written again (`writtenAgain`): `widen` replaces all three at the crisis, which threw compiled code away.
  return writtenAgain({ days, byDay: new Int32Array(groups * days), dayOf: new Int32Array(days).fill(-1) });
}

/**
 * The ring made long enough for `interval` on `day`, if it is not: laid again from each
 * household's last visit (those of group g in `groups[g]`), keeping every day within the new
 * length, so `metWithin` counts as a ring that long from the start would have.
 */
export function widen(c: VisitCounts, interval: number, groups: readonly Int32Array[], lastVisit: Int16Array, day: number): void {
  if (interval <= c.days) return;
  const days = interval;
  c.days = days;
  c.byDay = new Int32Array(groups.length * days);
  c.dayOf = new Int32Array(days).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    for (const h of groups[g]) {
      const last = lastVisit[h];
      if (last < 0 || day - last >= days) continue;
      const i = last % days;
      c.dayOf[i] = last;
      c.byDay[g * days + i]++;
    }
  }
}

/** A household of group `g`, last visited on day `last` (−1 never), is visited on `day`. */
export function recordVisit(c: VisitCounts, g: number, last: number, day: number): void {
  if (last >= 0) {
    const i = last % c.days;
    if (c.dayOf[i] === last) c.byDay[g * c.days + i]--;
  }
  const i = day % c.days;
  if (c.dayOf[i] !== day) {
    // The slot's earlier day has left the ring: no interval reaches back to it.
    c.dayOf[i] = day;
    for (let k = i; k < c.byDay.length; k += c.days) c.byDay[k] = 0;
  }
  c.byDay[g * c.days + i]++;
}

/** Households of group `g` last visited within `interval` days before `day` (`day − last < interval`). */
export function metWithin(c: VisitCounts, g: number, day: number, interval: number): number {
  let n = 0;
  for (let i = 0; i < c.days; i++) {
    const d = c.dayOf[i];
    if (d >= 0 && d <= day && day - d < interval) n += c.byDay[g * c.days + i];
  }
  return n;
}
