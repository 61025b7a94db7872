/**
 * Running an experiment: every (point × replicate) as an independent task on a pool of worker
 * threads (tinypool), results streamed back as they finish. Seeds come from the design
 * (design.ts), never from the order of completion, so any worker count gives the same runs.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { runIdOf, runSeedFor } from './design.js';
import { openExperiment, type ResolvedExperiment } from './load.js';
import { flatten, type MeasureValue } from './measures.js';
import { inShard, runsColumns, SweepFolder, type Shard } from './sweep-files.js';
import { FolderLock } from './folder-lock.js';
import { verifyFinishedFolder } from './verify-folder.js';
import { executeRun, type RunOutcome, type RunTask } from './task.js';
import { assertBranchable, warmUp, WarmStartError } from './warm-start.js';
import type { ModelOptions } from '../model/index.js';
import { importModuleFiles, moduleFileUrl } from '../model/module-files.js';

/** The package root, from src/experiment (tsx, vitest) or dist/experiment (built). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Worker threads load compiled JavaScript, whichever way the caller was loaded. */
export const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist/experiment/worker.js');
/** The task runner in one CommonJS file (scripts/bundle-worker.ts, part of the build). */
export const WORKER_BUNDLE = join(PACKAGE_ROOT, 'dist/experiment/task.bundle.cjs');
/** The worker that runs WORKER_BUNDLE with V8's code cache (worker-cached.ts): a new thread starts in a fraction of the CPU time. */
export const WORKER_CACHED = join(PACKAGE_ROOT, 'dist/experiment/worker-cached.js');

/** The cached-bundle worker while the bundle is at least as new as the compiled worker (so never stale code after a bare tsc), else the compiled worker. */
export function workerScript(bundle = WORKER_BUNDLE, script = WORKER_SCRIPT, cached = WORKER_CACHED): string {
  try {
    if (statSync(bundle).mtimeMs >= statSync(script).mtimeMs && statSync(cached).isFile()) return cached;
  } catch {
    // no bundle or no cached-bundle worker (or no worker: reported where the pool is made)
  }
  return script;
}

export interface SweepOptions {
  /** Worker threads; 0 runs every task in the calling thread. Default: the number of cores. */
  workers?: number;
  /** Run only shard K of N (1-based). */
  shard?: Shard;
  /** Run ids to leave out (already done). */
  skip?: ReadonlySet<number>;
  /** Branch every point from one warm start per replicate (default: the experiment's warmStart). */
  warmStart?: boolean;
  /** Stops handing out tasks; runs in progress finish and are still reported. */
  signal?: AbortSignal;
  /**
   * Modules of your own, or extra metrics (see runScenario). Worker threads cannot be sent
   * functions: modules given with the files they come from (`moduleFiles`) run on workers, since
   * each worker imports those files; anything else needs `workers: 0`.
   */
  model?: ModelOptions;
  /** Threads kept open across calls (see TaskPool); its worker count is used, and it is not closed. */
  pool?: TaskPool;
}

/** The tasks of an experiment (in the shard, not skipped), ordered so warm starts are reused. */
export function plannedTasks(exp: ResolvedExperiment, options: SweepOptions = {}): RunTask[] {
  const warm = options.warmStart ?? exp.spec.warmStart;
  if (warm && !exp.spec.commonRandomNumbers) {
    throw new WarmStartError('a warm start branches every point from one snapshot per replicate, so the experiment needs commonRandomNumbers: true');
  }
  const tasks: RunTask[] = [];
  for (let p = 0; p < exp.points.length; p++) {
    for (let r = 0; r < exp.replicates; r++) {
      const runId = runIdOf(p, r, exp.replicates);
      if (!inShard(runId, options.shard) || options.skip?.has(runId)) continue;
      tasks.push({
        runId, point: p, replicate: r,
        masterSeed: exp.masterSeed,
        runSeed: runSeedFor(exp.masterSeed, p, r, exp.spec.commonRandomNumbers),
        scenario: exp.pointScenarios[p],
        measures: exp.measures,
        metrics: exp.metrics,
        ...(warm ? { warmStartBase: exp.baseScenario } : {}),
        ...(exp.moduleFiles.length ? { moduleFiles: exp.moduleFiles } : {}),
      });
    }
  }
  // With a warm start, all points of one replicate in a row, so each worker's snapshot is reused.
  if (warm) tasks.sort((a, b) => a.replicate - b.replicate || a.runId - b.runId);
  return tasks;
}

/**
 * Refuses a warm start up front (before any run) when some point differs from the base in what
 * the normal period reads; the message names the parameters.
 */
