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
import { move, stateAt } from './course.js';
import { isSevere, STATE, type EpidemicState, type EpidemicWorld } from './state.js';

export const course: ModuleProcess<EpidemicWorld, EpidemicState> = {
  name: 'epidemicCourse',
  slot: 'dawn',
  step(world, own, ctx) {
    const day = ctx.day;
    own.day = day;
    own.outings.count = 0;
    own.doors.count = 0;
    own.pickups.count = 0;
    progress(world, own, day);
    countAbsences(world, own, day);
    // Most days of most runs no one is kept at home: then there is nothing to count.
    if (day < own.confinementsUntil) countConfined(world, day);
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
  if (response.quarantineDays > 0) world.households.quarantinedUntil[h] = Math.max(world.households.quarantinedUntil[h], day + response.quarantineDays);
  if (response.quarantineDays > 0) own.confinementsUntil = Math.max(own.confinementsUntil, day + response.quarantineDays);
  if (response.closure !== 'none') own.confinementsUntil = Math.max(own.confinementsUntil, day + response.closureDays);
  if (response.closure === 'building') {
    const b = world.households.building[h];
    world.buildings.closedUntil[b] = Math.max(world.buildings.closedUntil[b], day + response.closureDays);
  } else if (response.closure === 'compound') {
    const c = world.households.compound[h];
    world.compounds.closedUntil[c] = Math.max(world.compounds.closedUntil[c], day + response.closureDays);
  }
  const rc = world.state.residentsCommittee as RcState | undefined;
  if (rc && response.tracingHours > 0 && response.tracingDays > 0) rc.surges.push({ hours: response.tracingHours, untilDay: day + response.tracingDays });
}

/** Whether household h must stay at home on `day`: quarantined, or its building or compound closed. */
export function confinedOn(world: EpidemicWorld, h: number, day: number): boolean {
  const hh = world.households;
  return hh.quarantinedUntil[h] > day || world.buildings.closedUntil[hh.building[h]] > day || world.compounds.closedUntil[hh.compound[h]] > day;
}

function countConfined(world: EpidemicWorld, day: number): void {
  const { quarantinedUntil, building, compound, confinedDays } = world.households;
  world.today.householdsConfined = confine(quarantinedUntil, building, compound, world.buildings.closedUntil, world.compounds.closedUntil, confinedDays, day);
}

/**
 * confinedOn for every household, counting the days each is kept at home; on columns only, so
 * that its optimised code survives: with the world's objects read after the loop, V8 dropped it
 * dozens of times a run ("wrong map" at the write after the loop) and ran the loop unoptimised.
 */
function confine(quarantinedUntil: Int16Array, building: ArrayLike<number>, compound: ArrayLike<number>, buildingClosed: Int32Array, compoundClosed: Int32Array, confinedDays: Int16Array, day: number): number {
  let n = 0;
  for (let h = 0; h < quarantinedUntil.length; h++) {
    if (quarantinedUntil[h] > day || buildingClosed[building[h]] > day || compoundClosed[compound[h]] > day) {
      confinedDays[h]++;
      n++;
    }
  }
  return n;
}

/** A helper is off work when ill with symptoms, isolated, quarantined with the household, or dead. */
export function offWork(world: EpidemicWorld, r: number, day: number): boolean {
  const R = world.residents;
  const s = R.infection[r];
  return s === STATE.symptomatic || s === STATE.dead || R.isolated[r] !== 0 || world.households.quarantinedUntil[R.household[r]] > day;
}

function countAbsences(world: EpidemicWorld, own: EpidemicState, day: number): void {
  const tally = (start: Int32Array, list: Int32Array, into: Int32Array) => {
    for (let u = 0; u < into.length; u++) {
      let n = 0;
      for (let i = start[u]; i < start[u + 1]; i++) if (offWork(world, list[i], day)) n++;
      into[u] = n;
    }
  };
  tally(own.partyStart, own.partyList, own.partyAbsent);
  tally(own.volunteerStart, own.volunteerList, own.volunteerAbsent);
  let n = 0;
  for (const r of own.staff) if (offWork(world, r, day)) n++;
  own.staffAbsent = n;
}

