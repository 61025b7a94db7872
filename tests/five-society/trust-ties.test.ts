/**
 * Trust reads dynamic social capital (issue 11): communityCare's trust in the community's actors
 * follows the change in households' ties to neighbours, which grow with group buys, help carried
 * to the door and volunteering, and with social organisations' meetings, and fade without
 * (community-care/trust-ties.ts). Means over six seeds of the small five-society community, with
 * the mechanism switched off: trust that ignores ties, ties that activity does not build, and ties
 * that nothing changes.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/experiment/run.js';
import { fsScenario, mean, runs, without } from './helpers.js';

const N = 6;
/** Mean trust over the days of closed management, when ties grow most. */
const closureTrust = (r: RunResult) => mean(r.phases.map((p, i) => (p.startsWith('closed') ? r.series.meanTrust[i] : NaN)).filter((x) => !Number.isNaN(x)));
const effect = (overrides: Record<string, unknown>) => {
  const on = runs(fsScenario('five-society', overrides), N).map(closureTrust);
  const off = runs(fsScenario('five-society', { ...overrides, 'care.trustFromTies': 0 }), N).map(closureTrust);
  return { on, off, diff: mean(on) - mean(off) };
};

describe('trust follows the ties that shared activity builds', () => {
  it('trust during closure is higher where it follows ties, in every seed', () => {
    const { on, off, diff } = effect({});
    expect(diff).toBeGreaterThan(0.015);
    expect(on.every((x, i) => x > off[i])).toBe(true);
  }, 120_000);

  it('knock-out: ties that activity does not build (growthPerActivity 0) leave less than half the effect', () => {
    expect(effect({ 'selfOrganisation.ties.growthPerActivity': 0 }).diff).toBeLessThan(0.5 * effect({}).diff);
  }, 120_000);

  it('knock-out: where nothing changes ties (no selfOrganisation module), trustFromTies changes nothing', () => {
    const a = without(fsScenario('five-society'), 'selfOrganisation');
    const b = without(fsScenario('five-society', { 'care.trustFromTies': 0 }), 'selfOrganisation');
    expect(runs(a, N).map(closureTrust)).toEqual(runs(b, N).map(closureTrust));
  }, 120_000);
});
