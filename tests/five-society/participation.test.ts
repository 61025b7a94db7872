/**
 * Participation is counted as households start and stop taking part (community-care's
 * participation.ts), not by a pass over every household: on every day of a small five-society run
 * (volunteer pool joining and leaving, social organisations' activities in normal times, then the
 * crisis), and after a snapshot is restored, the count equals a pass over the columns.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { careOf } from '../../src/modules/community-care/index.js';
import { activeHouseholds, PARTICIPATION_WINDOW } from '../../src/modules/community-care/participation.js';
import { fsScenario } from './helpers.js';

function byPass(participating: Uint8Array, last: Int16Array, day: number): number {
  let n = 0;
  for (let h = 0; h < last.length; h++) if (participating[h] > 0 || (last[h] >= 0 && day - last[h] < PARTICIPATION_WINDOW)) n++;
  return n;
}

describe('participation counts', () => {
  it('equal a pass over the households every day, and after a restored snapshot', () => {
    // A busy pool, so that members join and leave every few days.
    const sim = createSimulation(fsScenario('five-society', { 'volunteerPool.joinPerYear.other': 0.2, 'volunteerPool.attrition.basePerYear': 6 }), 'participation');
    const w = sim.world as unknown as Parameters<typeof careOf>[0] & { households: { participating: Uint8Array; lastParticipation: Int16Array } };
    let mismatches = 0;
    let active = 0;
    let snapshot: ReturnType<typeof sim.snapshot> | null = null;
    while (!sim.done) {
      sim.step();
      const day = sim.day - 1;
      const counted = activeHouseholds(careOf(w).participation, day);
      if (counted !== byPass(w.households.participating, w.households.lastParticipation, day)) mismatches++;
      active = Math.max(active, counted);
      if (day === 100) snapshot = sim.snapshot();
    }
    expect(mismatches).toBe(0);
    expect(active).toBeGreaterThan(0);
    sim.restore(snapshot!);
    while (!sim.done) {
      sim.step();
      const day = sim.day - 1;
      if (activeHouseholds(careOf(sim.world as never).participation, day) !== byPass((sim.world as typeof w).households.participating, (sim.world as typeof w).households.lastParticipation, day)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
