/**
 * lockdown-after-reform.yaml runs paper 000's lockdown modules with paper 000's values, written
 * out again because a scenario extends one file (it extends N street's reform). Copies drift: the
 * first merge of the two carried the quintile incomes that issue 11 had just replaced. This test
 * holds every value the two files share to be the same, so a change to the Q community's lockdown
 * must be made in both or explained here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../helpers.js';

/** Sections that describe the place and time, not the lockdown's workings: they differ on purpose. */
const OWN = new Set(['name', 'description', 'extends', 'modules', 'calendar', 'events', 'seed', 'community', 'population']);

const read = (path: string) => YAML.parse(readFileSync(resolve(ROOT, path), 'utf8')) as Record<string, unknown>;

/** Every `value` under `node`, by its dotted path (provenance notes may be specialised to N street). */
function values(node: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const o = node as Record<string, unknown>;
    if ('value' in o) out.set(path, o.value);
    else for (const [k, v] of Object.entries(o)) values(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe('lockdown-after-reform.yaml and the Q community lockdown', () => {
  it('share every lockdown value they both set', () => {
    const q = read('scenarios/q-community/lockdown-2020.yaml');
    const n = read('scenarios/n-street/lockdown-after-reform.yaml');
    const shared = Object.keys(q).filter((k) => !OWN.has(k) && k in n);
    expect(shared.length).toBeGreaterThan(10);
    const differ: string[] = [];
    for (const section of shared) {
      const qv = values(q[section], section, new Map());
      const nv = values(n[section], section, new Map());
      for (const [path, v] of qv) if (nv.has(path) && JSON.stringify(nv.get(path)) !== JSON.stringify(v)) differ.push(`${path}: ${JSON.stringify(nv.get(path))} vs ${JSON.stringify(v)}`);
      for (const path of qv.keys()) if (!nv.has(path)) differ.push(`${path}: missing from lockdown-after-reform.yaml`);
    }
    expect(differ).toEqual([]);
  });
});
