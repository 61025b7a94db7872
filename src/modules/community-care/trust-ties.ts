/**
 * Trust follows ties (paper 001's cultural dimension of resilience: stranger communities with weak
 * ties to neighbours participate little; that trust grows with ties built through shared activity
 * and service is this model's reading, `care.trustFromTies` assumed). Each dawn a household's trust in the community's actors moves by
 * `care.trustFromTies` × the change in its ties to neighbours since the day before: ties that grew
 * through group buys, help carried to the door or a day volunteering (self-organisation's ties.ts)
 * raise it, ties fading after the crisis lower it. Ties are the community module's shared column,
 * so trust reads them wherever they change and stays as it was where nothing changes them.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { CareState, CareWorld } from './state.js';

export const trustFromTies: ModuleProcess<CareWorld, CareState> = {
  name: 'trustFromTies',
  slot: 'dawn',
  step(world) {
    const { count, ties, tiesSeen, trust } = world.households;
    const from = firstMoved(count, ties, tiesSeen);
    // Read only once ties move, so a run in which nothing changes them does not depend on it.
    if (from < count) follow(from, count, ties, tiesSeen, trust, world.scenario.care.trustFromTies);
  },
};

// Kernels on columns and numbers, not a loop inside step: there V8 compiled the loop on stack
// replacement and dropped it at the world read after it.

/** The first household whose ties moved since yesterday, or `count`. */
function firstMoved(count: number, ties: Float64Array, tiesSeen: Float64Array): number {
  let h = 0;
  while (h < count && ties[h] - tiesSeen[h] === 0) h++;
  return h;
}

/** Trust follows the change in ties, from household `from` on. */
function follow(from: number, count: number, ties: Float64Array, tiesSeen: Float64Array, trust: Float64Array, k: number): void {
  for (let h = from; h < count; h++) {
    const change = ties[h] - tiesSeen[h];
    if (change === 0) continue;
    trust[h] = Math.min(1, Math.max(0, trust[h] + k * change));
    tiesSeen[h] = ties[h];
  }
}
