/**
 * Helpers off work: a party carrier, volunteer or RC staff member is off when ill with symptoms,
 * isolated, quarantined with the household, or dead. Each dawn, after the day's cases have moved
 * on and been found, the day's absences are counted per unit (party carriers per building,
 * volunteers per compound, RC staff in all) and each helper off is marked in its unit's list
 * (`partyOff`, `volunteerOff`, `staffOff`, by place in the list). Nothing that makes a helper off
 * work changes later in the day — infections made later are latent — so the counts and marks hold
 * for the whole day: the carriers' turns (contacts.ts) read the marks.
 *
 * Only the few who can be off are looked at, not every helper each day: those off are the dead
 * helpers (kept in a list as they die), the active cases ill with symptoms or isolated (an
 * isolated case is active until it is removed, when its isolation ends), and the members of the
 * households quarantined today (response.ts keeps them in a list). A helper in more than one of
 * these is marked once.
 */
import { ROLE, STATE, type EpidemicState, type EpidemicWorld } from './state.js';

/** Whether helper r is off work on `day`. */
export function offWork(world: EpidemicWorld, r: number, day: number): boolean {
  const R = world.residents;
  const s = R.infection[r];
  return s === STATE.symptomatic || s === STATE.dead || R.isolated[r] !== 0 || world.households.quarantinedUntil[R.household[r]] > day;
}

export function countAbsences(world: EpidemicWorld, own: EpidemicState): void {
  const R = world.residents;
  own.partyAbsent.fill(0);
  own.volunteerAbsent.fill(0);
  own.staffAbsent = 0;
  own.partyOff.fill(0);
  own.volunteerOff.fill(0);
  own.staffOff.fill(0);
  for (let k = 0; k < own.goneHelpers.length; k++) markOff(world, own, own.goneHelpers[k]);
  for (let k = 0; k < own.active.length; k++) {
    const r = own.active[k];
    if (R.role[r] !== ROLE.none && (R.infection[r] === STATE.symptomatic || R.isolated[r] !== 0)) markOff(world, own, r);
  }
  const { firstResident } = own;
  const { members } = world.households;
  for (let k = 0; k < own.quarantined.count; k++) {
    const h = own.quarantined.items[k];
    for (let r = firstResident[h]; r < firstResident[h] + members[h]; r++) if (R.role[r] !== ROLE.none) markOff(world, own, r);
  }
}

/** Marks helper r off work today in its unit's list, and counts it, once. */
function markOff(world: EpidemicWorld, own: EpidemicState, r: number): void {
  const role = world.residents.role[r];
  const h = world.residents.household[r];
  if (role === ROLE.partyCarrier) {
    const b = world.households.building[h];
    if (mark(own.partyOff, own.partyList, own.partyStart[b], own.partyStart[b + 1], r)) own.partyAbsent[b]++;
  } else if (role === ROLE.volunteer) {
    const c = world.households.compound[h];
    if (mark(own.volunteerOff, own.volunteerList, own.volunteerStart[c], own.volunteerStart[c + 1], r)) own.volunteerAbsent[c]++;
  } else if (role === ROLE.rcStaff) {
    if (mark(own.staffOff, own.staff, 0, own.staff.length, r)) own.staffAbsent++;
  }
}

/**
 * Marks r in list[from, to) (in ascending order, as the carrier lists are built) if not marked
 * yet; true if it was marked now. Found by bisection: the RC staff are one list of all.
 */
function mark(off: Uint8Array, list: Int32Array, from: number, to: number, r: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  if (lo === to || list[lo] !== r || off[lo] !== 0) return false;
  off[lo] = 1;
  return true;
}

/**
 * The place in its unit (list[from, from + n)) of the member whose turn it is from place `at`
 * on, passing over those off work today; -1 if all are off. With none of the unit off, the
 * member at `at`, and no mark read.
 */
export function turn(off: Uint8Array, from: number, n: number, at: number, absent: number): number {
  if (absent === 0) return n > 0 ? at : -1;
  for (let k = 0; k < n; k++) {
    const i = (at + k) % n;
    if (off[from + i] === 0) return i;
  }
  return -1;
}
