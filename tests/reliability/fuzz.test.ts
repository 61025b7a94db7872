/**
 * Fuzzing scenario and experiment input with fast-check (fixed seeds, so every run checks the same
 * cases). Whatever the input, loading either succeeds or throws the one error users see as exit 1
 * (a ScenarioError listing problems); never a RangeError, a TypeError or a hang. What loads is
 * within the documented ceilings, and small enough scenarios run with Q(t) and satisfaction in
 * [0, 1] every day. CRSIM_FUZZ_RUNS=N raises the number of cases (default 200 each).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseExperiment } from '../../src/experiment/load.js';
import { EXPERIMENT_CEILINGS } from '../../src/experiment/design-size.js';
import { runsColumns } from '../../src/experiment/sweep-files.js';
import { runScenario } from '../../src/experiment/run.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { DEFAULT_SCENARIO, loadScenario } from '../../src/scenario/load.js';
import { CEILINGS, estimateResources } from '../../src/scenario/resources.js';
import { SCENARIOS, tempDir } from '../experiment/helpers.js';
import { join } from 'node:path';

const RUNS = Number(process.env.CRSIM_FUZZ_RUNS ?? 200);
vi.setConfig({ testTimeout: 120_000 + RUNS * 500 });

/** Every leaf parameter path of the default scenario (plus a few that do not exist). */
function leafPaths(value: unknown, prefix: string[] = []): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix.join('.')];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}
const base = loadScenario(DEFAULT_SCENARIO).scenario;
const PATHS = [...leafPaths(base).filter((p) => p && !p.startsWith('events')), 'community', 'population.childrenPerFamily', 'calendar', 'no.such.path'];

/** Values that have broken things: huge, tiny, denormal, negative, non-finite, wrong types, bad dates. */
const nasty = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 1e15, 5e-324, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, Infinity, -Infinity, NaN, 0.5, 1e-9, 1e9),
  fc.constantFrom('', 'abc', '9999-12-31', '0001-01-01', '2020-02-30', '2020-03-01', null, true, false, [], {}, { min: 2147483648, max: 2147483648 }, { min: 0, max: 1e9 }, { min: 3, max: 1 }),
  fc.double({ noDefaultInfinity: false }),
  fc.integer({ min: -10, max: 1000 }),
  fc.string({ maxLength: 12 }),
);

/** Mostly plausible values (so some scenarios load and run), often nasty ones. */
const value = fc.oneof({ weight: 3, arbitrary: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()) }, { weight: 2, arbitrary: nasty });

/** A small community (about 20 households), so a scenario that loads can also be run quickly. */
const SMALL = { 'community.compounds': 1, 'community.buildingsPerCompound': { min: 1, max: 1 }, 'community.floorsPerBuilding': { min: 2, max: 2 }, 'community.householdsPerFloor': 4 };

describe('scenario fuzz', () => {
  it(`${RUNS} sets of overrides: a scenario within the ceilings, or a ScenarioError`, () => {
    let loaded = 0;
    let ran = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...PATHS), value, { minKeys: 1, maxKeys: 3 }), (overrides) => {
        let scenario;
        try {
          scenario = loadScenario(DEFAULT_SCENARIO, { ...SMALL, ...overrides }).scenario;
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          expect(e.problems.length).toBeGreaterThan(0);
          for (const p of e.problems) expect(p.message).not.toMatch(/undefined|\[object Object\]/);
          return;
        }
        loaded++;
        const est = estimateResources(scenario);
        expect(est.residents).toBeLessThanOrEqual(CEILINGS.residents);
        expect(est.days).toBeLessThanOrEqual(CEILINGS.days);
        if (est.residents * est.days > 20_000) return;
        ran++;
        const result = runScenario(scenario, { seed: 1, replicate: 0 });
        for (const name of ['q', 'meanSatisfaction']) {
          for (const v of result.series[name]) {
            if (v === null) continue;
            expect({ name, v, ok: Number.isFinite(v) && v >= 0 && v <= 1 }).toMatchObject({ ok: true });
          }
        }
      }),
      { seed: 17, numRuns: RUNS },
    );
    // The generator must reach both sides, or the property says little.
    expect(loaded).toBeGreaterThan(RUNS / 20);
    expect(ran).toBeGreaterThan(0);
  });
});

