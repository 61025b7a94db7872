/**
 * Participation (paper 001's cultural dimension): the share of households that took part in an
 * activity or volunteered in the last PARTICIPATION_WINDOW days — with a member in an ongoing
 * activity (the volunteer pool) today, or one that took part on one of those days
 * (`lastParticipation`). Counted as it changes rather than by a pass over every household each
 * day (that pass was 3 % of the *all* model's CPU at 1M): the households in an ongoing activity,
 * and the others by the day they last took part, one count per day of the window (day-ring.ts).
 * The modules that make households take part go through these functions, so the counts and the
 * columns agree.
 */
import { writtenAgain } from '../../engine/index.js';
import { countOn, countWithin, dayRing, uncount, type DayRing } from './day-ring.js';
import type { CareWorld } from './state.js';

export const PARTICIPATION_WINDOW = 30;

/** The counts: households in an ongoing activity; the others by the last day they took part (a ring over the window, day-ring.ts). */
export interface ParticipationCounts {
  ongoing: number;
  recent: DayRing;
}

export function participationCounts(): ParticipationCounts {
  // Written again (`writtenAgain`): `ongoing` first changes days into a run, which threw compiled code away.
  return writtenAgain({ ongoing: 0, recent: dayRing(1, PARTICIPATION_WINDOW) });
}

type Columns = Pick<CareWorld['households'], 'lastParticipation' | 'participating'>;

/** Household h took part today (e.g. attended an activity). */
export function tookPart(hh: Columns, c: ParticipationCounts, h: number, day: number): void {
  if (hh.participating[h] === 0) {
    uncount(c.recent, 0, hh.lastParticipation[h]);
    countOn(c.recent, 0, day);
  }
  hh.lastParticipation[h] = day;
}

/** A member of household h joined an ongoing activity today: the household takes part every day while it has any. */
export function joinedOngoing(hh: Columns, c: ParticipationCounts, h: number): void {
  if (hh.participating[h]++ > 0) return;
  c.ongoing++;
  uncount(c.recent, 0, hh.lastParticipation[h]);
}

/** A member of household h left its ongoing activity today: when it was the last, the household last took part yesterday. */
export function leftOngoing(hh: Columns, c: ParticipationCounts, h: number, day: number): void {
  if (--hh.participating[h] > 0) return;
  c.ongoing--;
  const last = Math.max(hh.lastParticipation[h], day - 1);
  hh.lastParticipation[h] = last;
  if (last >= 0) countOn(c.recent, 0, last);
}

/** Households active in the window ending on `day`. */
export function activeHouseholds(c: ParticipationCounts, day: number): number {
  return c.ongoing + countWithin(c.recent, 0, day, PARTICIPATION_WINDOW);
}
