/**
 * Residents' run-around between line departments (paper 004): a resident with a matter for the
 * departments does not know which is responsible and goes to one. Where boundaries are clear, a
 * wrong department sends them to the right one; where they are unclear, every department visited
 * — the right one too — takes the matter up only with the chance 1 / departments and otherwise
 * passes it to another, until the street office takes it up itself after the most visits. A
 * one-stop hall (an intervention) takes every matter at one window and routes it inside: one
 * visit. The time lost is the visits times the days each costs.
 */
import { poisson, type ModuleProcess, type Rng } from '../../engine/index.js';
import type { GovernanceLoadParams } from './params.js';

export interface RunAroundState {
  oneStopHall: boolean;
  /** Per calendar year: matters, visits and days lost. */
  byYear: Record<string, { matters: number; visits: number; days: number }>;
  residents: number;
}

/** Offices a resident visits for one matter. */
export function visitsFor(s: GovernanceLoadParams, hall: boolean, rng: Rng): number {
  if (hall) return 1;
  const D = s.departments;
  const right = Math.floor(rng() * D);
  let at = Math.floor(rng() * D);
  const unclear = rng() < s.runAround.unclearShare;
  for (let visits = 1; visits < s.runAround.maxVisits; visits++) {
    if (unclear ? rng() < 1 / D : at === right) return visits;
    if (!unclear) return visits + 1; // sent on to the right department
    at = Math.floor(rng() * D);
  }
  return s.runAround.maxVisits;
}

export const runAround: ModuleProcess<any, RunAroundState> = {
  name: 'runAround',
  slot: 'morning',
  step(world, st, ctx) {
    const s = world.scenario.governanceLoad as GovernanceLoadParams;
    const n = poisson(ctx.rng, (s.runAround.mattersPer1000PerYear * st.residents) / 1000 / 365);
    if (n === 0) return;
    const y = (st.byYear[ctx.date.slice(0, 4)] ??= { matters: 0, visits: 0, days: 0 });
    for (let i = 0; i < n; i++) {
      const v = visitsFor(s, st.oneStopHall, ctx.rng);
      y.matters++;
      y.visits += v;
      y.days += v * s.runAround.daysPerVisit;
    }
  },
};
