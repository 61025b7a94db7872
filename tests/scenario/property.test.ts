/**
 * Whatever the input, the loader either returns a scenario or throws a ScenarioError listing
 * problems: never a TypeError, a RangeError from a date, or a stack overflow. Seeds are fixed so
 * the suite is repeatable; set FC_SEED to explore others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioOrManifest } from '../../src/scenario/manifest.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { DEFAULT_TEXT, memoryReader } from './helpers.js';
import { parse as parseYaml } from 'yaml';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20200124;
const reader = memoryReader({ 'base.yaml': DEFAULT_TEXT, 'self.yaml': 'extends: self.yaml\n' });

/** Runs the loader; returns normally if it succeeded or threw a well-formed ScenarioError. */
function loadsOrExplains(text: string, overrides: Record<string, unknown> = {}): void {
  try {
    parseScenarioOrManifest(text, 'p.yaml', reader, overrides);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(typeof p.file).toBe('string');
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  }
}

/** Every path in the default document, wrappers included, e.g. `community.compounds.value`. */
function pathsOf(node: unknown, prefix: string[] = []): string[][] {
  if (node === null || typeof node !== 'object') return [prefix];
  return [prefix, ...Object.entries(node).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}
const defaultDocument = parseYaml(DEFAULT_TEXT) as Record<string, unknown>;
const defaultPaths = pathsOf(defaultDocument).filter((p) => p.length > 0);

function setAt(doc: any, path: string[], value: unknown): void {
  let node = doc;
  for (const k of path.slice(0, -1)) node = node[k];
  node[path[path.length - 1]] = value;
}

const yamlTokens = fc.constantFrom(
  'name', 'extends', 'value', 'paper', 'assumed', 'calendar', 'start', 'timeline', 'events', 'regimeSwitch', 'community',
  ':', ': ', ' ', '  ', '\n', '- ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a', '!!map ', '!!str ', '!!binary ', '? ', '#', '|', '>',
  '0', '-1', '1.5', '1e999', '.nan', 'null', '~', 'true', '2020-01-10', '2020-02-30', 'base.yaml', 'self.yaml', 'missing.yaml', '__proto__', 'constructor',
);

describe('the loader never throws anything but ScenarioError', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => loadsOrExplains(s)), { seed, numRuns: 300 });
  });

  it('for YAML-like token soup', () => {
    fc.assert(fc.property(fc.array(yamlTokens, { maxLength: 60 }).map((t) => t.join('')), (s) => loadsOrExplains(s)), { seed, numRuns: 400 });
  });

  it('for arbitrary JSON values as the whole file', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => loadsOrExplains(JSON.stringify(v) ?? 'null')), { seed, numRuns: 200 });
  });

  it('for arbitrary JSON values in place of any part of the default scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...defaultPaths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const doc = structuredClone(defaultDocument);
        setAt(doc, path, value);
        loadsOrExplains(JSON.stringify(doc));
      }),
      { seed, numRuns: 200 },
    );
  });

  it('for arbitrary overrides, known paths or not', () => {
    const knownPath = fc.constantFrom(...defaultPaths.map((p) => p.filter((k) => k !== 'value').join('.')));
    const anyPath = fc.oneof(knownPath, fc.string({ maxLength: 30 }), knownPath.map((p) => `${p}.x`));
    fc.assert(
      fc.property(fc.dictionary(anyPath, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), (overrides) => loadsOrExplains(DEFAULT_TEXT, overrides)),
      { seed, numRuns: 200 },
    );
  });

  it('for manifests with arbitrary documents and seeds', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 1 }), (document, master) => {
        loadsOrExplains(JSON.stringify({ scenario: {}, seed: { master: typeof master === 'number' ? master : 1, replicate: 0 }, document }));
      }),
      { seed, numRuns: 100 },
    );
  });
});

it('parseScenario keeps its documented signature', () => {
  expect(() => parseScenario('name: x\n', 'x.yaml', reader, {})).toThrow(ScenarioError);
});
