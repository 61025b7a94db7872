/**
 * A sweep folder under stress: two concurrent resumers, a SIGKILL mid-sweep then --resume, and
 * damaged tables (a cut-off timeseries.csv, a deleted one, a duplicated runs.csv row) that resume
 * and merge refuse, naming the file and run. Spawns the built CLI, as users run it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FolderLock, LOCK_FILE } from '../../src/experiment/folder-lock.js';
import { mergeFolders } from '../../src/experiment/sweep-files.js';
import { sweepToFolder } from '../../src/experiment/sweep.js';
import { UserError } from '../../src/user-error.js';
import { readRunFolder } from '../../src/cli/run-folder.js';
import { writeRunFolder } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { DEFAULT_SCENARIO, loadScenario } from '../../src/scenario/load.js';
import { expectSameFolders, folderFiles, tempDir, writeExperiment } from '../experiment/helpers.js';
import { crsim, crsimAsync, expectUserError, lineCount, until } from './helpers.js';

vi.setConfig({ testTimeout: 90_000 });

const work = tempDir('crsim-reliability-');
// 2 points × 60 replicates of a tiny community: long enough (a few seconds) to interrupt.
const longFile = writeExperiment('factors:\n  packages.vegetable.subsidy: [0, 12]\nreplicates: 60\noutputs: { formats: [csv] }\n', tempDir());
const shortFile = writeExperiment('factors:\n  packages.vegetable.subsidy: [0, 12]\nreplicates: 3\noutputs: { formats: [csv] }\n', tempDir());
const reference = join(work, 'reference');
const shortReference = join(work, 'short-reference');

beforeAll(async () => {
  await sweepToFolder(longFile, reference, { workers: 0 });
  await sweepToFolder(shortFile, shortReference, { workers: 0 });
}, 120_000);

describe('one writer per folder', () => {
  it('a held lock refuses a second writer, naming the holder; the folder is untouched', () => {
    const dir = join(work, 'held');
    const lock = FolderLock.acquire(dir, 'sweep');
    try {
      const r = crsim(['sweep', shortFile, '--out', dir, '--resume', '--workers', '0', '--quiet'], work);
      expectUserError(r, new RegExp(`is in use by crsim sweep \\(pid ${process.pid} on host ${hostname().replace(/\./g, '\\.')}, since .*\\); wait for it to finish\\. If that process is gone, delete .*${LOCK_FILE.replace('.', '\\.')}`));
      expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
      expect(() => mergeFolders([shortReference], dir)).toThrow(UserError);
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('two concurrent resumers: one runs, the other is refused, and no run is lost', async () => {
    const dir = join(work, 'concurrent');
    const first = crsimAsync(['sweep', longFile, '--out', dir, '--resume', '--workers', '0', '--quiet'], work);
    await until(() => existsSync(join(dir, LOCK_FILE)));
    const second = crsim(['sweep', longFile, '--out', dir, '--resume', '--workers', '0', '--quiet'], work);
    const r1 = await first.done;
    expect(r1.status).toBe(0);
    // The second either met the first's lock (1, naming it) or, on a very slow start, found the folder finished (0).
    if (second.status !== 0) expectUserError(second, new RegExp(`is in use by crsim sweep --resume \\(pid ${first.child.pid} on host`));
    expectSameFolders(reference, dir, expect);
  });

  it('SIGKILL mid-sweep, then --resume: the stale lock is taken over and the files equal an uninterrupted sweep', async () => {
    const dir = join(work, 'killed');
    const run = crsimAsync(['sweep', longFile, '--out', dir, '--workers', '0', '--quiet'], work);
    await until(() => lineCount(join(dir, 'runs.csv')) >= 10);
    run.child.kill('SIGKILL');
    await run.done;
    const left = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(left.pid).toBe(run.child.pid);
    const done = lineCount(join(dir, 'runs.csv'));
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done).toBeLessThan(120);
    const r = crsim(['sweep', longFile, '--out', dir, '--resume', '--workers', '0'], work);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${120 - done} runs in .*, ${done} already done`));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expectSameFolders(reference, dir, expect);
  });
});

describe('damaged tables are refused, naming file and run', () => {
  /** A finished copy of the short sweep to damage. */
  async function copy(name: string): Promise<string> {
    const dir = join(work, name);
    await sweepToFolder(shortFile, dir, { workers: 0 });
    return dir;
  }
  const resume = (dir: string) => crsim(['sweep', shortFile, '--out', dir, '--resume', '--workers', '0', '--quiet'], work);
  /** The same in-process: the UserError message the CLI would print. */
  const resumeError = (dir: string) => sweepToFolder(shortFile, dir, { workers: 0, resume: true }).then(() => 'resumed', (e) => (e instanceof UserError ? e.message : `not a UserError: ${e}`));

  it('a cut-off timeseries.csv tail', async () => {
    const dir = await copy('truncated');
    const file = join(dir, 'timeseries.csv');
    truncateSync(file, statSync(file).size - 500);
    const before = folderFiles(dir);
    expectUserError(resume(dir), /timeseries\.csv: run 5 has \d+ of its 97 days \(the file was cut off or edited\), from line \d+; delete that run's line from runs\.csv/);
    expect(() => mergeFolders([dir], join(work, 'truncated-merged'))).toThrow(/timeseries\.csv: run 5 has \d+ of its 97 days/);
    // Refusing loses nothing: the folder is as it was.
    expect(folderFiles(dir)).toEqual(before);
  });

  it('a deleted timeseries.csv', async () => {
    const dir = await copy('deleted');
    rmSync(join(dir, 'timeseries.csv'));
    expect(await resumeError(dir)).toMatch(/timeseries\.csv is missing but .*runs\.csv holds 6 finished runs/);
    expect(() => mergeFolders([dir], join(work, 'deleted-merged'))).toThrow(/timeseries\.csv is missing/);
  });

  it('a duplicated runs.csv row', async () => {
    const dir = await copy('duplicated');
    const file = join(dir, 'runs.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    appendFileSync(file, `${lines[3]}\n`);
    expect(await resumeError(dir)).toMatch(/runs\.csv: run 2 appears 2 times \(lines 4, 8\)/);
    expect(() => mergeFolders([dir], join(work, 'duplicated-merged'))).toThrow(/run 2 appears 2 times/);
  });

  it('a garbage experiment.json names its file', async () => {
    const dir = await copy('garbage-record');
    writeFileSync(join(dir, 'experiment.json'), '{"fingerprint": "ab');
    expect(await resumeError(dir)).toMatch(/experiment\.json: not a valid sweep record \(experiment\.json\) .*truncated or edited/);
  });

  it('an intact folder resumes with nothing to do and stays byte-identical', async () => {
    const dir = await copy('intact');
    expect(await resumeError(dir)).toBe('resumed');
    expectSameFolders(shortReference, dir, expect);
  });
});

