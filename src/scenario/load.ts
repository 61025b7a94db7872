/** Loading scenario files from disk (Node only). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import { parseScenarioOrManifest, type LoadedInput } from './manifest.js';
import { parseScenario, type LoadedScenario, type ParseOptions, type ReadRelative } from './parse.js';

/** The folder of scenarios shipped with the package. */
export const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** The built-in default: the Q-community lockdown (paper 000). */
export const DEFAULT_SCENARIO = resolve(SCENARIOS_DIR, 'q-community/lockdown-2020.yaml');

/** Reads an `extends` target relative to the file that names it. */
export const readRelativeFile: ReadRelative = Object.assign(
  (relative: string, from: string) => {
    const target = resolve(dirname(from), relative);
    if (!existsSync(target)) throw new Error(`no such file (looked for ${target})`);
    if (statSync(target).isDirectory()) throw new Error(`${target} is a folder, not a scenario file`);
    return { file: target, text: readFileSync(target, 'utf8') };
  },
  { canonical: (file: string) => resolve(file) },
);

/** Reads a scenario file as text, or throws a ScenarioError saying why it cannot. */
export function readScenarioText(file: string): string {
  if (!existsSync(file)) throw new ScenarioError([{ file, path: '', message: 'no such scenario file' }]);
  if (statSync(file).isDirectory()) throw new ScenarioError([{ file, path: '', message: 'is a folder, not a scenario file' }]);
  return readFileSync(file, 'utf8');
}

export function loadScenario(file: string, overrides: Record<string, unknown> = {}, options: ParseOptions = {}): LoadedScenario {
  return parseScenario(readScenarioText(file), file, readRelativeFile, overrides, options);
}

/** A scenario file, or a run's manifest.json (to reproduce the run), told apart by shape. */
export function loadScenarioOrManifest(file: string, overrides: Record<string, unknown> = {}, options: ParseOptions = {}): LoadedInput {
  return parseScenarioOrManifest(readScenarioText(file), file, readRelativeFile, overrides, options);
}
