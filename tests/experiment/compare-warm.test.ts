import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/experiment/compare.js';
import { runScenario, runSeedOf } from '../../src/experiment/run.js';
import { studentTQuantile, meanWithCI } from '../../src/experiment/stats.js';
import { runExperiment, sweepToFolder } from '../../src/experiment/sweep.js';
import { defineModule } from '../../src/engine/index.js';
import type { World } from '../../src/model/index.js';
import { branch, branchProblems, warmUp, WarmStartError } from '../../src/experiment/warm-start.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CLI, SCENARIOS, expectSameFolders, tempDir, writeExperiment } from './helpers.js';

const small = { 'community.compounds': 1, 'community.buildingsPerCompound': { min: 2, max: 3 } };
const load = (name: string, extra: Record<string, unknown> = {}) => loadScenario(join(SCENARIOS, `${name}.yaml`), { ...small, ...extra }).scenario;

describe('paired comparison (crsim compare)', () => {
  it('t quantiles and intervals match the tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2622, 3);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 3);
    const ci = meanWithCI([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.high! - 3).toBeCloseTo(2.7764 * Math.sqrt(2.5) / Math.sqrt(5), 3);
  });

  it('gives exactly zero differences when A and B are the same file', () => {
    const file = join(SCENARIOS, 'lockdown-2020.yaml');
    const out = join(tempDir(), 'same.csv');
    const r = spawnSync(process.execPath, [CLI, 'compare', file, file, '--reps', '3', '--workers', '0', '--out', out, '--measures', 'resilience,groups,prices.meanPricePaid'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['measure', 'n', 'mean_a', 'mean_b', 'mean_difference', 'ci95_low', 'ci95_high', 'sd_difference']);
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe(row[3]);
      expect([row[0], row[4], row[5], row[6], row[7]]).toEqual([row[0], '0', '0', '0', '0']);
    }
    expect(r.stdout).toContain('resilience.robustness');
  });

  it('pairs replicates by seed: replicate i of A and B share the seed of crsim run --replicate i', async () => {
    const a = load('lockdown-2020');
    const b = load('no-double-reporting');
    const c = await compareScenarios(a, b, { reps: 4, seed: 3, workers: 0, measures: ['resilience.lossNeedDays'] });
    expect(c.seeds).toEqual(['3/0', '3/1', '3/2', '3/3']);
    expect(c.pairs[2].a['resilience.lossNeedDays']).toBe(runScenario(a, { seed: 3, replicate: 2 }).summary.resilience.lossNeedDays);
    expect(c.pairs[2].b['resilience.lossNeedDays']).toBe(runScenario(b, { seed: 3, replicate: 2 }).summary.resilience.lossNeedDays);
    const row = c.rows[0];
    expect(row.meanDifference).toBeCloseTo(row.meanB - row.meanA, 12);
    expect(row.ci95Low!).toBeLessThan(row.meanDifference);
    expect(row.meanDifference).toBeGreaterThan(0); // no double reporting loses more need-days
    // Warm-started, the comparison is the same.
    const warm = await compareScenarios(a, b, { reps: 4, seed: 3, workers: 0, measures: ['resilience.lossNeedDays'], warmStart: true });
    expect(warm.rows).toEqual(c.rows);
  });
});

