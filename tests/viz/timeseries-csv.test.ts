import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { recoveryThresholdOf, runFromFolder } from '../../viz/src/data/timeseries-csv.js';
import { result } from './fixtures.js';

describe('runFromFolder', () => {
  it('reads back exactly the numbers crsim run writes, NaN for blank cells', () => {
    const r = result();
    const manifest = JSON.stringify({ phases: r.phaseSpans, metrics: r.metrics, scenario: { name: r.scenario.name } });
    const run = runFromFolder({ timeseriesCsv: timeseriesCsv(r), summaryJson: summaryJson(r), manifestJson: manifest });
    expect(run.dates).toEqual(r.dates);
    expect(run.phases).toEqual(r.phases);
    expect(run.phaseSpans).toEqual(r.phaseSpans);
    expect(run.label).toBe(r.scenario.name);
    expect(run.metrics.map((m) => m.name)).toEqual(r.metrics.map((m) => m.name));
    for (const m of r.metrics) expect(Array.from(run.replicates[0][m.name]), m.name).toEqual(Array.from(r.series[m.name]));
    expect(Number.isNaN(run.replicates[0].meanPricePaid[0]) || run.replicates[0].meanPricePaid[0] > 0).toBe(true);
    expect(run.summaries[0]?.resilience.robustness).toBe(r.summary.resilience.robustness);
  });

  it('derives phase spans from the phase column when there is no manifest', () => {
    const r = result();
    const run = runFromFolder({ timeseriesCsv: timeseriesCsv(r) });
    expect(run.phaseSpans).toEqual(r.phaseSpans);
    expect(run.metrics.find((m) => m.name === 'q')?.unit).toBe('');
  });

  it('refuses a table that is not a crsim run table', () => {
    expect(() => runFromFolder({ timeseriesCsv: 'a,b\n1,2\n' })).toThrow(/date/);
    expect(() => runFromFolder({ timeseriesCsv: 'date\n' })).toThrow(/no rows/);
  });

  it('takes the recovery threshold from the manifest, the default only without one', () => {
    const r = result();
    expect(recoveryThresholdOf(JSON.stringify({ scenario: { ...r.scenario, resilience: { recoveryThreshold: 0.8 } } }))).toBe(0.8);
    expect(recoveryThresholdOf(JSON.stringify({ scenario: r.scenario }))).toBe(r.scenario.resilience.recoveryThreshold);
    expect(recoveryThresholdOf(undefined)).toBe(0.95);
  });
});
