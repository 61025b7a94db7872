import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { SUMMARY_MEASURES, flatten } from '../../src/experiment/measures.js';
import { experimentJsonSchema } from '../../src/experiment/schema.js';
import { runScenario } from '../../src/experiment/run.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CLI, ROOT, SCENARIOS, writeExperiment } from './helpers.js';

function problemsOf(file: string): ScenarioError {
  try {
    loadExperiment(file);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected the experiment to be refused');
}

/** 1-based line of the first line containing `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('experiment files', () => {
  it('loads a valid file: points, seeds, kept measures and metrics resolved', () => {
    const file = writeExperiment(`factors:
  packages.vegetable.subsidy: [0, 12]
  partyMembers.perBuilding.max: { from: 3, to: 5, step: 1 }
replicates: 2
seed: 7
keep: { measures: [resilience.robustness, groups.others], metrics: [q] }
`);
    const exp = loadExperiment(file);
    expect(exp.points).toHaveLength(6);
    expect(exp.runs).toBe(12);
    expect(exp.masterSeed).toBe(7);
    expect(exp.measures).toEqual(['resilience.robustness', 'groups.others.residents', 'groups.others.unmetNeedDays', 'groups.others.robustness', 'groups.others.lossNeedDays']);
    expect(exp.metrics).toEqual(['q']);
    expect(exp.pointScenarios[5].packages.vegetable.subsidy).toBe(12);
    expect(exp.pointScenarios[5].partyMembers.perBuilding).toEqual({ min: 2, max: 5 });
    expect(exp.baseScenario.community.compounds).toBe(1);
  });

  it('reports every problem with file:line:column, the path, what was expected and what was found', () => {
    const file = writeExperiment(`factors:
  packages.vegetable.subsidyy: [0, 12]
replicats: 3
seed: many
keep:
  measures: [resilience, robustnes]
`);
    const e = problemsOf(file);
    const text = e.message;
    expect(text).toContain(`${file}:${lineOf(file, 'replicats')}:1: replicats: unknown key "replicats"`);
    expect(text).toMatch(new RegExp(`${file}:${lineOf(file, 'seed: many')}:7: seed: .*number.*found "many"`));
    // Schema problems come first; once the shape is right, path and measure problems follow.
    const fixed = writeExperiment(`factors:
  packages.vegetable.subsidyy: [0, 12]
keep:
  measures: [resilience, robustnes]
  metrics: [q, qq]
`);
    const e2 = problemsOf(fixed);
    expect(e2.problems).toHaveLength(3);
    expect(e2.message).toContain(`${fixed}:${lineOf(fixed, 'subsidyy')}:3: factors.packages.vegetable.subsidyy: the scenario has no parameter packages.vegetable.subsidyy`);
    expect(e2.message).toContain(`${fixed}:${lineOf(fixed, 'robustnes')}:26: keep.measures.1: no summary measure or group named "robustnes"`);
    expect(e2.message).toContain(`keep.metrics.1: no daily metric named "qq"`);
  });

  it('names the factor and the point when a point gives an invalid scenario, and runs nothing', () => {
    const file = writeExperiment(`factors:
  packages.vegetable.subsidy: [0, 60]
`);
    const e = problemsOf(file);
    expect(e.problems).toHaveLength(1);
    expect(e.message).toContain(`${file}:${lineOf(file, 'subsidy:')}:3: factors.packages.vegetable.subsidy: point 1 (packages.vegetable.subsidy=60) gives an invalid scenario: packages: a subsidy cannot exceed the list price`);
  });

  it('reports YAML syntax errors with their position, and a missing base scenario at the scenario key', () => {
    const file = writeExperiment('factors: [unclosed\n');
    expect(problemsOf(file).message).toMatch(/experiment\.yaml:\d+:\d+: not valid YAML/);
    const missing = writeExperiment('');
    const text = readFileSync(missing, 'utf8').replace(/scenario: .*/, 'scenario: nowhere.yaml');
    writeFileSync(missing, text);
    expect(problemsOf(missing).message).toContain(`${missing}:2:11: scenario: no such scenario file`);
  });

  it('points at the `set` entry that makes the base scenario invalid', () => {
    const file = join(writeExperiment('').replace(/experiment\.yaml$/, ''), 'set.yaml');
    writeFileSync(file, `name: bad setting
scenario: ${join(SCENARIOS, 'lockdown-2020.yaml')}
set:
  community.compounds: 2
  packages.vegetable.subsidy: 99
`);
    expect(problemsOf(file).message).toBe(`${file}:5:31: set.packages.vegetable.subsidy: the base scenario with these settings is invalid: packages: a subsidy cannot exceed the list price`);
  });

  it('refuses a warm start without common random numbers', () => {
    const file = writeExperiment('warmStart: true\n');
    expect(problemsOf(file).message).toContain('warmStart: a warm start branches every point from one snapshot per replicate, so it needs commonRandomNumbers: true');
  });

  it('crsim sweep exits 1 with the same messages and writes nothing', () => {
    const file = writeExperiment('replicates: 0\n');
    const out = join(file, '..', 'out');
    const r = spawnSync(process.execPath, [CLI, 'sweep', file, '--out', out, '--workers', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crsim: invalid experiment');
    expect(r.stderr).toContain(`${file}:${lineOf(file, 'replicates')}:13: replicates:`);
    expect(() => readFileSync(join(out, 'runs.csv'))).toThrow();
  });

  it('publishes its JSON Schema in docs/experiment.schema.json (kept in step with the zod schema)', () => {
    const published = JSON.parse(readFileSync(join(ROOT, 'docs/experiment.schema.json'), 'utf8'));
    expect(published).toEqual(experimentJsonSchema());
    expect(Object.keys((published as { properties: object }).properties)).toContain('latinHypercube');
  });

  it('ships an example experiment that loads', () => {
    const exp = loadExperiment(join(ROOT, 'examples/sweep-subsidy.yaml'));
    expect(exp.points).toHaveLength(12);
    expect(exp.varied).toEqual(['packages.vegetable.subsidy', 'partyMembers.perBuilding']);
  });

  it('knows every summary measure a run produces (the measures modules declare are the keys they write)', () => {
    const { scenario } = loadScenario(join(SCENARIOS, 'lockdown-2020.yaml'), { 'community.compounds': 1 });
    const summary = runScenario(scenario, { seed: 1 }).summary;
    expect(Object.keys(flatten(summary)).sort()).toEqual([...SUMMARY_MEASURES].sort());
    expect(new Set(SUMMARY_MEASURES).size).toBe(SUMMARY_MEASURES.length);
  });
});