describe('warm start and branching', () => {
  const seed = runSeedOf(5, 2); // a replicate in which some compound self-organises

  it.each(['no-subsidy', 'no-double-reporting', 'no-self-organisation', 'app-only-ordering', 'early-regime-only'])(
    'a branch of %s from the base snapshot equals the variant run from day 0 with the same seed',
    (name) => {
      // Three compounds, so that some compound self-organises and every variant matters.
      const three = { 'community.compounds': 3 };
      const warm = warmUp(load('lockdown-2020', three), seed);
      const variant = load(name, three);
      const branched = branch(warm, variant, 5, 2);
      const scratch = runScenario(variant, { seed: 5, replicate: 2 });
      expect(branched.summary).toEqual(scratch.summary);
      for (const [metric, column] of Object.entries(scratch.series)) {
        expect({ metric, same: Buffer.from(column.buffer).equals(Buffer.from(branched.series[metric].buffer)) }).toEqual({ metric, same: true });
      }
      // And it really diverges from the base after the shock (not a vacuous equality).
      expect(branched.summary).not.toEqual(runScenario(load('lockdown-2020', three), { seed: 5, replicate: 2 }).summary);
    },
  );

  it('refuses variants that differ in the population, the calendar or the pre-shock timeline, naming each parameter', () => {
    const warm = warmUp(load('lockdown-2020'), seed);
    expect(branchProblems(warm, load('lockdown-2020', { 'partyMembers.perBuilding': { min: 1, max: 1 } })).join('\n'))
      .toMatch(/partyMembers\.perBuilding\.max: 1 in the variant, 3 in the base[\s\S]*partyMembers\.perBuilding\.min/);
    expect(branchProblems(warm, load('lockdown-2020', { 'needs.initialStockDays': { min: 1, max: 2 } })).join('\n')).toContain('needs.initialStockDays.max');
    expect(branchProblems(warm, load('lockdown-2020', { 'calendar.end': '2020-04-30' }))[0]).toMatch(/^calendar:/);
    expect(branchProblems(warm, load('lockdown-2020', { 'timeline.roadClosure': '2020-01-20' }))[0]).toMatch(/^timeline: the variant is in phase roadClosure on 2020-01-20/);
    expect(branchProblems(warm, load('lockdown-2020', { seed: 9 }))[0]).toMatch(/^seed:/);
    expect(() => branch(warm, load('lockdown-2020', { 'community.compounds': 2 }), 5, 2)).toThrow(WarmStartError);
    // A later shock in the variant is fine: its extra normal days are simulated after the branch.
    expect(branchProblems(warm, load('lockdown-2020', { 'timeline.roadClosure': '2020-01-28' }))).toEqual([]);
  });

  it("branches variants that differ only in a parameter first read at the shock (community care's crisis visit interval)", () => {
    const fiveSociety = (extra: Record<string, unknown> = {}) => loadScenario(join(SCENARIOS, '../five-society/five-society.yaml'), { ...small, ...extra }).scenario;
    const warm = warmUp(fiveSociety(), seed);
    expect(warm.readBeforeShock.has('care.visitIntervalDays.normal')).toBe(true);
    expect(branchProblems(warm, fiveSociety({ 'care.visitIntervalDays.crisis': 21 }))).toEqual([]);
    expect(branchProblems(warm, fiveSociety({ 'care.visitIntervalDays.normal': 21 })).join('\n')).toContain('care.visitIntervalDays.normal');
  });

  it('a warm-started sweep writes the same files as one run from day 0', async () => {
    const file = writeExperiment(`factors:
  regimes.later.subsidised: [true, false]
  partyMembers.doubleReporting: [true, false]
replicates: 3
commonRandomNumbers: true
keep: { metrics: [q] }
outputs: { formats: [csv] }
`);
    const cold = join(tempDir(), 'cold');
    const warm = join(tempDir(), 'warm');
    await sweepToFolder(file, cold, { workers: 0 });
    await sweepToFolder(file, warm, { workers: 2, warmStart: true });
    expectSameFolders(cold, warm, expect);
    // A factor that shapes the population is refused before anything runs.
    const bad = writeExperiment(`factors:
  population.smartphoneShare.elderly: [0.3, 0.5]
commonRandomNumbers: true
`);
    await expect(sweepToFolder(bad, join(tempDir(), 'bad'), { workers: 0, warmStart: true })).rejects.toThrow(/point 1 \(population\.smartphoneShare\.elderly=0\.5\)[\s\S]*population\.smartphoneShare\.elderly: 0\.5 in the variant, 0\.3 in the base/);
  });
});

describe('warm starts with modules of your own', () => {
  it('never reuse a snapshot made with a replaced module for a run without it', async () => {
    const body = (warm: boolean) => `factors:
  regimes.later.subsidised: [true, false]
replicates: 2
seed: 5
commonRandomNumbers: true
warmStart: ${warm}
keep:
  measures: [deliveries.made]
  metrics: [q]
`;
    // A satisfaction module of the user's (same name as the built-in one) that also spoils half
    // of every household's vegetables each night: its snapshot must not leak into plain runs.
    const { satisfaction } = await import('../../src/modules/index.js');
    const hungry = defineModule<World>({
      ...satisfaction,
      processes: [...(satisfaction.processes ?? []), {
        name: 'hungry', slot: 'night',
        step: (w) => { for (let h = 0; h < w.households.count; h++) w.households.vegetableStock[h] *= 0.5; },
      }],
    } as never);
    const made = (r: { runs: Record<string, unknown>[] }) => r.runs.map((row) => row['deliveries.made']);
    const warm = writeExperiment(body(true));
    const withModel = await runExperiment(warm, { workers: 0, model: { modules: [hungry] } });
    const plain = await runExperiment(warm, { workers: 0 });
    const cold = await runExperiment(writeExperiment(body(false)), { workers: 0 });
    expect(made(plain)).toEqual(made(cold));
    expect(made(withModel)).not.toEqual(made(cold));
  });
});
