/**
 * Each dawn: infections move on (exposed → infectious → recovered or dead, by their drawn times)
 * and cases are found on their detection day. A found case triggers what the scenario's response
 * allows: isolation of the case (severe cases to hospital), 14-day home quarantine of its
 * household (paper 003), closure of its building or compound (households there may not go out),
 * and tracing and disinfection work for the residents' committee — its admin surge, as a
 * detected case does in paper 000. Then the day's absences of carriers and staff are counted.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { RcState } from '../residents-committee/index.js';
import { countAbsences } from './absences.js';
import { move, stateAt } from './course.js';
import { add, type DayList } from './day-list.js';
import { isSevere, ROLE, STATE, type EpidemicState, type EpidemicWorld } from './state.js';

export const course: ModuleProcess<EpidemicWorld, EpidemicState> = {
  name: 'epidemicCourse',
  slot: 'dawn',
  step(world, own, ctx) {
    const day = ctx.day;
    own.day = day;
    own.outings.count = 0;
    own.doors.count = 0;
    own.pickups.count = 0;
    endConfinements(world, own, day);
    progress(world, own, day);
    countAbsences(world, own);
    // Most days of most runs no one is kept at home: then there is nothing to count.
    if (day < own.confinementsUntil) countConfined(world, own, day);
    else world.today.householdsConfined = 0;
  },
};

/**
 * Each active case moves on to its state of the day and is found on its detection day; the cases
 * still active are kept, in order, in the same list (compacted in place, not a new list a day).
 * A function of its own: inside step V8 compiled this loop on stack replacement and dropped it.
 */
function progress(world: EpidemicWorld, own: EpidemicState, day: number): void {
  const R = world.residents;
  const active = own.active;
  const { infectedAt, detectedOn } = own.cases;
  let kept = 0;
  for (let k = 0; k < active.length; k++) {
    const r = active[k];
    const was = R.infection[r];
    const now = stateAt(world, r, day);
    if (now !== was) {
      move(own, R.age[r], was, now);
      R.infection[r] = now;
      if (now === STATE.dead && R.role[r] !== ROLE.none) own.goneHelpers.push(r);
    }
    const i = R.caseNo[r] - 1;
    if (detectedOn[i] === day) found(world, own, r, day);
    const done = now === STATE.recovered || now === STATE.dead;
    if (done) R.isolated[r] = 0;
    // Kept a day after an infection made by transmission, for what it owes that night (transmission.ts).
    if (!done || detectedOn[i] > day || Math.floor(infectedAt[i]) >= day - 1) active[kept++] = r;
  }
  active.length = kept;
}

function found(world: EpidemicWorld, own: EpidemicState, r: number, day: number): void {
  const response = world.scenario.epidemic.response;
  const R = world.residents;
  own.detected++;
  world.today.casesDetected++;
  const h = R.household[r];
  const alive = R.infection[r] !== STATE.dead && R.infection[r] !== STATE.recovered;
  if (alive && isSevere(R.outcome[r])) R.isolated[r] = 2;
  else if (alive && response.isolateCases) R.isolated[r] = 1;
  if (response.quarantineDays > 0) confineUntil(world.households.quarantinedUntil, own.quarantined, h, day, day + response.quarantineDays);
  if (response.quarantineDays > 0) own.confinementsUntil = Math.max(own.confinementsUntil, day + response.quarantineDays);
  if (response.closure !== 'none') own.confinementsUntil = Math.max(own.confinementsUntil, day + response.closureDays);
  if (response.closure === 'building') confineUntil(world.buildings.closedUntil, own.closedBuildings, world.households.building[h], day, day + response.closureDays);
  else if (response.closure === 'compound') confineUntil(world.compounds.closedUntil, own.closedCompounds, world.households.compound[h], day, day + response.closureDays);
  const rc = world.state.residentsCommittee as RcState | undefined;
  if (rc && response.tracingHours > 0 && response.tracingDays > 0) rc.surges.push({ hours: response.tracingHours, untilDay: day + response.tracingDays });
}

/** Whether household h must stay at home on `day`: quarantined, or its building or compound closed. The rule the confinement lists keep (tests/epidemic/confinement.test.ts checks them against it). */
export function confinedOn(world: EpidemicWorld, h: number, day: number): boolean {
  const hh = world.households;
  return hh.quarantinedUntil[h] > day || world.buildings.closedUntil[hh.building[h]] > day || world.compounds.closedUntil[hh.compound[h]] > day;
}

/** No household is confined today: every confinement in force has ended (`confinedToday` false for all). */
export function noneConfinedToday(own: EpidemicState): boolean {
  return own.day >= own.confinementsUntil;
}

