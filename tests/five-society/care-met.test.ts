/**
 * Counted as things change, not by a pass over households (issue 16). careMet's counts by day of
 * last visit (community-care's care-met.ts) equal a pass over each group's `lastVisit` on every day
 * of a small five-society run (normal care visits, then the crisis's shorter interval) and after a
 * snapshot is restored. Trust follows ties inside the night's ties pass (trust-ties.ts, a follower
 * of self-organisation's ties.ts): each night every household's trust has moved by
 * `care.trustFromTies` × the change in its ties (clamped to 0–1) and by nothing else, and
 * meanTrust is the mean of the day's trust before that, as a pass over the column would give;
 * without self-organisation, meanTrust is still the day's mean.
 */
import { describe, expect, it } from 'vitest';
import { mean } from '../../src/engine/index.js';
import { createSimulation } from '../../src/model/index.js';
import { careOf, VULNERABLE, VULNERABLE_GROUPS } from '../../src/modules/community-care/index.js';
import { metWithin } from '../../src/modules/community-care/care-met.js';
import { fsScenario, without } from './helpers.js';

type World = Parameters<typeof careOf>[0] & { households: { vulnerable: Uint8Array; lastVisit: Int16Array; ties: Float64Array; trust: Float64Array } };
type Sim = ReturnType<typeof createSimulation>;

function byPass(w: World, code: number, day: number, interval: number): number {
  const { vulnerable, lastVisit } = w.households;
  let n = 0;
  for (let h = 0; h < vulnerable.length; h++) if (vulnerable[h] === code && lastVisit[h] >= 0 && day - lastVisit[h] < interval) n++;
  return n;
}

interface Tally { mismatches: number; met: number; trustOff: number; meanOff: number; moved: number }

/** Steps the run to `until` (or its end), checking each day; the night's ties step is watched for what it does to trust. */
function check(sim: Sim, until = Infinity): Tally {
  const w = sim.world as unknown as World;
  const s = w.scenario.care;
  const tally: Tally = { mismatches: 0, met: 0, trustOff: 0, meanOff: 0, moved: 0 };
  // The day's trust and ties just before the night's ties pass.
  let dayMean = NaN;
  let trustBefore = new Float64Array(0);
  let tiesBefore = new Float64Array(0);
  const ties = sim.processes.find((p) => p.name === 'socialTies');
  const original = ties?.step;
  if (ties) {
    (ties as { step: typeof ties.step }).step = (world, ctx) => {
      dayMean = mean(w.households.trust);
      trustBefore = Float64Array.from(w.households.trust);
      tiesBefore = Float64Array.from(w.households.ties);
      original!.call(ties, world, ctx);
      const k = s.trustFromTies;
      const { trust, ties: after } = w.households;
      for (let h = 0; h < trust.length; h++) {
        const change = after[h] - tiesBefore[h];
        const expected = change === 0 ? trustBefore[h] : Math.min(1, Math.max(0, trustBefore[h] + k * change));
        if (change !== 0) tally.moved++;
        if (!Object.is(trust[h], expected)) tally.trustOff++;
      }
    };
  }
  try {
    while (!sim.done && sim.day <= until) {
      if (!ties) dayMean = NaN;
      sim.step();
      const day = sim.day - 1;
      if (!ties) dayMean = mean(w.households.trust);
      if (!Object.is(sim.columns.meanTrust[day], dayMean)) tally.meanOff++;
      const interval = careOf(w).crisis ? s.visitIntervalDays.crisis : s.visitIntervalDays.normal;
      VULNERABLE_GROUPS.forEach((g, k) => {
        const counted = metWithin(careOf(w).visits, k, day, interval);
        if (counted !== byPass(w, VULNERABLE[g], day, interval)) tally.mismatches++;
        tally.met += counted;
      });
    }
  } finally {
    if (ties) (ties as { step: typeof ties.step }).step = original!;
  }
  return tally;
}

describe('counts kept as things change', () => {
  it('careMet counts equal a pass every day, and after a restored snapshot; trust follows the night\'s ties and meanTrust is the day\'s mean', () => {
    const sim = createSimulation(fsScenario('five-society'), 'care-met');
    // Up to day 100 (normal times), a snapshot, then the rest (the crisis).
    const normal = check(sim, 100);
    const snapshot = sim.snapshot();
    const crisis = check(sim);
    for (const t of [normal, crisis]) {
      expect(t.mismatches).toBe(0);
      expect(t.trustOff).toBe(0);
      expect(t.meanOff).toBe(0);
    }
    expect(normal.met).toBeGreaterThan(0);
    expect(crisis.moved).toBeGreaterThan(0);
    sim.restore(snapshot);
    expect(check(sim)).toEqual(crisis);
  });

  it('careMet counts equal a pass when the crisis interval is the longer one (the ring is widened at the crisis)', () => {
    const sim = createSimulation(fsScenario('five-society', { 'care.visitIntervalDays': { normal: 3, crisis: 20 } }), 'care-met');
    const t = check(sim);
    expect(t.mismatches).toBe(0);
    expect(t.met).toBeGreaterThan(0);
  });

  it('without self-organisation nothing follows ties, and meanTrust is still the day\'s mean', () => {
    const sim = createSimulation(without(fsScenario('five-society'), 'selfOrganisation'), 'care-met');
    const t = check(sim);
    expect(t.meanOff).toBe(0);
    expect(t.mismatches).toBe(0);
  });
});
