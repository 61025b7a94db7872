/** Shared helpers for the scenario tests: in-memory files and positions of text in them. */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { expect } from 'vitest';
import { ScenarioError, type ScenarioProblem } from '../../src/scenario/errors.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/load.js';
import { parseScenario, type LoadedScenario, type ParseOptions, type ReadRelative } from '../../src/scenario/parse.js';

export const DEFAULT_TEXT = readFileSync(DEFAULT_SCENARIO, 'utf8');

/** A reader over in-memory files keyed by posix path; a missing one throws as the disk would. */
export function memoryReader(files: Record<string, string>): ReadRelative {
  return (relative, from) => {
    const file = posix.join(posix.dirname(from), relative);
    if (!(file in files)) throw new Error(`no such file (looked for ${file})`);
    return { file, text: files[file] };
  };
}

/** Loads `entry` from in-memory files; the default scenario is there as `base.yaml`. */
export function load(files: Record<string, string>, entry: string, overrides: Record<string, unknown> = {}, options: ParseOptions = {}): LoadedScenario {
  const all = { 'base.yaml': DEFAULT_TEXT, ...files };
  return parseScenario(all[entry], entry, memoryReader(all), overrides, options);
}

/** The problems a load reports; fails the test when it loads without error. */
export function problemsOf(run: () => unknown): ScenarioProblem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  expect.fail('expected a ScenarioError, but the scenario loaded');
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  expect(start, `"${after}" in the text`).toBeGreaterThanOrEqual(0);
  const i = text.indexOf(needle, start);
  expect(i, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The default scenario with one piece of text replaced (which must be there). */
export function defaultWith(...replacements: [string, string][]): string {
  let text = DEFAULT_TEXT;
  for (const [from, to] of replacements) {
    expect(text.includes(from), `default scenario contains ${from}`).toBe(true);
    text = text.replace(from, to);
  }
  return text;
}
