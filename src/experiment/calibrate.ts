/**
 * Calibration: find the values of a scenario's free parameters that bring chosen outputs closest
 * to targets. A target is a summary measure (`routing.byYear.2017.station`) or a daily metric's
 * mean or sum over a period, with a value and a tolerance (or a weight). Each evaluated point is
 * the mean of the same replicates (common random numbers: replicate i has the same run seed at
 * every point), so the objective is a smooth-enough function of the parameters for Nelder–Mead.
 *
 * The objective is Σ w_k (mean_k − target_k)², with w_k = weight or 1 / tolerance². Nelder–Mead
 * runs in the unit cube of the bounds (points outside are clamped). The spread of the estimates
 * comes from the delta method at the optimum: the Jacobian of the target means by central
 * differences (common random numbers again), and the covariance of those means across
 * replicates, plus a target's own standard error where given:
 *   cov(θ) = (JᵀWJ)⁻¹ JᵀW Σ W J (JᵀWJ)⁻¹.
 *
 * Every evaluation is appended to a journal (one JSON line), so a calibration that crashed is
 * resumed by replaying it: Nelder–Mead is deterministic, and the points it asks for again are read
 * from the journal instead of simulated.
 *
 * Why not a package: fmin (0.0.4, the npm Nelder–Mead most used) has no bounds, ships a
 * plotting dependency and calls the objective synchronously, while each evaluation here is a
 * batch of replicates run on worker threads (a promise); ml-levenberg-marquardt fits curves to
 * data points, not noisy simulation means with bounds. The method is small enough to keep here,
 * tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RunTask } from './task.js';
import { runTasks, TaskPool, type SweepOptions } from './sweep.js';
import { runSeedOf } from './run.js';
import type { Scenario } from '../scenario/schema.js';

export interface FreeParameter {
  /** Dotted scenario path, e.g. `issueRouting.station.competence`. */
  path: string;
  min: number;
  max: number;
  /** Starting value; the middle of the bounds when absent. */
  start?: number;
}

export interface Target {
  /** A summary measure (dotted) — or a daily metric with `period`. */
  measure?: string;
  metric?: string;
  period?: { from: string; to: string };
  /** How a metric is reduced over the period (default mean). */
  stat?: 'mean' | 'sum';
  value: number;
  tolerance?: number;
  weight?: number;
  /** Standard error of the target value itself (e.g. a synthetic target from a few runs). */
  sd?: number;
  /** Where the value comes from. */
  source?: string;
}

export interface CalibrationSpec {
  parameters: FreeParameter[];
  targets: Target[];
  replicates: number;
  seed: number;
  maxEvaluations: number;
  /** Relative simplex size (in the unit cube) at which Nelder–Mead stops. */
  tolerance: number;
}

export interface Evaluation {
  x: number[];
  /** Per replicate, per target. */
  values: number[][];
  means: number[];
  objective: number;
}

export interface CalibrationResult {
  estimates: { path: string; estimate: number; sd: number; ci95Low: number; ci95High: number; min: number; max: number }[];
  fit: { target: string; value: number; fitted: number; sdAcrossReplicates: number; tolerance: number | null; withinTolerance: boolean | null; source?: string }[];
  objective: number;
  evaluations: number;
  fromJournal: number;
  converged: boolean;
}

export const targetName = (t: Target) => t.measure ?? `${t.metric}[${t.period?.from}..${t.period?.to}].${t.stat ?? 'mean'}`;
const weightOf = (t: Target) => t.weight ?? (t.tolerance ? 1 / (t.tolerance * t.tolerance) : 1);