export function checkWarmStart(exp: ResolvedExperiment): void {
  plannedTasks(exp, { warmStart: true, shard: { index: 1, count: Number.MAX_SAFE_INTEGER } }); // the commonRandomNumbers check
  const warm = warmUp(exp.baseScenario, runSeedFor(exp.masterSeed, 0, 0, true), { modules: exp.modules });
  exp.pointScenarios.forEach((s, p) => assertBranchable(warm, s, `point ${p} (${Object.entries(exp.points[p]).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`));
}

/**
 * Worker threads that outlive one batch of tasks. A new thread pays its start-up once — importing
 * the model, then running it unoptimised until V8 has compiled its hot code (several hundred ms
 * of CPU, docs/performance.md "Small runs and sweeps") — so a caller that runs many small batches
 * (a calibration evaluates one point's replicates at a time) keeps one pool for all of them.
 * Threads start with the first batch, no more of them than it has tasks: a thread with nothing to
 * do would pay its start-up for nothing.
 */
export class TaskPool {
  private pool: Tinypool | undefined;

  constructor(readonly workers: number) {}

  /** Runs the tasks on the pool's threads and yields each outcome as it finishes (completion order). */
  async *run(tasks: RunTask[], options: Pick<SweepOptions, 'signal' | 'model'> = {}): AsyncGenerator<RunOutcome> {
    const model = options.model ?? {};
    if (tasks.length === 0) return;
    const threads = Math.max(1, Math.min(this.workers, tasks.length));
    const pool = (this.pool ??= new Tinypool({ filename: pathToFileURL(workerScript()).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 }));
    const inFlight = new Map<number, Promise<{ id: number; outcome?: RunOutcome; error?: unknown }>>();
    let next = 0;
    // A few tasks queued per thread keeps threads busy without holding every result in memory.
    const window = pool.options.maxThreads * 2;
    while (next < tasks.length || inFlight.size > 0) {
      while (next < tasks.length && inFlight.size < window && !options.signal?.aborted) {
        const id = next++;
        const task = model.moduleFiles ? { ...tasks[id], moduleFiles: [...model.moduleFiles.map(moduleFileUrl), ...(tasks[id].moduleFiles ?? [])] } : tasks[id];
        inFlight.set(id, pool.run(task).then((outcome: RunOutcome) => ({ id, outcome }), (error: unknown) => ({ id, error })));
      }
      if (inFlight.size === 0) break;
      const done = await Promise.race(inFlight.values());
      inFlight.delete(done.id);
      if (done.error) throw done.error;
      yield done.outcome!;
    }
  }

