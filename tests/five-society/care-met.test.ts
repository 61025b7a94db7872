/**
 * Counted as things change, not by a pass over households (issue 16): careMet's counts by day of
 * last visit (community-care's care-met.ts) equal a pass over each group's `lastVisit` on every day
 * of a small five-society run (normal care visits, then the crisis's shorter interval) and after a
 * snapshot is restored; and trust follows the night's ties in the same night (trust-ties.ts runs
 * after self-organisation's ties whatever the module order), so no household's ties have moved
 * since trust last read them when a day ends.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { careOf, VULNERABLE, VULNERABLE_GROUPS } from '../../src/modules/community-care/index.js';
import { metWithin } from '../../src/modules/community-care/care-met.js';
import { fsScenario } from './helpers.js';

type World = Parameters<typeof careOf>[0] & { households: { vulnerable: Uint8Array; lastVisit: Int16Array; ties: Float64Array; tiesSeen: Float64Array } };

function byPass(w: World, code: number, day: number, interval: number): number {
  const { vulnerable, lastVisit } = w.households;
  let n = 0;
  for (let h = 0; h < vulnerable.length; h++) if (vulnerable[h] === code && lastVisit[h] >= 0 && day - lastVisit[h] < interval) n++;
  return n;
}

function check(sim: ReturnType<typeof createSimulation>, until = Infinity): { mismatches: number; met: number; unfollowed: number } {
  const w = sim.world as unknown as World;
  const s = w.scenario.care;
  let mismatches = 0;
  let met = 0;
  let unfollowed = 0;
  while (!sim.done && sim.day <= until) {
    sim.step();
    const day = sim.day - 1;
    const interval = careOf(w).crisis ? s.visitIntervalDays.crisis : s.visitIntervalDays.normal;
    VULNERABLE_GROUPS.forEach((g, k) => {
      const counted = metWithin(careOf(w).visits, k, day, interval);
      if (counted !== byPass(w, VULNERABLE[g], day, interval)) mismatches++;
      met += counted;
    });
    const { ties, tiesSeen } = w.households;
    for (let h = 0; h < ties.length; h++) if (ties[h] !== tiesSeen[h]) unfollowed++;
  }
  return { mismatches, met, unfollowed };
}

describe('counts kept as things change', () => {
  it('careMet counts equal a pass over the households every day, and after a restored snapshot; trust has followed the night\'s ties', () => {
    const sim = createSimulation(fsScenario('five-society'), 'care-met');
    // Up to day 100 (normal times), a snapshot, then the rest (the crisis).
    const normal = check(sim, 100);
    const snapshot = sim.snapshot();
    const first = check(sim);
    expect(normal.mismatches + first.mismatches).toBe(0);
    expect(normal.met).toBeGreaterThan(0);
    expect(normal.unfollowed).toBe(0);
    expect(first.met).toBeGreaterThan(0);
    expect(first.unfollowed).toBe(0);
    sim.restore(snapshot);
    const again = check(sim);
    expect(again).toEqual(first);
  });
});
