/** Shared fixtures: tiny experiments (one compound of 2–3 buildings, ~10 ms a run) in temp folders. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli/main.js');
export const SCENARIOS = join(ROOT, 'scenarios/q-community');

export function tempDir(prefix = 'crsim-exp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A small experiment file in a temp folder; `body` is YAML appended after the common head: a tiny
 * one-compound sweep. Its RC is staffed at 36 per 10,000 (one post for its ≈ 280
 * residents, as the rounded headcount used to give it): at the norm of 18 it would have half a
 * post, less than its gate and statistics take, and nothing the factors change would reach a door.
 */
export function writeExperiment(body: string, dir = tempDir()): string {
  const file = join(dir, 'experiment.yaml');
  writeFileSync(
    file,
    `name: tiny test sweep
scenario: ${join(SCENARIOS, 'lockdown-2020.yaml')}
set:
  community.compounds: 1
  community.buildingsPerCompound: { min: 2, max: 3 }
  residentsCommittee.staffPer10000Residents: 36
${body}`,
  );
  return file;
}

/** Every file of a folder (not sub-folders) as name → bytes, for byte-for-byte comparisons. */
export function folderFiles(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) out[entry.name] = readFileSync(join(dir, entry.name));
  }
  return out;
}

export function expectSameFolders(a: string, b: string, expect: (v: unknown) => any): void {
  const fa = folderFiles(a);
  const fb = folderFiles(b);
  expect(Object.keys(fa).sort()).toEqual(Object.keys(fb).sort());
  for (const name of Object.keys(fa)) {
    expect({ name, equal: fa[name].equals(fb[name]) }).toEqual({ name, equal: true });
  }
}
