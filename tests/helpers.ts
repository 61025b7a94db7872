/** Shared test helpers: load shipped scenarios and run them over several replicates. */
import { resolve } from 'node:path';
import { runScenario, type RunOptions, type RunResult } from '../src/experiment/run.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';

export const ROOT = resolve(import.meta.dirname, '..');

export function qScenario(name: string, overrides: Record<string, unknown> = {}): Scenario {
  return loadScenario(resolve(ROOT, 'scenarios/q-community', `${name}.yaml`), overrides).scenario;
}

/** Runs replicates 0..n-1 of a scenario. */
export function replicates(scenario: Scenario, n: number, options: RunOptions = {}): RunResult[] {
  return Array.from({ length: n }, (_, replicate) => runScenario(scenario, { ...options, replicate }));
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
