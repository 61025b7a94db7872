/**
 * Sweeps end to end. These use worker threads, which load dist/experiment/worker.js: `npm test`
 * builds before running vitest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { plannedTasks, runExperiment, runTasks, streamRuns, sweepToFolder, TaskPool } from '../../src/experiment/sweep.js';
import type { RunOutcome } from '../../src/experiment/task.js';
import type { World } from '../../src/model/index.js';
import { mergeFolders } from '../../src/experiment/sweep-files.js';
import { CLI, expectSameFolders, tempDir, writeExperiment } from './helpers.js';

const EXPERIMENT = `factors:
  packages.vegetable.subsidy: [0, 12]
  partyMembers.perBuilding: [{ min: 1, max: 1 }, { min: 3, max: 4 }]
latinHypercube:
  points: 2
  factors:
    population.volunteerShare: { min: 0, max: 0.05 }
replicates: 3
seed: 11
keep:
  measures: [resilience, groups.elderlyNoSmartphone.unmetNeedDays, prices.meanPricePaid]
  metrics: [q, deliveriesPending]
`;

let file: string;
let reference: string;

beforeAll(async () => {
  file = writeExperiment(EXPERIMENT);
  reference = join(tempDir(), 'reference');
  await sweepToFolder(file, reference, { workers: 1 });
});

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');

describe('crsim sweep', () => {
  it('writes runs.csv in long format: one row per run, ids, seed, varied parameters and kept measures', () => {
    const runs = lines(join(reference, 'runs.csv'));
    expect(runs[0]).toBe('run_id,point,replicate,seed,packages.vegetable.subsidy,partyMembers.perBuilding.min,partyMembers.perBuilding.max,population.volunteerShare,'
      + 'resilience.q0,resilience.robustness,resilience.rapidityDays,resilience.lossNeedDays,resilience.normalised,resilience.shockDay,resilience.windowDays,resilience.shockDate,'
      + 'groups.elderlyNoSmartphone.unmetNeedDays,prices.meanPricePaid');
    expect(runs).toHaveLength(1 + 8 * 3);
    expect(runs[1]).toMatch(/^0,0,0,11\/p0\/0,0,1,1,0\.0\d*,/);
    expect(runs[24]).toMatch(/^23,7,2,11\/p7\/2,12,3,4,/);
    const series = lines(join(reference, 'timeseries.csv'));
    expect(series[0]).toBe('run_id,date,day,phase,q,deliveriesPending');
    expect(series).toHaveLength(1 + 24 * 97);
    expect(series[1]).toMatch(/^0,2020-01-10,0,normal,1,0$/);
    const record = JSON.parse(readFileSync(join(reference, 'experiment.json'), 'utf8'));
    expect(record.points).toHaveLength(8);
    expect(record.points[7].parameters['packages.vegetable.subsidy']).toBe(12);
    expect(record.seedRule).toBe('run seed = "11/pPOINT/REPLICATE"');
    expect(record.versions['community-resilience']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('writes Parquet tables that hold the same rows as the CSV files', async () => {
    const buf = readFileSync(join(reference, 'timeseries.parquet'));
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(rows).toHaveLength(24 * 97);
    const csvLast = lines(join(reference, 'timeseries.csv')).at(-1)!.split(',');
    const last = rows.at(-1)!;
    // date is a Parquet DATE, which hyparquet reads as a Date at UTC midnight.
    expect([last.run_id, last.date.toISOString().slice(0, 10), last.day, last.phase, last.q, last.deliveriesPending].map(String)).toEqual(csvLast);
    const rbuf = readFileSync(join(reference, 'runs.parquet'));
    const runs = await parquetReadObjects({ file: rbuf.buffer.slice(rbuf.byteOffset, rbuf.byteOffset + rbuf.byteLength) });
    expect(runs.map((r) => r.seed)).toEqual(lines(join(reference, 'runs.csv')).slice(1).map((l) => l.split(',')[3]));
  });

  it('gives byte-identical files with 1 and 2 worker threads', async () => {
    const two = join(tempDir(), 'two');
    await sweepToFolder(file, two, { workers: 2 });
    expectSameFolders(reference, two, expect);
  });

  it('returns the same rows in memory (runExperiment) and as a stream (streamRuns) as it writes to runs.csv', async () => {
    const { runs } = await runExperiment(file, { workers: 0 });
    const csv = lines(join(reference, 'runs.csv'));
    const header = csv[0].split(',');
    expect(runs).toHaveLength(24);
    expect(runs.map((r) => header.map((h) => (r[h] === null ? '' : String(r[h]))).join(','))).toEqual(csv.slice(1));
    // The same rows stream out as runs finish.
    const streamed = [];
    for await (const { row } of streamRuns(file, { workers: 2 })) streamed.push(row);
    expect(streamed.sort((a, b) => (a.run_id as number) - (b.run_id as number))).toEqual(runs);
  });

  it('runs extra metrics in the calling thread, and says why not on workers', async () => {
    const exp = loadExperiment(file);
    exp.metrics.push('householdsCounted');
    const model = {
      extraMetrics: [{ name: 'householdsCounted', unit: 'households', description: 'test metric', sample: (w: World) => w.households.count }],
    };
    const { outcomes } = await runExperiment(exp, { workers: 0, model });
    expect(outcomes[0].series.householdsCounted[0]).toBeGreaterThan(0);
    await expect(runExperiment(exp, { workers: 2, model })).rejects.toThrow(/pass workers: 0/);
    // Modules given as functions only, without the file they come from, cannot reach a worker either.
    await expect(runExperiment(exp, { workers: 2, model: { modules: [] } })).rejects.toThrow(/moduleFiles/);
  });

  it('resumes after SIGKILL mid-sweep (and a torn last line) to files equal to an uninterrupted sweep', async () => {
    const big = writeExperiment(EXPERIMENT.replace('replicates: 3', 'replicates: 12'));
    const whole = join(tempDir(), 'whole');
    await sweepToFolder(big, whole, { workers: 2 });
    const out = join(tempDir(), 'killed');
    const child = spawn(process.execPath, [CLI, 'sweep', big, '--workers', '1', '--out', out, '--quiet'], { stdio: 'ignore' });
    const runsFile = join(out, 'runs.csv');
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(runsFile) && lines(runsFile).length > 10) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => { clearInterval(poll); reject(new Error('the sweep finished before it could be killed')); });
    });
    await new Promise((r) => child.on('exit', r));
    const kept = lines(runsFile).length - 1;
    expect(kept).toBeGreaterThan(9);
    expect(kept).toBeLessThan(96);
    expect(existsSync(join(out, 'timeseries.parquet'))).toBe(false); // not finalised
    // A crash in the middle of a write leaves half a line; resume must drop it.
    appendFileSync(runsFile, '95,31,');
    // Series lines of a run that has no runs.csv row yet (run 95 is never done at this point).
    appendFileSync(join(out, 'timeseries.csv'), '95,2020-01-10,0,normal,1,0\n94,2020-01-10,0,norm');
    const resumed = spawnSync(process.execPath, [CLI, 'sweep', big, '--workers', '2', '--out', out, '--resume'], { encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain(`${96 - kept} runs in`);
    expect(resumed.stdout).toContain(`${kept} already done`);
    expectSameFolders(whole, out, expect);
  }, 30_000);

  it('refuses to overwrite a finished folder without --resume, or to resume a different experiment', async () => {
    await expect(sweepToFolder(file, reference, { workers: 0 })).rejects.toThrow(/pass --resume/);
    const other = writeExperiment(EXPERIMENT.replace('seed: 11', 'seed: 12'));
    await expect(sweepToFolder(other, reference, { workers: 0, resume: true })).rejects.toThrow(/different experiment/);
    // Resuming a complete folder runs nothing and leaves it as it was.
    const again = await sweepToFolder(file, reference, { workers: 0, resume: true });
    expect(again).toEqual({ complete: true, ran: 0, alreadyDone: 24 });
  });

  it('splits runs into disjoint shards whose merge equals the unsharded sweep', async () => {
    const base = tempDir();
    const shards = [1, 2, 3].map((k) => join(base, `shard-${k}`));
    for (const [i, dir] of shards.entries()) await sweepToFolder(file, dir, { workers: 0, shard: { index: i + 1, count: 3 } });
    const counts = shards.map((d) => lines(join(d, 'runs.csv')).length - 1);
    expect(counts).toEqual([8, 8, 8]);
    // Leftovers of a crashed attempt: shard 1 holds series lines of a run that shard 2 finished.
    const foreign = lines(join(shards[1], 'runs.csv'))[1].split(',')[0];
    appendFileSync(join(shards[0], 'timeseries.csv'), `${foreign},2020-01-10,0,normal,0.5,7\n`);
    const ids = shards.flatMap((d) => lines(join(d, 'runs.csv')).slice(1).map((l) => Number(l.split(',')[0])));
    expect(new Set(ids).size).toBe(24);
    // Missing a shard is an error that says what is missing.
    expect(() => mergeFolders(shards.slice(0, 2), join(base, "partial"))).toThrow(/hold 16 of 24 runs; 8 missing .*; no folder for shard 3\/3/);
    const merged = join(base, 'merged');
    const r = spawnSync(process.execPath, [CLI, 'merge', ...shards, '--out', merged], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectSameFolders(reference, merged, expect);
  });

  it('emits a Slurm job-array script whose tasks and dependent merge reproduce the unsharded sweep', () => {
    const base = tempDir();
    const out = join(base, 'cluster');
    const r = spawnSync(process.execPath, [CLI, 'sweep', file, '--emit-slurm', '--shards', '3', '--workers', '2', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const script = join(out, 'sweep.slurm.sh');
    const text = readFileSync(script, 'utf8');
    expect(text).toContain('#SBATCH --array=1-3');
    expect(text).toContain('#SBATCH --cpus-per-task=2');
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    // A stand-in for sbatch that records what it is asked to submit.
    const bin = join(base, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\nprintf '%s\\n' "$@" >> ${join(base, 'calls')}\necho ---- >> ${join(base, 'calls')}\necho 4242\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    expect(spawnSync('bash', [script], { env, encoding: 'utf8' }).status).toBe(0);
    const [arrayCall, mergeCall] = readFileSync(join(base, 'calls'), 'utf8').split('----\n').map((c) => c.trimEnd().split('\n'));
    expect(arrayCall).toEqual(['--parsable', script]);
    expect(mergeCall).toContain('--dependency=afterok:4242');
    // Run the three array tasks as Slurm would, then the merge job's command.
    for (const k of ['1', '2', '3']) {
      const task = spawnSync('bash', [script], { env: { ...env, SLURM_JOB_ID: '4242', SLURM_ARRAY_TASK_ID: k, SLURM_CPUS_PER_TASK: '1' }, encoding: 'utf8' });
      expect(task.stderr).toBe('');
      expect(task.status).toBe(0);
    }
    const merge = spawnSync('bash', ['-c', mergeCall[mergeCall.indexOf('--wrap') + 1]], { encoding: 'utf8' });
    expect(merge.status).toBe(0);
    for (const name of ['experiment.json', 'runs.csv', 'timeseries.csv', 'runs.parquet', 'timeseries.parquet']) {
      expect({ name, equal: readFileSync(join(out, name)).equals(readFileSync(join(reference, name))) }).toEqual({ name, equal: true });
    }
  }, 30_000);
});

describe('a task pool kept across batches (a calibration\'s evaluations)', () => {
  it('starts no more threads than the first batch has tasks, runs later batches on the same threads, and gives the runs of the calling thread', async () => {
    const tasks = plannedTasks(loadExperiment(file)).slice(0, 4);
    const collect = async (outcomes: AsyncIterable<RunOutcome>) => {
      const all: RunOutcome[] = [];
      for await (const o of outcomes) all.push(o);
      return all.sort((a, b) => a.runId - b.runId);
    };
    const inThread = await collect(runTasks(tasks, { workers: 0 }));
    const pool = new TaskPool(2);
    try {
      expect(pool.threadIds).toEqual([]);
      const first = await collect(runTasks(tasks.slice(0, 1), { pool }));
      const threads = pool.threadIds;
      expect(threads).toHaveLength(1);
      const rest = await collect(runTasks(tasks.slice(1), { pool }));
      expect(pool.threadIds).toEqual(threads);
      expect([...first, ...rest]).toEqual(inThread);
    } finally {
      await pool.close();
    }
    expect(pool.threadIds).toEqual([]);
  });
});
