import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { defaultProcesses } from '../../src/model/index.js';
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

  it("does not shift the model's draws when a user adds a process with its own stream", () => {
    const noisy = { name: 'observer', step: (_w: unknown, ctx: { rng: () => number }) => { for (let i = 0; i < 100; i++) ctx.rng(); } };
    const withObserver = runScenario(scenario, { seed: 11, processes: [...defaultProcesses, noisy] });
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
