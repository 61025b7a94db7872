import { describe, expect, it } from 'vitest';
import { resilienceMeasures } from '../../src/modules/resilience/index.js';
import { RESIDENT_GROUPS } from '../../src/modules/community/index.js';
import { createSimulation } from '../../src/model/index.js';
import { collectResult } from '../../src/experiment/run.js';
import { qScenario } from '../helpers.js';

describe('resilience measures', () => {
  // Two normal days, a dip to 0.5, recovery on day 5.
  const q = [1, 1, 0.9, 0.5, 0.8, 1, 1];

  it('reads Q0, robustness, loss, rapidity and normalised resilience off the curve', () => {
    const m = resilienceMeasures(q, 2, 0.95);
    expect(m.q0).toBe(1);
    expect(m.robustness).toBe(0.5);
    expect(m.lossNeedDays).toBeCloseTo(0.1 + 0.5 + 0.2, 12);
    expect(m.rapidityDays).toBe(3);
    expect(m.normalised).toBeCloseTo((0.9 + 0.5 + 0.8 + 1 + 1) / 5, 12);
    expect(m.windowDays).toBe(5);
  });

  it('says null when Q has not recovered by the end, and 0 when it never fell', () => {
    expect(resilienceMeasures([1, 1, 0.5, 0.6], 2, 0.95).rapidityDays).toBeNull();
    expect(resilienceMeasures([1, 1, 0.99, 1], 2, 0.95).rapidityDays).toBe(0);
  });
});

describe("the resilience module's summary by group", () => {
  // The summary adds up the groups in one pass over the households (issue 16, part 16y); this is
  // the rule it keeps, written as one pass per group, and the equity gap over the groups with residents.
  it('gives each group its residents and unmet need-days per resident, and the gap between the groups', () => {
    const scenario = qScenario('lockdown-2020', { 'community.compounds': 2 });
    const sim = createSimulation(scenario, 'groups').run();
    const summary = collectResult(sim, scenario, scenario.seed, 0, 'groups').summary as any;
    const hh = sim.world.households as any;
    const perResident: number[] = [];
    for (const g of RESIDENT_GROUPS) {
      let residents = 0;
      let unmet = 0;
      for (let h = 0; h < hh.count; h++) {
        residents += hh[g][h];
        unmet += hh[g][h] * hh.unmetBasicDays[h];
      }
      expect(residents).toBeGreaterThan(0);
      expect(summary.groups[g].residents).toBe(residents);
      expect(summary.groups[g].unmetNeedDays).toBe(unmet / residents);
      perResident.push(unmet / residents);
    }
    expect(new Set(perResident).size).toBe(RESIDENT_GROUPS.length);
    expect(summary.equityGap).toBe(Math.max(...perResident) - Math.min(...perResident));
  });
});
