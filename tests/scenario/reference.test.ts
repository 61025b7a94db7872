/** docs/parameters.md is generated from the schema and the default scenario, and kept current. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, loadScenario } from '../../src/scenario/load.js';
import { parameterRows, parametersMarkdown } from '../../src/scenario/reference.js';
import { unsourcedLeaves } from '../../src/scenario/provenance.js';

const root = join(import.meta.dirname, '../..');
const defaults = loadScenario(DEFAULT_SCENARIO);
const rows = parameterRows(defaults);

describe('docs/parameters.md', () => {
  it('is current (regenerate: npm run docs:parameters)', () => {
    expect(readFileSync(join(root, 'docs/parameters.md'), 'utf8')).toBe(parametersMarkdown(defaults, relative(root, DEFAULT_SCENARIO)));
  });

  it('gives every parameter a meaning, and every number a unit', () => {
    expect(rows.filter((r) => r.meaning === '').map((r) => r.path)).toEqual([]);
    expect(rows.filter((r) => /number/.test(r.type) && r.unit === '' && r.path !== 'seed').map((r) => r.path)).toEqual([]);
  });

  it('lists every parameter the default scenario sets, with its source', () => {
    const documented = new Set(rows.map((r) => r.path));
    const set = unsourcedLeaves(JSON.parse(JSON.stringify(defaults.scenario))).map((p) => p.join('.'));
    // Ranges are one parameter, and so are lists; their parts are not listed separately.
    const missing = set.filter((p) => !documented.has(p) && !documented.has(p.replace(/\.(min|max)$/, '')) && !documented.has(p.replace(/\.\d+$/, '')));
    expect(missing).toEqual([]);
    const withoutSource = rows.filter((r) => r.provenance === '' && !['name', 'description', 'modules', 'events'].includes(r.path) && !r.path.startsWith('events[]'));
    expect(withoutSource.map((r) => r.path)).toEqual([]);
  });

  it('shows type, range, default and provenance as a reader needs them', () => {
    const row = (path: string) => rows.find((r) => r.path === path)!;
    expect(row('community.compounds')).toMatchObject({ type: 'whole number', range: '≥ 1', default: '6' });
    expect(row('population.volunteerShare')).toMatchObject({ unit: 'share (0–1)', range: '0–1', default: '0.007' });
    expect(row('population.volunteerShare').provenance).toMatch(/^derived: N street had 544 volunteers/);
    expect(row('community.buildingsPerCompound')).toMatchObject({ type: 'range {min, max} of whole numbers', default: '6–10' });
    expect(row('timeline.regimeSwitch').type).toBe('date (YYYY-MM-DD) or days after calendar.start or null');
    expect(row('regimes.later.pricing').type).toBe('`"bargained"`, `"fairPrice"`');
  });
});
