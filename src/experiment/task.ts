/**
 * One run of a sweep as a self-contained task: plain data in, plain data out, so the same
 * function runs in a worker thread or in the calling thread and gives identical results.
 */
import type { ModelOptions } from '../model/index.js';
import type { Scenario } from '../scenario/schema.js';
import { pickMeasures, type MeasureValue } from './measures.js';
import { runScenario, type RunResult } from './run.js';
import { branch, warmUp, type WarmStart } from './warm-start.js';

export { warmUpOnce } from './thread-warm-up.js';

export interface RunTask {
  runId: number;
  point: number;
  replicate: number;
  masterSeed: number;
  runSeed: string;
  scenario: Scenario;
  /** Summary measures to return (flattened names) and daily metrics to return. */
  measures: string[];
  metrics: string[];
  /** Branch from a warm start of this base scenario (which must share the run seed). */
  warmStartBase?: Scenario;
  /** URLs of module files a worker imports before the run (see ModelOptions.moduleFiles). */
  moduleFiles?: string[];
}

export interface RunOutcome {
  runId: number;
  point: number;
  replicate: number;
  runSeed: string;
  measures: Record<string, MeasureValue>;
  dates: string[];
  phases: string[];
  /** Kept daily metrics, one value per day (NaN where a metric has no value that day). */
  series: Record<string, Float64Array>;
}

/**
 * Warm starts kept per thread, keyed by run seed: a worker that gets several points of the same
 * replicate simulates that replicate's normal period once. Small, since each holds a world.
 */
const warmCache = new Map<string, WarmStart>();
const WARM_CACHE_SIZE = 4;

function warmStartFor(base: Scenario, runSeed: string, model: ModelOptions): WarmStart {
  // Custom modules or metrics change the snapshot, and the key cannot name functions: never cache those.
  if (model.modules || model.extraMetrics) return warmUp(base, runSeed, model);
  const key = `${runSeed}\u0000${JSON.stringify(base)}`;
  let warm = warmCache.get(key);
  if (!warm) {
    warm = warmUp(base, runSeed, model);
    warmCache.set(key, warm);
    if (warmCache.size > WARM_CACHE_SIZE) warmCache.delete(warmCache.keys().next().value!);
  }
  return warm;
}

/** Runs one task; `model` (modules of your own, extra metrics) is given in the calling thread, or rebuilt from task.moduleFiles by a worker. */
export function executeRun(task: RunTask, model: ModelOptions = {}): RunOutcome {
  const result: RunResult = task.warmStartBase
    ? branch(warmStartFor(task.warmStartBase, task.runSeed, model), task.scenario, task.masterSeed, task.replicate, model)
    : runScenario(task.scenario, { ...model, seed: task.masterSeed, replicate: task.replicate, runSeed: task.runSeed });
  const series: Record<string, Float64Array> = {};
  for (const m of task.metrics) series[m] = result.series[m];
  return {
    runId: task.runId,
    point: task.point,
    replicate: task.replicate,
    runSeed: task.runSeed,
    measures: pickMeasures(result.summary, task.measures),
    dates: result.dates,
    phases: result.phases,
    series,
  };
}
