/**
 * Households counted by the day something last happened to them, over a window of recent days:
 * per group, one count per day of a ring as long as the window (`dayOf` saying which day a slot
 * holds, −1 none), so that how many fall within the last n days is a sum over the ring, not a
 * pass over the households. Care met (care-met.ts: the day of each vulnerable household's last
 * visit, one group per vulnerable group) and participation (participation.ts: the day a household
 * last took part, one group) count through it.
 */
import { writtenAgain } from '../../engine/index.js';

/** Per group g and ring slot i: `byDay[g * days + i]` households counted on day `dayOf[i]`. */
export interface DayRing {
  days: number;
  byDay: Int32Array;
  dayOf: Int32Array;
}

/** An empty ring of `days` days for `groups` groups. */
export function dayRing(groups: number, days: number): DayRing {
  // Written again (`writtenAgain`): `emptied` replaces all three, which threw compiled code away.
  return writtenAgain({ days, byDay: new Int32Array(groups * days), dayOf: new Int32Array(days).fill(-1) });
}

/** The ring made empty and `days` long (its groups kept). */
export function emptied(r: DayRing, days: number): void {
  const groups = r.byDay.length / r.days;
  r.days = days;
  r.byDay = new Int32Array(groups * days);
  r.dayOf = new Int32Array(days).fill(-1);
}

/** One more of group `g` on `day`. */
export function countOn(r: DayRing, g: number, day: number): void {
  const i = day % r.days;
  if (r.dayOf[i] !== day) {
    // The slot's earlier day has left the ring: no window reaches back to it.
    r.dayOf[i] = day;
    for (let k = i; k < r.byDay.length; k += r.days) r.byDay[k] = 0;
  }
  r.byDay[g * r.days + i]++;
}

/** One fewer of group `g` on `day`, if the ring still holds that day (−1, never: nothing). */
export function uncount(r: DayRing, g: number, day: number): void {
  if (day < 0) return;
  const i = day % r.days;
  if (r.dayOf[i] === day) r.byDay[g * r.days + i]--;
}

/** Of group `g`, those counted on the `within` days up to `day` (`day − d < within`). */
export function countWithin(r: DayRing, g: number, day: number, within: number): number {
  let n = 0;
  for (let i = 0; i < r.days; i++) {
    const d = r.dayOf[i];
    if (d >= 0 && d <= day && day - d < within) n += r.byDay[g * r.days + i];
  }
  return n;
}
