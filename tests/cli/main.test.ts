/**
 * The command line loads only the command asked for (src/cli/main.ts); help, the version and a
 * name that is no command still see every command, as commander needs them all to list and
 * suggest. Runs the built CLI (npm test builds dist/ before vitest).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const crsim = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

/** Every command file's command (experiment-common.ts is shared code, no command). */
const COMMAND_FILES = readdirSync(join(ROOT, 'src/cli/commands')).filter((f) => f !== 'experiment-common.ts').map((f) => f.replace(/\.ts$/, ''));

describe('crsim', () => {
  it('lists every command in its help', () => {
    const r = crsim('--help');
    expect(r.status, r.stderr).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}(\w+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect([...listed].sort()).toEqual([...COMMAND_FILES].sort());
  });

  it("gives one command's help, and suggests a command for a near miss", () => {
    const run = crsim('run', '--help');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Usage: crsim run/);
    expect(run.stdout).toMatch(/--replicate <n>/);
    const miss = crsim('swep');
    expect(miss.status).not.toBe(0);
    expect(miss.stderr).toMatch(/Did you mean sweep\?/);
  });

  it('runs a scenario without loading the progress bar, which only the experiment commands show', () => {
    // NODE_DEBUG=esm logs each module the loader stores; `run --help` loads the run command's file and its imports.
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/dist\/cli\/commands\/run\.js/);
    expect(r.stderr).not.toMatch(/node_modules\/cli-progress/);
  });
});