/** Bounded Nelder–Mead in the unit cube; `f` takes points in the cube. */
export async function nelderMead(f: (u: number[]) => Promise<number>, start: number[], opts: { maxEvaluations: number; tolerance: number; step?: number }): Promise<{ x: number[]; fx: number; evaluations: number; converged: boolean }> {
  const n = start.length;
  const clamp = (u: number[]) => u.map((v) => Math.min(1, Math.max(0, v)));
  const step = opts.step ?? 0.15;
  let evaluations = 0;
  const ev = async (u: number[]) => {
    evaluations++;
    return f(clamp(u));
  };
  const simplex: { x: number[]; fx: number }[] = [];
  const x0 = clamp(start);
  simplex.push({ x: x0, fx: await ev(x0) });
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i] + step <= 1 ? x[i] + step : x[i] - step;
    simplex.push({ x: clamp(x), fx: await ev(x) });
  }
  let converged = false;
  while (evaluations < opts.maxEvaluations) {
    simplex.sort((a, b) => a.fx - b.fx);
    const size = Math.max(...simplex.slice(1).map((s) => Math.max(...s.x.map((v, i) => Math.abs(v - simplex[0].x[i])))));
    if (size < opts.tolerance) {
      converged = true;
      break;
    }
    const centroid = Array.from({ length: n }, (_, i) => simplex.slice(0, n).reduce((a, s) => a + s.x[i], 0) / n);
    const worst = simplex[n];
    const along = (t: number) => clamp(centroid.map((c, i) => c + t * (worst.x[i] - c)));
    const xr = along(-1);
    const fr = await ev(xr);
    if (fr < simplex[0].fx) {
      const xe = along(-2);
      const fe = await ev(xe);
      simplex[n] = fe < fr ? { x: xe, fx: fe } : { x: xr, fx: fr };
    } else if (fr < simplex[n - 1].fx) {
      simplex[n] = { x: xr, fx: fr };
    } else {
      const outside = fr < worst.fx;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = await ev(xc);
      if (fc < (outside ? fr : worst.fx)) simplex[n] = { x: xc, fx: fc };
      else {
        for (let k = 1; k <= n; k++) {
          const x = simplex[k].x.map((v, i) => simplex[0].x[i] + 0.5 * (v - simplex[0].x[i]));
          simplex[k] = { x, fx: await ev(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return { x: simplex[0].x, fx: simplex[0].fx, evaluations, converged };
}

/** Inverse of a small symmetric positive-definite matrix (Gauss–Jordan); null if singular. */
export function invert(m: number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-300) return null;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= k * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

const mul = (a: number[][], b: number[][]) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const transpose = (a: number[][]) => a[0].map((_, j) => a.map((row) => row[j]));

export interface CalibrateOptions extends SweepOptions {
  /** Builds the scenario of a point (parameter path → value). */
  scenarioAt(values: Record<string, number>): Scenario;
  /** Evaluations already made (a journal read back), by point key. */
  journal?: Evaluation[];
  /** Called with each new evaluation (to append it to the journal). */
  onEvaluation?(e: Evaluation): void;
  /** Called after each run (progress). */
  onRun?(): void;
}

const keyOf = (x: number[]) => x.map((v) => v.toPrecision(15)).join(',');

/** Reads a journal of evaluations (JSON lines); a torn last line is ignored. */
export function readJournal(file: string): Evaluation[] {
  if (!existsSync(file)) return [];
  const out: Evaluation[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line);
      if (Array.isArray(e.x)) out.push(e);
    } catch {
      // a line cut short by a crash
    }
  }
  return out;
}

function reduceMetric(t: Target, dates: string[], series: Float64Array): number {
  let s = 0;
  let n = 0;
  for (let d = 0; d < dates.length; d++) {
    if (t.period && (dates[d] < t.period.from || dates[d] > t.period.to)) continue;
    if (Number.isNaN(series[d])) continue;
    s += series[d];
    n++;
  }
  return t.stat === 'sum' ? s : n ? s / n : NaN;
}

/** Calibrates the spec's free parameters to its targets. */
export async function calibrate(spec: CalibrationSpec, options: CalibrateOptions): Promise<CalibrationResult> {
  // One pool for every evaluation: each is a batch of a few runs, and a thread's start-up (import,
  // JIT warm-up) costs many runs; a pool per evaluation paid it again at every point.
  const workers = options.pool?.workers ?? options.workers ?? availableParallelism();
  const pool = options.pool ?? (workers > 0 ? new TaskPool(workers) : undefined);
  try {
    return await calibrateOn(spec, { ...options, ...(pool ? { pool } : {}) });
  } finally {
    if (pool !== options.pool) await pool?.close();
  }
}

async function calibrateOn(spec: CalibrationSpec, options: CalibrateOptions): Promise<CalibrationResult> {
  const params = spec.parameters;
  const cache = new Map<string, Evaluation>();
  for (const e of options.journal ?? []) cache.set(keyOf(e.x), e);
  const journalled = new Set(cache.keys());
  let fromJournal = 0;
  let runId = 0;
  const toX = (u: number[]) => u.map((v, i) => params[i].min + v * (params[i].max - params[i].min));
  const toU = (x: number[]) => x.map((v, i) => (v - params[i].min) / (params[i].max - params[i].min));

  async function evaluate(x: number[]): Promise<Evaluation> {
    const key = keyOf(x);
    const known = cache.get(key);
    if (known) {
      if (journalled.delete(key)) fromJournal++;
      for (let r = 0; r < spec.replicates; r++) options.onRun?.();
      return known;
    }
    const scenario = options.scenarioAt(Object.fromEntries(params.map((p, i) => [p.path, x[i]])));
    const measures = spec.targets.filter((t) => t.measure).map((t) => t.measure!);
    const metrics = [...new Set(spec.targets.filter((t) => t.metric).map((t) => t.metric!))];
    const tasks: RunTask[] = Array.from({ length: spec.replicates }, (_, replicate) => ({
      runId: runId++, point: 0, replicate, masterSeed: spec.seed, runSeed: runSeedOf(spec.seed, replicate), scenario, measures, metrics,
    }));
    const values: number[][] = new Array(spec.replicates);
    for await (const o of runTasks(tasks, options)) {
      values[o.replicate] = spec.targets.map((t) => {
        if (t.measure) {
          const v = o.measures[t.measure];
          if (typeof v !== 'number') throw new Error(`target ${t.measure}: the run has no such numeric measure (got ${JSON.stringify(v)})`);
          return v;
        }
        return reduceMetric(t, o.dates, o.series[t.metric!]);
      });
      options.onRun?.();
    }
    const means = spec.targets.map((_, k) => values.reduce((s, v) => s + v[k], 0) / values.length);
    const objective = spec.targets.reduce((s, t, k) => s + weightOf(t) * (means[k] - t.value) ** 2, 0);
    const e: Evaluation = { x, values, means, objective };
    cache.set(key, e);
    options.onEvaluation?.(e);
    return e;
  }

  const start = params.map((p) => (p.start ?? (p.min + p.max) / 2));
  const best = await nelderMead(async (u) => (await evaluate(toX(u))).objective, toU(start), { maxEvaluations: spec.maxEvaluations, tolerance: spec.tolerance });
  const xBest = toX(best.x);
  const atBest = await evaluate(xBest);

  // Delta method: Jacobian by central differences (common random numbers), covariance of the means.
  const K = spec.targets.length;
  const J: number[][] = Array.from({ length: K }, () => new Array(params.length).fill(0));
  for (let i = 0; i < params.length; i++) {
    const h = 0.02 * (params[i].max - params[i].min);
    const up = [...xBest];
    const down = [...xBest];
    up[i] = Math.min(params[i].max, up[i] + h);
    down[i] = Math.max(params[i].min, down[i] - h);
    const [eu, ed] = [await evaluate(up), await evaluate(down)];
    for (let k = 0; k < K; k++) J[k][i] = (eu.means[k] - ed.means[k]) / (up[i] - down[i]);
  }
  const R = spec.replicates;
  const Sigma: number[][] = Array.from({ length: K }, (_, a) => Array.from({ length: K }, (_, b) => {
    let s = 0;
    for (const v of atBest.values) s += (v[a] - atBest.means[a]) * (v[b] - atBest.means[b]);
    const cov = R > 1 ? s / (R - 1) / R : 0;
    return cov + (a === b ? (spec.targets[a].sd ?? 0) ** 2 : 0);
  }));
  const W = spec.targets.map((t, a) => spec.targets.map((_, b) => (a === b ? weightOf(t) : 0)));
  const Jt = transpose(J);
  const bread = invert(mul(mul(Jt, W), J));
  const cov = bread ? mul(mul(bread, mul(mul(mul(mul(Jt, W), Sigma), W), J)), bread) : null;
  const estimates = params.map((p, i) => {
    const sd = cov ? Math.sqrt(Math.max(0, cov[i][i])) : Infinity;
    return { path: p.path, estimate: xBest[i], sd, ci95Low: xBest[i] - 1.96 * sd, ci95High: xBest[i] + 1.96 * sd, min: p.min, max: p.max };
  });
  const fit = spec.targets.map((t, k) => {
    const m = atBest.means[k];
    const sdAcross = R > 1 ? Math.sqrt(atBest.values.reduce((s, v) => s + (v[k] - m) ** 2, 0) / (R - 1)) : 0;
    return {
      target: targetName(t), value: t.value, fitted: m, sdAcrossReplicates: sdAcross,
      tolerance: t.tolerance ?? null, withinTolerance: t.tolerance === undefined ? null : Math.abs(m - t.value) <= t.tolerance,
      ...(t.source ? { source: t.source } : {}),
    };
  });
  return { estimates, fit, objective: atBest.objective, evaluations: cache.size, fromJournal, converged: best.converged };
}
