import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { defineModule } from '../../src/engine/index.js';
import { Q_COMMUNITY } from '../../src/modules/index.js';
import { qScenario } from '../helpers.js';

describe('reproducibility', () => {
  const scenario = qScenario('lockdown-2020');
  const a = runScenario(scenario, { seed: 11 });

  it('gives byte-identical time series and summary for the same scenario and seed', () => {
    const b = runScenario(scenario, { seed: 11 });
    expect(timeseriesCsv(b)).toBe(timeseriesCsv(a));
    expect(summaryJson(b)).toBe(summaryJson(a));
  });

  it('gives different results for a different seed or replicate', () => {
    expect(timeseriesCsv(runScenario(scenario, { seed: 12 }))).not.toBe(timeseriesCsv(a));
    expect(timeseriesCsv(runScenario(scenario, { seed: 11, replicate: 1 }))).not.toBe(timeseriesCsv(a));
  });

  it("does not shift the model's draws when a user adds a module whose process draws from its own stream", () => {
    const observer = defineModule({
      name: 'observer',
      description: 'draws random numbers every day and changes nothing',
      processes: [{ name: 'observe', slot: 'morning', step: (_w, _own, ctx) => { for (let i = 0; i < 100; i++) ctx.rng(); } }],
    });
    const withObserver = runScenario({ ...scenario, modules: [...Q_COMMUNITY, 'observer'] }, { seed: 11, modules: [observer] });
    expect(timeseriesCsv(withObserver)).toBe(timeseriesCsv(a));
  });

  it('records extra metrics supplied from outside the library', () => {
    const r = runScenario(scenario, {
      seed: 11,
      extraMetrics: [{ name: 'households', unit: 'households', description: 'count', sample: (w) => w.households.count }],
    });
    expect(r.series.households[0]).toBe(r.summary.population.households);
    expect(timeseriesCsv(r).split('\n')[0]).toMatch(/,households$/);
  });
});
