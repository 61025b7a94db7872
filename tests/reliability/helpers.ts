/** Running the built CLI as users do, and small sweeps to break. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { CLI } from '../experiment/helpers.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function crsim(args: string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function crsimAsync(args: string[], cwd: string): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

/** Waits until `test()` holds, polling every 5 ms, or fails after `ms`. */
export async function until(test: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const lineCount = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 2 : 0);

/** A user error: exit 1, a message, no stack trace. */
export function expectUserError(r: CliResult, message: RegExp): void {
  expect({ status: r.status, stderr: r.stderr }).toMatchObject({ status: 1, stderr: expect.stringMatching(message) });
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
}
