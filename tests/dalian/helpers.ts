/**
 * Helpers for the Dalian tests (paper 003): the shipped grid scenario, with overrides, over five
 * seeds (runs cached by scenario object, as the five-society tests do).
 */
import { resolve } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers.js';
import { mean, pick, runs } from '../five-society/helpers.js';

export { mean, pick, runs };

export const FILE = resolve(ROOT, 'scenarios/dalian/grid-2020.yaml');

const scenarios = new Map<string, Scenario>();
export function dalian(overrides: Record<string, unknown> = {}): Scenario {
  const key = JSON.stringify(overrides);
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenario(FILE, overrides).scenario;
    scenarios.set(key, s);
  }
  return s;
}

/** A summary measure's mean over the five replicates. */
export const meanOf = (s: Scenario, path: string) => mean(runs(s).map((r) => pick(r.summary, path)));
