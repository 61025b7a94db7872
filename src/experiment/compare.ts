/**
 * Paired comparison of two scenarios with common random numbers: replicate i of A and of B run
 * with the same run seed (that of `crsim run --replicate i`), so each process draws the same
 * random numbers in both and the runs diverge only where the scenarios differ. The table gives,
 * per summary measure, both means and the mean paired difference B − A with a 95 % confidence
 * interval from the t distribution.
 */
import { runSeedOf } from './run.js';
import { outputsOf, selectMeasures } from './measures.js';
import { meanWithCI } from './stats.js';
import { runTasks, type SweepOptions } from './sweep.js';
import type { RunOutcome, RunTask } from './task.js';
import { assertBranchable, warmUp } from './warm-start.js';
import type { Scenario } from '../scenario/schema.js';

export interface CompareOptions extends Pick<SweepOptions, 'workers' | 'signal' | 'model'> {
  /** Paired replicates (default 10). */
  reps?: number;
  /** Master seed (default: A's scenario seed); both scenarios use it. */
  seed?: number;
  /** Measures or groups of them to compare (default: every numeric summary measure). */
  measures?: string[];
  /** Simulate the normal period once per replicate (from A) and branch both scenarios from it. */
  warmStart?: boolean;
  onRun?: (outcome: RunOutcome, done: number, total: number) => void;
}

export interface ComparisonRow {
  measure: string;
  /** Replicates where the measure is defined in both runs. */
  n: number;
  meanA: number;
  meanB: number;
  /** Mean of the paired differences B − A, and its 95 % confidence interval. */
  meanDifference: number;
  ci95Low: number | null;
  ci95High: number | null;
  sdDifference: number;
}

export interface Comparison {
  a: string;
  b: string;
  reps: number;
  masterSeed: number;
  seeds: string[];
  rows: ComparisonRow[];
  /** Per replicate, the flattened measures of A and B. */
  pairs: { replicate: number; seed: string; a: Record<string, unknown>; b: Record<string, unknown> }[];
}

export async function compareScenarios(a: Scenario, b: Scenario, options: CompareOptions = {}): Promise<Comparison> {
  const reps = options.reps ?? 10;
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`reps must be a positive whole number, found ${reps}`);
  const masterSeed = options.seed ?? a.seed;
  // The measures of either model (one may have modules the other lacks; those give no paired row).
  const known = [...new Set([...outputsOf(a, options.model).measures, ...outputsOf(b, options.model).measures])];
  const { measures, unknown } = selectMeasures(options.measures, known);
  if (unknown.length) throw new Error(`no summary measure or group named ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known.join(', ')}`);
  const seeds = Array.from({ length: reps }, (_, i) => runSeedOf(masterSeed, i));
  if (options.warmStart) assertBranchable(warmUp(a, seeds[0], options.model), b, `B ("${b.name}")`);
  const tasks: RunTask[] = [];
  for (let i = 0; i < reps; i++) {
    for (const [k, scenario] of [a, b].entries()) {
      tasks.push({
        runId: 2 * i + k, point: k, replicate: i, masterSeed, runSeed: seeds[i], scenario, measures, metrics: [],
        ...(options.warmStart ? { warmStartBase: a } : {}),
      });
    }
  }
  const outcomes: RunOutcome[] = [];
  for await (const o of runTasks(tasks, { workers: options.workers, signal: options.signal, model: options.model })) {
    outcomes.push(o);
    options.onRun?.(o, outcomes.length, tasks.length);
  }
  if (outcomes.length < tasks.length) throw new Error('the comparison was interrupted');
  outcomes.sort((x, y) => x.runId - y.runId);
  const pairs = Array.from({ length: reps }, (_, i) => ({ replicate: i, seed: seeds[i], a: outcomes[2 * i].measures, b: outcomes[2 * i + 1].measures }));
  const rows: ComparisonRow[] = [];
  for (const m of measures) {
    const defined = pairs.filter((p) => typeof p.a[m] === 'number' && typeof p.b[m] === 'number');
    if (defined.length === 0) continue; // not numeric (a date) or never defined
    const av = defined.map((p) => p.a[m] as number);
    const bv = defined.map((p) => p.b[m] as number);
    const diff = meanWithCI(defined.map((_, i) => bv[i] - av[i]));
    rows.push({
      measure: m,
      n: defined.length,
      meanA: meanWithCI(av).mean,
      meanB: meanWithCI(bv).mean,
      meanDifference: diff.mean,
      ci95Low: diff.low,
      ci95High: diff.high,
      sdDifference: diff.sd,
    });
  }
  return { a: a.name, b: b.name, reps, masterSeed, seeds, rows, pairs };
}

/** The comparison as CSV rows (header first). */
export function comparisonRows(c: Comparison): (string | number | null)[][] {
  return [
    ['measure', 'n', 'mean_a', 'mean_b', 'mean_difference', 'ci95_low', 'ci95_high', 'sd_difference'],
    ...c.rows.map((r) => [r.measure, r.n, r.meanA, r.meanB, r.meanDifference, r.ci95Low, r.ci95High, Number.isNaN(r.sdDifference) ? null : r.sdDifference]),
  ];
}
