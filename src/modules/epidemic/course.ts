/**
 * The course of one infection (SEIR with an asymptomatic branch). At infection each resident
 * draws, from the process's stream: whether the infection stays asymptomatic (by age), a latent
 * and an infectious time (Erlang with the scenario's means and shape — exponential at shape 1,
 * the classic SEIR), whether it is severe and whether it is fatal (by age: the elderly most at
 * risk), and whether and when it is detected. States then follow from the times each dawn.
 */
import { bernoulli, type Rng } from '../../engine/index.js';
import { addCase, AGE_NAMES, isFatal, OUTCOME, STATE, type EpidemicState, type EpidemicWorld } from './state.js';

/** An Erlang(k) time with the given mean: the sum of k exponentials. */
export function erlang(rng: Rng, mean: number, k: number): number {
  let product = 1;
  for (let i = 0; i < k; i++) product *= 1 - rng();
  return (-mean / k) * Math.log(product);
}

/** Infects susceptible resident r at time `at` (days), through `layer`; returns false if r was not susceptible. */
export function infect(world: EpidemicWorld, own: EpidemicState, r: number, at: number, layer: number, rng: Rng, infector = -1): boolean {
  const R = world.residents;
  if (R.infection[r] !== STATE.susceptible) return false;
  const e = world.scenario.epidemic;
  const c = e.course;
  const age = AGE_NAMES[R.age[r]];
  const asymptomatic = bernoulli(rng, c.asymptomaticShare[age]);
  const latent = erlang(rng, c.latentDays, c.durationShape);
  const infectious = erlang(rng, c.infectiousDays, c.durationShape);
  const severe = !asymptomatic && bernoulli(rng, c.severeShare[age]);
  const fatal = bernoulli(rng, c.fatalityShare[age]);
  const found = severe || bernoulli(rng, asymptomatic ? e.detection.asymptomaticShare : e.detection.symptomaticShare);
  R.infection[r] = STATE.exposed;
  const detectedOn = found ? Math.floor(at + latent + e.detection.delayDays) : -1;
  R.caseNo[r] = 1 + addCase(own.cases, at, at + latent, at + latent + infectious, detectedOn, infector);
  R.outcome[r] = (severe ? OUTCOME.severe : 0) | (fatal ? OUTCOME.fatal : 0) | (asymptomatic ? OUTCOME.asymptomatic : 0);
  R.layer[r] = layer;
  move(own, R.age[r], STATE.susceptible, STATE.exposed);
  own.active.push(r);
  world.today.newInfections++;
  return true;
}

/** Moves one resident of an age group between states in the daily tallies. */
export function move(own: EpidemicState, age: number, from: number, to: number): void {
  own.counts[from * 3 + age]--;
  own.counts[to * 3 + age]++;
}

/** The state resident r is in at time t, from its times. */
export function stateAt(world: EpidemicWorld, r: number, t: number): number {
  const R = world.residents;
  const { cases } = world.state.epidemic as EpidemicState;
  const i = R.caseNo[r] - 1;
  if (t < cases.infectiousAt[i]) return STATE.exposed;
  if (t < cases.removedAt[i]) return (R.outcome[r] & OUTCOME.asymptomatic) !== 0 ? STATE.asymptomatic : STATE.symptomatic;
  return isFatal(R.outcome[r]) ? STATE.dead : STATE.recovered;
}

/** Relative infectiousness of resident r (1 symptomatic, less if asymptomatic). */
export function infectiousness(world: EpidemicWorld, r: number): number {
  return (world.residents.outcome[r] & OUTCOME.asymptomatic) !== 0 ? world.scenario.epidemic.course.asymptomaticInfectiousness : 1;
}
