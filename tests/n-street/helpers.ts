/**
 * Helpers for the N-street tests: the shipped reform scenario with 12 of its 48 compounds (each
 * compound as large as in the full street, and every rate per resident, so routing and selection
 * per compound are those of the full street), over several seeds in about a second.
 */
import { resolve } from 'node:path';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers.js';

export const FILE = resolve(ROOT, 'scenarios/n-street/reform-2012-2018.yaml');
export const SMALL = { 'community.compounds': 12 };
export const SEEDS = 5;

const scenarios = new Map<string, Scenario>();
export function nStreet(overrides: Record<string, unknown> = {}): Scenario {
  const key = JSON.stringify(overrides);
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenario(FILE, { ...SMALL, ...overrides }).scenario;
    scenarios.set(key, s);
  }
  return s;
}

const cache = new Map<Scenario, RunResult[]>();
export function runs(s: Scenario, n = SEEDS): RunResult[] {
  let rs = cache.get(s);
  if (!rs) {
    rs = Array.from({ length: n }, (_, replicate) => runScenario(s, { replicate }));
    cache.set(s, rs);
  }
  return rs;
}

export function pick(summary: unknown, path: string): number {
  const v = path.split('.').reduce((o: any, k) => o?.[k], summary);
  if (typeof v !== 'number') throw new Error(`${path} is ${v}`);
  return v;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const meanOf = (s: Scenario, path: string) => mean(runs(s).map((r) => pick(r.summary, path)));
