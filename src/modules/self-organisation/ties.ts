/**
 * Ties to neighbours: the social capital self-organisation and volunteering read, as it changes
 * through a crisis. Paper 000 credits the owners' committee's years of regular discussion for its
 * compound's group buying; paper 001 says crises and shared service build social capital, and that
 * it weakens in stranger communities without activity. So each household's ties start at its
 * compound's prior social capital, grow with every activity it shares with neighbours — a group
 * buy joined, goods carried to its door by a neighbour, a day volunteering — and fade back toward
 * their level before the crisis without it. A compound's social capital is its households' mean.
 */
import { z } from 'zod';
import type { ModuleProcess, Table } from '../../engine/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import type { CommunityWorld } from '../community/index.js';
import { CRISIS_PHASES, type PhaseName } from '../lockdown/index.js';
import { p, share, U } from '../../scenario/params.js';

/** Built when the self-organisation section is (see `sections`). */
export const tiesParams = () => z
  .object({
    growthPerActivity: p(share, "each activity a household shares with neighbours (a group buy joined, goods carried to its door by a neighbour, a day volunteering) closes this share of the gap between its ties and 1", U.share),
    decayPerDay: p(share, 'each day, ties move this share of the way back to their level before the crisis', U.share),
    participationEffect: p(share, 'how much weak ties hold a household back from a group buy: its chance to join is participation × (1 − this × (1 − ties))', U.share),
  })
  .strict()
  .meta({ description: "households' ties to neighbours (social capital): growth with shared activity, decay without" });

export const tiesColumns = {
  /** Ties before the crisis: what they decay back to. */
  tiesBaseline: Float64Array,
};

export interface TiesWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof tiesColumns>;
}

export interface TiesState {
  /** Whether a crisis has begun (ties change only from then on). */
  crisis: boolean;
  /** Each compound's social capital as this process last left it, to see what other modules added since. */
  lastSocialCapital: Float64Array;
  /**
   * Every household's ties added up in household order, as the last night's pass left them (at
   * init, as populated): the meanTies metric, kept by the pass that changes them (nothing else
   * writes ties), so the metric needs no pass of its own.
   */
  tiesTotal: number;
}

/**
 * What follows households' ties, contributed by other modules (community care's trust): the
 * night's pass hands each compound's households to every follower right after it has written
 * their ties, with how far each moved tonight (`change[h − first]`, 0 where it did not; `moved`
 * false when none in the compound did), while the compound's households are in cache — rather
 * than the follower walking every household again and keeping a copy of the ties to see what
 * changed. Every compound, in household order, every night. None contributed: nothing follows.
 */
export const TIES_FOLLOWERS = 'selfOrganisation.tiesFollowers';
export interface TiesFollower<W = TiesWorld> {
  name: string;
  follow(world: W, first: number, end: number, change: Float64Array, moved: boolean, day: number): void;
}

/**
 * A household's chance to join a group buy: the participation of its kind (online or offline),
 * held back by weak ties. Under movement control and closed management alike.
 */
export function joinChance(participation: number, participationEffect: number, ties: number): number {
  return participation * (1 - participationEffect * (1 - ties));
}

/** A household shares an activity with its neighbours today (read by the ties process at night). */
export function shareActivity(world: CommunityWorld, h: number): void {
  const a = world.households.sharedActivity;
  if (a[h] < 255) a[h]++;
}

// The passes over every household below are functions of their own on columns and numbers:
// with the loops inside the step, V8 compiled them on stack replacement and dropped that code at
// the first read of a world object after the loop (no type feedback there), about 30 times a run,
// so they ran unoptimised until recompiled (docs/performance.md, issue 16). The step walks compound
// by compound (a compound's households are consecutive, compounds in household order): what was
// added to a compound is read once for its households, no compound column is read per household,
// and the followers get each compound as soon as its ties are written.

/**
 * Before the crisis: ties follow the compound's social capital, and so does their level to return
 * to, for households first..end−1 of a compound `added` was added to; each one's change into
 * `change`. Returns `total` with their new ties added to it in household order (meanTies).
 */
function followCapital(first: number, end: number, ties: Float64Array, baseline: Float64Array, added: number, change: Float64Array, total: number): number {
  for (let h = first; h < end; h++) {
    const x = Math.min(1, Math.max(0, ties[h] + added));
    change[h - first] = x - ties[h];
    ties[h] = x;
    baseline[h] = x;
    total += x;
  }
  return total;
}

/** `total` with the ties of households first..end−1 added to it in household order. */
function addUpTies(first: number, end: number, ties: Float64Array, total: number): number {
  for (let h = first; h < end; h++) total += ties[h];
  return total;
}