describe('crsim report refuses what crsim run did not write whole', () => {
  let runDir: string;
  beforeAll(() => {
    runDir = join(work, 'run');
    const { scenario, document } = loadScenario(DEFAULT_SCENARIO, { 'community.compounds': 1 });
    writeRunFolder(runDir, runScenario(scenario, { seed: 1, replicate: 0 }), { scenarioFile: DEFAULT_SCENARIO, document, wallTimeMs: 1 });
  });
  const damaged = (name: string, file: string, content: string | ((s: string) => string)) => {
    const dir = join(work, name);
    for (const f of ['manifest.json', 'summary.json', 'timeseries.csv']) {
      const text = readFileSync(join(runDir, f), 'utf8');
      writeFileSync(join(dir, f), f === file ? (typeof content === 'string' ? content : content(text)) : text, { flag: 'w' });
    }
    return dir;
  };
  beforeAll(() => {
    for (const n of ['empty', 'garbage', 'cut', 'short', 'badjson']) rmSync(join(work, n), { recursive: true, force: true });
    for (const n of ['empty', 'garbage', 'cut', 'short', 'badjson']) mkdirSync(join(work, n));
  });

  it.each([
    ['empty', 'timeseries.csv', '', /timeseries\.csv: empty/],
    ['garbage', 'timeseries.csv', 'hello,world\n1,2\n', /timeseries\.csv:1: not a crsim run time series/],
    ['cut', 'timeseries.csv', (s: string) => s.slice(0, s.length - 40), /timeseries\.csv: the last line is cut off/],
    ['short', 'timeseries.csv', (s: string) => s.split('\n').slice(0, 30).join('\n') + '\n', /timeseries\.csv: has 29 days but .*manifest\.json says the run had 97/],
    ['badjson', 'summary.json', '{"resilience": ', /summary\.json: not a valid run summary/],
  ])('%s %s', (name, file, content, message) => {
    const dir = damaged(name as string, file as string, content as any);
    expect(() => readRunFolder(dir)).toThrow(UserError);
    expect(() => readRunFolder(dir)).toThrow(message as RegExp);
  });

  it('the CLI exits 1 for a damaged run folder (spawned)', () => {
    expectUserError(crsim(['report', join(work, 'garbage')], work), /^crsim: .*timeseries\.csv:1: not a crsim run time series/);
    expectUserError(crsim(['report', join(work, 'no-such-run')], work), /no-such-run: no such folder/);
  });
});
