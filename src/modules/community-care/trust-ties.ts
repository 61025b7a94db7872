/**
 * Trust follows ties (paper 001's cultural dimension of resilience: stranger communities with weak
 * ties to neighbours participate little; that trust grows with ties built through shared activity
 * and service is this model's reading, `care.trustFromTies` assumed). Each night, as ties change
 * (self-organisation's ties.ts), a household's trust in the community's actors moves by
 * `care.trustFromTies` × the change in its ties to neighbours: ties that grew through group buys,
 * help carried to the door or a day volunteering raise it, ties fading after the crisis lower it.
 * Ties are the community module's shared column, so trust reads them wherever they change and
 * stays as it was where nothing changes them.
 *
 * Until issue 16 this ran at the next dawn, as a pass of its own over every household with a copy
 * of the ties (`tiesSeen`) to see what changed, and meanTrust was another pass. Nothing reads trust
 * between the night and the dawn but meanTrust (the pool's recruitment, social organisations'
 * activities and the demand channel run in the morning and afternoon), so trust now follows in
 * the ties' own pass: the night's ties process hands each compound's households over as it writes
 * their ties, with how far each moved (`follower`, a contribution to ties.ts), and this adds up
 * the day's trust for meanTrust as it reads it, before changing it. Every value is what it was.
 * Without self-organisation nothing changes ties and nothing hands households over: the night's
 * `trustFromTies` only adds up the day's trust.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { TiesFollower } from '../self-organisation/ties.js';
import { own, type CareState, type CareWorld } from './state.js';

/** Trust follows each compound's ties as the night's ties pass writes them (every compound, in household order). */
export const follower: TiesFollower<CareWorld> = {
  name: 'trust',
  follow(world, first, end, change, moved, day) {
    const st = own(world);
    if (st.trustAddedUpOn !== day) {
      st.trustAddedUpOn = day;
      st.dayTrust[0] = 0;
      st.dayTrust[1] = 0;
    }
    const from = moved ? firstMoved(first, end, change) : end;
    // Read only once ties move, so a run in which nothing changes them does not depend on it.
    const k = from < end ? world.scenario.care.trustFromTies : 0;
    followAndAddUp(first, from, end, change, world.households.trust, k, st.dayTrust);
  },
};

/** Night, after the ties (order 10, whatever the module order): where no ties pass handed the households over tonight, the day's trust added up for meanTrust. */
export const trustFromTies: ModuleProcess<CareWorld, CareState> = {
  name: 'trustFromTies',
  slot: 'night',
  order: 10,
  step(world, state, ctx) {
    if (state.trustAddedUpOn === ctx.day) return;
    state.trustAddedUpOn = ctx.day;
    state.dayTrust[0] = 0;
    state.dayTrust[1] = 0;
    followAndAddUp(0, world.households.count, world.households.count, EMPTY, world.households.trust, 0, state.dayTrust);
  },
};
const EMPTY = new Float64Array(0);

// Kernels on columns and numbers, not a loop inside a step: there V8 compiled the loop on stack
// replacement and dropped it at the world read after it.

/** The first household of first..end−1 whose ties moved tonight, or `end`. */
function firstMoved(first: number, end: number, change: Float64Array): number {
  let h = first;
  while (h < end && change[h - first] === 0) h++;
  return h;
}

/**
 * Households first..end−1: their trust added (skipping NaN, as `mean` does) to `day` [sum,
 * households counted], each one's before it changes, in household order; from household `from`
 * on, trust follows the change in ties (`change[h − first]`).
 */
function followAndAddUp(first: number, from: number, end: number, change: Float64Array, trust: Float64Array, k: number, day: Float64Array): void {
  let sum = day[0];
  let n = day[1];
  for (let h = first; h < from; h++) {
    const v = trust[h];
    if (!Number.isNaN(v)) { sum += v; n++; }
  }
  for (let h = from; h < end; h++) {
    const v = trust[h];
    if (!Number.isNaN(v)) { sum += v; n++; }
    const moved = change[h - first];
    if (moved === 0) continue;
    // Clamped to [0, 1] by comparisons rather than Math.min(1, Math.max(0, x)): the same values
    // (trust is never −0, so neither is x, and NaN passes through both), about 1 ns less per
    // household in V8, whose Math.max also sorts out −0 (docs/performance.md, part 16ah).
    const x = v + k * moved;
    trust[h] = x < 0 ? 0 : x > 1 ? 1 : x;
  }
  day[0] = sum;
  day[1] = n;
}
