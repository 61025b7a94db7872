/**
 * Care met (paper 001; 003 names the groups): the share of each vulnerable group visited within its
 * care interval, counted as visits are made rather than by a pass over the group's households each
 * day (three passes, one per group, 0.6 % of the every-module model's CPU at 1M): per group, the
 * households by the day of their last visit, one count per day of a ring as long as the longest
 * care interval (`dayOf` saying which day a slot holds). The care round records each visit through
 * `recordVisit`, so the counts and `lastVisit` agree.
 */

/** Per group g and ring slot i: `byDay[g * days + i]` households last visited on day `dayOf[i]`. */
export interface VisitCounts {
  days: number;
  byDay: Int32Array;
  dayOf: Int32Array;
}

export function visitCounts(groups: number, intervals: { normal: number; crisis: number }): VisitCounts {
  const days = Math.max(1, intervals.normal, intervals.crisis);
  return { days, byDay: new Int32Array(groups * days), dayOf: new Int32Array(days).fill(-1) };
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