/**
 * confinedOn for today (`own.day`), asked for every household that would go out or collect an
 * order: with no confinement in force no column is read, and with no building or compound closed
 * today (their lists empty) only the household's quarantine.
 */
export function confinedToday(world: EpidemicWorld, own: EpidemicState, h: number): boolean {
  const day = own.day;
  if (noneConfinedToday(own)) return false;
  const hh = world.households;
  return (
    hh.quarantinedUntil[h] > day ||
    (own.closedBuildings.count > 0 && world.buildings.closedUntil[hh.building[h]] > day) ||
    (own.closedCompounds.count > 0 && world.compounds.closedUntil[hh.compound[h]] > day)
  );
}

/**
 * Of the first `count` households listed, those not confined today (`confinedToday`) kept at the
 * list's head, in order; returns how many. With no confinement in force, the list as it is; with
 * no building or compound closed today, those not quarantined (`notQuarantined`).
 */
export function letOut(world: EpidemicWorld, own: EpidemicState, households: Int32Array, count: number): number {
  if (noneConfinedToday(own)) return count;
  if (own.closedBuildings.count === 0 && own.closedCompounds.count === 0) return notQuarantined(households, count, world.households.quarantinedUntil, own.day);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const h = households[i];
    if (!confinedToday(world, own, h)) households[n++] = h;
  }
  return n;
}

/**
 * Of the first `count` households listed, those not quarantined on `day`, kept at the list's head
 * in order; returns how many. A kernel on one column, not `confinedToday` per household (which
 * reads the world's objects for each), and branch-free as wantingToShop (households/outings.ts):
 * every household is written back and the list grows by 0 or 1. The would-be shoppers of a day
 * of home quarantines (70k of 362k households, 1,000 quarantined; /tmp micro-benchmark, issue 16
 * part 16ak): 5.7–6.4 → 2.1–2.5 ns a household.
 */
function notQuarantined(households: Int32Array, count: number, quarantinedUntil: Int16Array, day: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const h = households[i];
    households[n] = h;
    n += +(quarantinedUntil[h] <= day);
  }
  return n;
}

/**
 * Keeps place `i` (a household, building or compound) confined until `until` at least, and in the
 * list of places confined today if it was not confined on `day` (so each is listed once).
 */
function confineUntil(closedUntil: Int16Array | Int32Array, confined: DayList, i: number, day: number, until: number): void {
  if (closedUntil[i] <= day && until > day) add(confined, i);
  closedUntil[i] = Math.max(closedUntil[i], until);
}

/** Each dawn, before new cases are found: the quarantines and closures that have ended leave their lists. */
function endConfinements(world: EpidemicWorld, own: EpidemicState, day: number): void {
  stillConfined(own.quarantined, world.households.quarantinedUntil, day);
  stillConfined(own.closedBuildings, world.buildings.closedUntil, day);
  stillConfined(own.closedCompounds, world.compounds.closedUntil, day);
}

/** Keeps, in order, the places of `list` still confined on `day`. */
function stillConfined(list: DayList, closedUntil: Int16Array | Int32Array, day: number): void {
  let kept = 0;
  for (let k = 0; k < list.count; k++) if (closedUntil[list.items[k]] > day) list.items[kept++] = list.items[k];
  list.count = kept;
}

/**
 * The households kept at home today — those of closed compounds, of closed buildings and the
 * quarantined, each counted once — and each one's day of confinement. Walks the places confined
 * (kept in lists as closures start and end), not every household: confinedOn for every
 * household gives the same count and the same days.
 */
function countConfined(world: EpidemicWorld, own: EpidemicState, day: number): void {
  const hh = world.households;
  const B = world.buildings;
  const C = world.compounds;
  const { confinedDays } = hh;
  let n = 0;
  for (let k = 0; k < own.closedCompounds.count; k++) {
    const c = own.closedCompounds.items[k];
    n += confineRange(confinedDays, C.firstHousehold[c], C.households[c]);
  }
  for (let k = 0; k < own.closedBuildings.count; k++) {
    const b = own.closedBuildings.items[k];
    if (C.closedUntil[B.compound[b]] <= day) n += confineRange(confinedDays, B.firstHousehold[b], B.households[b]);
  }
  for (let k = 0; k < own.quarantined.count; k++) {
    const h = own.quarantined.items[k];
    if (B.closedUntil[hh.building[h]] > day || C.closedUntil[hh.compound[h]] > day) continue;
    confinedDays[h]++;
    n++;
  }
  world.today.householdsConfined = n;
}

/** A day of confinement for each of `count` households from `first`; returns `count`. */
function confineRange(confinedDays: Int16Array, first: number, count: number): number {
  for (let h = first; h < first + count; h++) confinedDays[h]++;
  return count;
}