const FACTOR_PATHS = ['packages.vegetable.subsidy', 'residentsCommittee.hoursPerDay', 'population.volunteerShare', 'seed', 'run_id', 'community.compounds', 'no.such.parameter', 'calendar.end'];
const METRICS = ['q', 'meanSatisfaction', 'staffOverload', 'nope'];

/** Experiment files: mostly well-formed with odd values, sometimes garbage text. */
const factorValues = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }) },
  fc.array(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(0.5, 1e15, 5e-324, null, 'x', true)), { minLength: 0, maxLength: 4 }),
  // Either a few values or far too many (refused before any point is built; a design just under
  // the ceiling would spend minutes validating each point's scenario, too slow for CI).
  fc.record({ from: fc.integer({ min: 0, max: 10 }), to: fc.integer({ min: 0, max: 14 }), step: fc.constantFrom(1, 2, 5, 0, -1) }),
  fc.constantFrom({ from: 0, to: 1, step: 1e-7 }, { from: 0, to: 2_000_000, step: 1 }, { from: 0, to: 999, step: 1 }),
);
const experimentText = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    factors: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FACTOR_PATHS.slice(0, 2)) }, fc.constantFrom(...FACTOR_PATHS)), factorValues, { maxKeys: 2 }),
    replicates: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, fc.constantFrom(0, -1, 1.5, 1_000_000, 2_000_000, 1e15)),
    seed: fc.oneof({ weight: 4, arbitrary: fc.nat(100) }, fc.constantFrom(2 ** 53 + 2, -3, 0.5)),
    metrics: fc.option(fc.array(fc.constantFrom(...METRICS), { maxLength: 4 }), { nil: undefined }),
    lhs: fc.option(fc.record({ points: fc.constantFrom(1, 3, 200_000, 0), factors: fc.constant({ 'population.volunteerShare': { min: 0, max: 0.1 } }) }), { nil: undefined }),
  }).map((e) => JSON.stringify({
    name: 'fuzz', scenario: join(SCENARIOS, 'lockdown-2020.yaml'), set: { 'community.compounds': 1 },
    factors: e.factors, replicates: e.replicates, seed: e.seed,
    ...(e.metrics ? { keep: { metrics: e.metrics } } : {}),
    ...(e.lhs ? { latinHypercube: e.lhs } : {}),
    outputs: { formats: ['csv'] },
  })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

describe('experiment fuzz', () => {
  const file = join(tempDir('crsim-fuzz-'), 'fuzz.yaml');
  it(`${RUNS} experiment files: a design within the ceilings with distinct columns, or a ScenarioError`, () => {
    let loaded = 0;
    fc.assert(
      fc.property(experimentText, (text) => {
        let exp;
        try {
          exp = parseExperiment(text, file);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          expect(e.problems.every((p) => p.file === file || p.file.endsWith('.yaml'))).toBe(true);
          return;
        }
        loaded++;
        expect(exp.points.length).toBeLessThanOrEqual(EXPERIMENT_CEILINGS.points);
        expect(exp.runs).toBeLessThanOrEqual(EXPERIMENT_CEILINGS.runs);
        expect(Number.isSafeInteger(exp.masterSeed)).toBe(true);
        const header = runsColumns(exp).header;
        expect(new Set(header).size).toBe(header.length);
        expect(new Set(exp.metrics).size).toBe(exp.metrics.length);
      }),
      { seed: 18, numRuns: RUNS },
    );
    expect(loaded).toBeGreaterThan(RUNS / 20);
  });
});
