/**
 * Trust follows ties (paper 001's cultural dimension of resilience: stranger communities with weak
 * ties to neighbours participate little; that trust grows with ties built through shared activity
 * and service is this model's reading, `care.trustFromTies` assumed). Each night, once ties have
 * changed (self-organisation's ties.ts), a household's trust in the community's actors moves by
 * `care.trustFromTies` × the change in its ties to neighbours since the night before: ties that
 * grew through group buys, help carried to the door or a day volunteering raise it, ties fading
 * after the crisis lower it. Ties are the community module's shared column, so trust reads them
 * wherever they change and stays as it was where nothing changes them.
 *
 * Until issue 16 this ran at the next dawn. Nothing reads trust between the two but the meanTrust
 * metric (the processes that do — the pool's recruitment, social organisations' activities, the
 * demand channel — run in the morning and afternoon), so it now runs in the night's pass, after
 * the ties (order 10, whatever the module order), and adds up the day's trust for meanTrust as it
 * reads it, before changing it: the metric needs no pass of its own over every household, and
 * every value is what it was.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { CareState, CareWorld } from './state.js';

export const trustFromTies: ModuleProcess<CareWorld, CareState> = {
  name: 'trustFromTies',
  slot: 'night',
  // After the night's ties (self-organisation's socialTies, order 0).
  order: 10,
  step(world, state) {
    const { count, ties, tiesSeen, trust } = world.households;
    const from = firstMoved(count, ties, tiesSeen);
    // Read only once ties move, so a run in which nothing changes them does not depend on it.
    const k = from < count ? world.scenario.care.trustFromTies : 0;
    followAndAddUp(from, count, ties, tiesSeen, trust, k, state.dayTrust);
  },
};

// Kernels on columns and numbers, not a loop inside step: there V8 compiled the loop on stack
// replacement and dropped it at the world read after it.

/** The first household whose ties moved since last night, or `count`. */
function firstMoved(count: number, ties: Float64Array, tiesSeen: Float64Array): number {
  let h = 0;
  while (h < count && ties[h] - tiesSeen[h] === 0) h++;
  return h;
}

/**
 * The day's trust added up (skipping NaN, as `mean` does) into `day` [sum, households counted],
 * each household's before it changes; trust follows the change in ties from household `from` on.
 */
function followAndAddUp(from: number, count: number, ties: Float64Array, tiesSeen: Float64Array, trust: Float64Array, k: number, day: Float64Array): void {
  let sum = 0;
  let n = 0;
  for (let h = 0; h < from; h++) {
    const v = trust[h];
    if (!Number.isNaN(v)) { sum += v; n++; }
  }
  for (let h = from; h < count; h++) {
    const v = trust[h];
    if (!Number.isNaN(v)) { sum += v; n++; }
    const change = ties[h] - tiesSeen[h];
    if (change === 0) continue;
    trust[h] = Math.min(1, Math.max(0, v + k * change));
    tiesSeen[h] = ties[h];
  }
  day[0] = sum;
  day[1] = n;
}
