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

/** A household shares an activity with its neighbours today (read by the ties process at night). */
/**
 * A household's chance to join a group buy: the participation of its kind (online or offline),
 * held back by weak ties. Under movement control and closed management alike.
 */
export function joinChance(participation: number, participationEffect: number, ties: number): number {
  return participation * (1 - participationEffect * (1 - ties));
}

export function shareActivity(world: CommunityWorld, h: number): void {
  const a = world.households.sharedActivity;
  if (a[h] < 255) a[h]++;
}

// The passes over every household below are functions of their own on columns and numbers:
// with the loops inside the step, V8 compiled them on stack replacement and dropped that code at
// the first read of a world object after the loop (no type feedback there), about 30 times a run,
// so they ran unoptimised until recompiled (docs/performance.md, issue 16). They walk compound by
// compound (a compound's households are consecutive, compounds in household order): what was
// added to a compound is read once for its households, and no compound column per household.

/**
 * Before the crisis: ties follow the compound's social capital, and so does their level to return
 * to; only the compounds something was added to are walked. Returns whether any ties moved.
 */
function followCapital(first: Int32Array, size: Int32Array, ties: Float64Array, baseline: Float64Array, added: Float64Array): boolean {
  let moved = false;
  for (let c = 0; c < first.length; c++) {
    const addedHere = added[c];
    if (addedHere === 0) continue;
    moved = true;
    const end = first[c] + size[c];
    for (let h = first[c]; h < end; h++) {
      ties[h] = Math.min(1, Math.max(0, ties[h] + addedHere));
      baseline[h] = ties[h];
    }
  }
  return moved;
}

/**
 * From the crisis on: ties grow with each shared activity and fade back without; each compound's
 * sum into `sums`, kept in a local while its households are walked (a store and reload of
 * `sums[c]` per household was a chain each household waited on). Returns every household's ties
 * added up in household order, for the meanTies metric: the same additions in the same order as a
 * pass of its own over the column after this one, which this saves.
 */
function growAndFade(first: Int32Array, size: Int32Array, ties: Float64Array, baseline: Float64Array, activity: Uint8Array, added: Float64Array, growth: number, decay: number, sums: Float64Array): number {
  let total = 0;
  for (let c = 0; c < first.length; c++) {
    const addedHere = added[c];
    let sum = 0;
    const end = first[c] + size[c];
    for (let h = first[c]; h < end; h++) {
      let x = ties[h];
      if (addedHere !== 0) {
        x = Math.min(1, Math.max(0, x + addedHere));
        baseline[h] = Math.min(1, Math.max(0, baseline[h] + addedHere));
      }
      // Each shared activity closes part of the gap to full ties; without any they fade back.
      for (let k = activity[h]; k > 0; k--) x += growth * (1 - x);
      x -= decay * (x - baseline[h]);
      ties[h] = x;
      sum += x;
      total += x;
    }
    sums[c] = sum;
  }
  return total;
}

/** The households' ties added up in household order (the meanTies metric's numerator). */
export function tiesAddedUp(ties: Float64Array): number {
  let n = 0;
  for (let h = 0; h < ties.length; h++) n += ties[h];
  return n;
}

export const socialTies: ModuleProcess<TiesWorld, TiesState> = {
  name: 'socialTies',
  slot: 'night',
  step(world, own, ctx) {
    const hh = world.households;
    const C = world.compounds;
    const { ties, tiesBaseline: baseline, sharedActivity: activity } = hh;
    if (!own.crisis && CRISIS_PHASES.includes(ctx.phase as PhaseName)) own.crisis = true;
    // Social capital another module added since last night (a social organisation's meetings)
    // raises every household's ties in the compound, and their level to return to.
    const added = new Float64Array(C.count);
    for (let c = 0; c < C.count; c++) added[c] = C.socialCapital[c] - own.lastSocialCapital[c];
    if (!own.crisis) {
      // Before the crisis ties follow the compound's social capital and nothing else.
      const moved = followCapital(C.firstHousehold, C.households, ties, baseline, added);
      if (moved) own.tiesTotal = tiesAddedUp(ties);
      activity.fill(0);
      own.lastSocialCapital.set(C.socialCapital);
      return;
    }
    // Parameters are read only from the crisis on, so the normal period does not depend on them.
    const { growthPerActivity: growth, decayPerDay: decay } = world.scenario.selfOrganisation.ties;
    const sums = new Float64Array(C.count);
    own.tiesTotal = growAndFade(C.firstHousehold, C.households, ties, baseline, activity, added, growth, decay, sums);
    activity.fill(0);
    for (let c = 0; c < C.count; c++) {
      if (C.households[c] > 0) C.socialCapital[c] = sums[c] / C.households[c];
      own.lastSocialCapital[c] = C.socialCapital[c];
    }
  },
};
