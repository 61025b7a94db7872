/**
 * The shipped scenarios: each is valid, points editors at the JSON Schema, and says where every
 * value comes from; scenarios/schema.json is current and accepts what the loader accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/json-schema.js';
import { loadScenario, SCENARIOS_DIR } from '../../src/scenario/load.js';
import { unsourcedLeaves } from '../../src/scenario/provenance.js';
import { jsonSchemaErrors } from './json-schema-check.js';
import { DEFAULT_TEXT, load, problemsOf } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

const files = yamlFiles(SCENARIOS_DIR);
const schemaText = readFileSync(join(SCENARIOS_DIR, 'schema.json'), 'utf8');

it('there are shipped scenarios to check', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

describe.each(files.map((f) => [relative(SCENARIOS_DIR, f), f]))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const own = parseYaml(text) as Record<string, unknown>;

  it('is valid, even with --strict', () => {
    expect(() => loadScenario(file, {}, { strict: true })).not.toThrow();
  });

  it('gives every value it sets a source (paper, derived, literature or assumed)', () => {
    // Only what this file writes: what it extends is checked as a file of its own.
    expect(unsourcedLeaves(own).map((p) => p.join('.'))).toEqual([]);
  });

  it('begins with the yaml-language-server line pointing at schema.json', () => {
    const first = text.split('\n')[0];
    const target = join(file, '..', first.replace('# yaml-language-server: $schema=', ''));
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+schema\.json$/);
    expect(target).toBe(join(SCENARIOS_DIR, 'schema.json'));
  });

  it('is accepted by the JSON Schema', () => {
    expect(jsonSchemaErrors(scenarioJsonSchema(), own)).toEqual([]);
  });
});

describe('provenance checks', () => {
  it('find bare values, nulls included, but not names, empty lists or wrapped values', () => {
    const doc = { name: 'x', description: 'd', extends: 'b.yaml', seed: 3, events: [], timeline: { regimeSwitch: null, reopening: { value: null, assumed: 'none' } }, community: { buildingsPerCompound: { value: { min: 1, max: 2 }, paper: 'p' }, floorsPerBuilding: { min: 1, max: { value: 2, assumed: 'a' } } } };
    expect(unsourcedLeaves(doc).map((p) => p.join('.'))).toEqual(['seed', 'timeline.regimeSwitch', 'community.floorsPerBuilding.min']);
  });

  it('--strict rejects a value without a source, at its line', () => {
    const text = DEFAULT_TEXT.replace('hoursPerDay: { value: 3, assumed: "not in the papers" }', 'hoursPerDay: 3');
    expect(text).not.toBe(DEFAULT_TEXT);
    expect(() => load({ 's.yaml': text }, 's.yaml')).not.toThrow();
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml', {}, { strict: true }));
    expect(p).toMatchObject({ file: 's.yaml', path: 'volunteers.hoursPerDay', column: 16 });
    expect(p.message).toMatch(/^no provenance: write \{ value: …, paper\|derived\|literature\|assumed: "…" \}/);
  });
});

describe('scenarios/schema.json', () => {
  it('is what crsim schema prints (regenerate: npm run schema:json)', () => {
    expect(schemaText).toBe(scenarioJsonSchemaText());
  });

  const schema = scenarioJsonSchema();
  const base = parseYaml(DEFAULT_TEXT);
  const stripped = load({}, 'base.yaml').scenario;

  it('accepts the default scenario with bare values, and day offsets', () => {
    const bare = JSON.parse(JSON.stringify(stripped));
    bare.timeline.regimeSwitch = 46;
    bare.events = [{ date: 50, type: 'caseDetected', extraAdminHours: 1, days: 2 }];
    expect(jsonSchemaErrors(schema, bare)).toEqual([]);
  });

  it('accepts a variant naming only what it changes, but not a full scenario missing a key', () => {
    expect(jsonSchemaErrors(schema, { extends: 'x.yaml', regimes: { later: { subsidised: false } } })).toEqual([]);
    const missing = structuredClone(base);
    delete missing.community.compounds;
    expect(jsonSchemaErrors(schema, missing).join('\n')).toMatch(/\$\.community: .*missing compounds/);
  });

  it('rejects a misspelt key, a value out of range, and a wrapper with two sources', () => {
    const typo = structuredClone(base);
    typo.community.compunds = 6;
    expect(jsonSchemaErrors(schema, typo).join('\n')).toMatch(/unknown key compunds/);
    const share = structuredClone(base);
    share.population.volunteerShare.value = 1.5;
    expect(jsonSchemaErrors(schema, share).length).toBeGreaterThan(0);
    const twoSources = structuredClone(base);
    twoSources.seed = { value: 1, paper: 'a', assumed: 'b' };
    expect(jsonSchemaErrors(schema, twoSources).length).toBeGreaterThan(0);
  });

  it('documents parameters with their units', () => {
    const staff = schema.definitions['scenario.residentsCommittee'].properties.hoursPerDay;
    expect(staff.description).toBeTruthy();
    expect(staff.unit).toBeTruthy();
  });
});
