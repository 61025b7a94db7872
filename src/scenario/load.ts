/** Loading scenario files from disk (Node only). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import { parseScenario, type LoadedScenario } from './parse.js';

/** The folder of scenarios shipped with the package. */
export const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** The built-in default: the Q-community lockdown (paper 000). */
export const DEFAULT_SCENARIO = resolve(SCENARIOS_DIR, 'q-community/lockdown-2020.yaml');

export function loadScenario(file: string, overrides: Record<string, unknown> = {}): LoadedScenario {
  if (!existsSync(file)) throw new ScenarioError([{ file, path: '', message: 'no such scenario file' }]);
  return parseScenario(readFileSync(file, 'utf8'), file, (relative, from) => {
    const target = resolve(dirname(from), relative);
    return { file: target, text: readFileSync(target, 'utf8') };
  }, overrides);
}