/**
 * Ties `x` after `k` activities shared tonight, each closing `growth` of the gap to 1: the same
 * additions in the same order as `for (; k > 0; k--) x += growth * (1 - x)`, the first without a
 * branch. Households with an activity and without one alternate at random (who joined a group
 * buy, who was carried goods: about 11 % of the crisis's household-nights in the Q and *all*
 * models at 100k), so the loop's test on `activity[h]` was mispredicted for many of them; two or
 * more are rare (0.7 %), and their loop stays. With k = 0 the first addition adds ±0 (ties are
 * finite), which leaves x as it is, x never being −0: ties start at a compound's social capital
 * (a share, 0 or above), the clamps give +0 at least, and a subtraction gives −0 only from −0.
 * One addition serves all: a second one for the rare second activity was first reached days into
 * the crisis, with no type feedback in the code compiled before, and V8 threw away the code of
 * this function and of the ties step it is inlined into; the later ones multiply by 1 (exact).
 */
export function afterActivities(x: number, k: number, growth: number): number {
  do {
    x += growth * (1 - x) * +(k > 0);
    k--;
  } while (k > 0);
  return x;
}

/**
 * From the crisis on: ties of households first..end−1 of compound c grow with each shared
 * activity and fade back without; each one's change into `change`, the compound's sum into
 * `sums[c]`. Returns `total` with every household's ties added to it in household order, for
 * the meanTies metric: the same additions in the same order as a pass of its own over the column
 * after this one, which this saves.
 */
function growAndFade(c: number, first: number, end: number, ties: Float64Array, baseline: Float64Array, activity: Uint8Array, added: number, growth: number, decay: number, change: Float64Array, sums: Float64Array, total: number): number {
  let sum = 0;
  for (let h = first; h < end; h++) {
    const before = ties[h];
    let x = before;
    if (added !== 0) {
      x = Math.min(1, Math.max(0, x + added));
      baseline[h] = Math.min(1, Math.max(0, baseline[h] + added));
    }
    // Each shared activity closes part of the gap to full ties; without any they fade back.
    x = afterActivities(x, activity[h], growth);
    x -= decay * (x - baseline[h]);
    ties[h] = x;
    change[h - first] = x - before;
    sum += x;
    total += x;
  }
  sums[c] = sum;
  return total;
}

/**
 * The households' ties added up in household order (the meanTies metric's numerator) at init.
 * Not the engine's `sum`: ties are never NaN, so this loop has no test per household.
 */
export function tiesAddedUp(ties: Float64Array): number {
  let n = 0;
  for (let h = 0; h < ties.length; h++) n += ties[h];
  return n;
}

/** How far each household of the compound at hand moved tonight: reused, grown to the largest compound. */
let change = new Float64Array(0);

export const socialTies: ModuleProcess<TiesWorld, TiesState> = {
  name: 'socialTies',
  slot: 'night',
  step(world, own, ctx) {
    const hh = world.households;
    const C = world.compounds;
    const { ties, tiesBaseline: baseline, sharedActivity: activity } = hh;
    if (!own.crisis && CRISIS_PHASES.includes(ctx.phase as PhaseName)) own.crisis = true;
    const followers = ctx.provided<TiesFollower<TiesWorld>>(TIES_FOLLOWERS);
    for (let c = 0; c < C.count; c++) if (C.households[c] > change.length) change = new Float64Array(C.households[c]);
    // Social capital another module added since last night (a social organisation's meetings)
    // raises every household's ties in the compound, and their level to return to.
    const added = new Float64Array(C.count);
    for (let c = 0; c < C.count; c++) added[c] = C.socialCapital[c] - own.lastSocialCapital[c];
    if (!own.crisis) {
      // Before the crisis ties follow the compound's social capital and nothing else. Where any
      // compound's moved, the households' ties are added up for meanTies as the compounds are
      // walked (the ones that moved in the loop that writes them), in household order from 0:
      // the additions of a pass of its own over the column after this one, which this saves.
      let moved = false;
      for (let c = 0; c < C.count && !moved; c++) moved = added[c] !== 0;
      let total = 0;
      for (let c = 0; c < C.count; c++) {
        const first = C.firstHousehold[c];
        const end = first + C.households[c];
        const here = added[c] !== 0;
        if (here) total = followCapital(first, end, ties, baseline, added[c], change, total);
        else if (moved) total = addUpTies(first, end, ties, total);
        for (let f = 0; f < followers.length; f++) followers[f].follow(world, first, end, change, here, ctx.day);
      }
      if (moved) own.tiesTotal = total;
      activity.fill(0);
      own.lastSocialCapital.set(C.socialCapital);
      return;
    }
    // Parameters are read only from the crisis on, so the normal period does not depend on them.
    const { growthPerActivity: growth, decayPerDay: decay } = world.scenario.selfOrganisation.ties;
    const sums = new Float64Array(C.count);
    let total = 0;
    for (let c = 0; c < C.count; c++) {
      const first = C.firstHousehold[c];
      const end = first + C.households[c];
      total = growAndFade(c, first, end, ties, baseline, activity, added[c], growth, decay, change, sums, total);
      for (let f = 0; f < followers.length; f++) followers[f].follow(world, first, end, change, true, ctx.day);
    }
    own.tiesTotal = total;
    activity.fill(0);
    for (let c = 0; c < C.count; c++) {
      if (C.households[c] > 0) C.socialCapital[c] = sums[c] / C.households[c];
      own.lastSocialCapital[c] = C.socialCapital[c];
    }
  },
};