  /** The ids of the threads started so far (none before the first batch). */
  get threadIds(): number[] {
    return this.pool?.threads.map((t) => t.threadId) ?? [];
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

/**
 * Runs the tasks and yields each outcome as it finishes (completion order). With workers ≥ 1
 * the tasks run on worker threads loading dist/experiment/worker.js (or its bundle): on
 * `options.pool` when given (left open for the caller's next batch), else on a pool of their own.
 */
export async function* runTasks(tasks: RunTask[], options: SweepOptions = {}): AsyncGenerator<RunOutcome> {
  const workers = options.pool?.workers ?? options.workers ?? availableParallelism();
  const model = options.model ?? {};
  if (workers > 0 && (model.extraMetrics || (model.modules && !model.moduleFiles))) {
    throw new Error('extra metrics, and modules given without the files they come from (moduleFiles), run only in the calling thread: pass workers: 0, or moduleFiles');
  }
  if (workers <= 0) {
    // Module files named by the model options or by the tasks (an experiment's `modules:`).
    const files = [...(model.moduleFiles ?? []), ...new Set(tasks.flatMap((t) => t.moduleFiles ?? []))];
    const modules = model.modules ?? (files.length ? await importModuleFiles(files) : undefined);
    for (const task of tasks) {
      if (options.signal?.aborted) return;
      yield executeRun(task, { ...model, ...(modules ? { modules } : {}) });
      await new Promise((r) => setImmediate(r)); // let signals and progress output through
    }
    return;
  }
  if (!existsSync(WORKER_SCRIPT)) {
    throw new Error(`the worker script ${WORKER_SCRIPT} is missing: build the package first (npm run build)`);
  }
  const pool = options.pool ?? new TaskPool(workers);
  try {
    yield* pool.run(tasks, options);
  } finally {
    if (pool !== options.pool) await pool.close();
  }
}

/** One row of runs.csv as a plain object: ids, seed, varied parameters, kept measures. */
export type RunRow = Record<string, MeasureValue | boolean>;

export function runRowObject(exp: ResolvedExperiment, outcome: RunOutcome): RunRow {
  const point = flatten(exp.points[outcome.point]);
  const row: RunRow = { run_id: outcome.runId, point: outcome.point, replicate: outcome.replicate, seed: outcome.runSeed };
  for (const p of runsColumns(exp).parameters) row[p] = point[p] as MeasureValue;
  for (const m of exp.measures) row[m] = outcome.measures[m];
  return row;
}

/**
 * Streams an experiment's runs as they finish (completion order), each as its runs.csv row and
 * its outcome (with the kept daily series), without holding them all in memory:
 *
 *   for await (const { row } of streamRuns('examples/sweep-subsidy.yaml', { workers: 2 })) console.log(row);
 */
export async function* streamRuns(experiment: string | ResolvedExperiment, options: SweepOptions = {}): AsyncGenerator<{ row: RunRow; outcome: RunOutcome }> {
  const exp = typeof experiment === 'string' ? await openExperiment(experiment) : experiment;
  if (options.warmStart ?? exp.spec.warmStart) checkWarmStart(exp);
  for await (const outcome of runTasks(plannedTasks(exp, options), options)) yield { row: runRowObject(exp, outcome), outcome };
}

export interface ExperimentResult {
  experiment: ResolvedExperiment;
  /** One row per run, sorted by run_id (the rows of runs.csv). */
  runs: RunRow[];
  /** Each run's outcome (kept daily series included), sorted by run id. */
  outcomes: RunOutcome[];
}

export interface RunExperimentOptions extends SweepOptions {
  /** Called as each run finishes, in completion order (e.g. for a progress bar). */
  onRun?: (outcome: RunOutcome, done: number, total: number) => void;
}

/**
 * Runs an experiment (a file or a loaded one) and returns every run as plain rows, in memory.
 * For large sweeps prefer `sweepToFolder`, which keeps results on disk as they finish.
 *
 *   const { runs } = await runExperiment('examples/sweep-subsidy.yaml', { workers: 2 });
 */
export async function runExperiment(experiment: string | ResolvedExperiment, options: RunExperimentOptions = {}): Promise<ExperimentResult> {
  const exp = typeof experiment === 'string' ? await openExperiment(experiment) : experiment;
  if (options.warmStart ?? exp.spec.warmStart) checkWarmStart(exp);
  const tasks = plannedTasks(exp, options);
  const outcomes: RunOutcome[] = [];
  for await (const outcome of runTasks(tasks, options)) {
    outcomes.push(outcome);
    options.onRun?.(outcome, outcomes.length, tasks.length);
  }
  outcomes.sort((a, b) => a.runId - b.runId);
  return { experiment: exp, runs: outcomes.map((o) => runRowObject(exp, o)), outcomes };
}

export interface SweepToFolderOptions extends RunExperimentOptions {
  /** Continue a folder that already holds some of the runs. */
  resume?: boolean;
  /** Called once the tasks are known: how many runs this call will do, and how many were already done. */
  onStart?: (toRun: number, alreadyDone: number) => void;
}

/**
 * Runs an experiment into a sweep folder (see sweep-files.ts): each run is appended as it
 * finishes; when all runs of the folder are in, the tables are sorted and Parquet written.
 * Returns whether the folder is complete (false after an abort).
 */
export async function sweepToFolder(experiment: string | ResolvedExperiment, dir: string, options: SweepToFolderOptions = {}): Promise<{ complete: boolean; ran: number; alreadyDone: number }> {
  const exp = typeof experiment === 'string' ? await openExperiment(experiment) : experiment;
  if (options.warmStart ?? exp.spec.warmStart) checkWarmStart(exp);
  // One writer per folder: a second sweep or resume of the same folder is refused, naming the holder.
  const lock = FolderLock.acquire(dir, options.resume ? 'sweep --resume' : 'sweep');
  try {
    const folder = SweepFolder.open(dir, exp, { resume: options.resume, shard: options.shard });
    const alreadyDone = folder.done.size;
    let ran = 0;
    try {
      const tasks = plannedTasks(exp, { ...options, skip: folder.done });
      options.onStart?.(tasks.length, alreadyDone);
      for await (const outcome of runTasks(tasks, options)) {
        folder.append(outcome);
        ran++;
        options.onRun?.(outcome, ran, tasks.length);
      }
    } finally {
      folder.close();
    }
    const complete = folder.complete;
    if (complete) {
      folder.finalise();
      // Complete only if the files on disk say so, not the in-memory bookkeeping.
      verifyFinishedFolder(dir, exp, folder.expectedRunIds());
    }
    return { complete, ran, alreadyDone };
  } finally {
    lock.release();
  }
}
