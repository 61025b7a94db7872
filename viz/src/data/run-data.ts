/**
 * The one shape every chart reads, whether the numbers come live from the Web Worker, from a
 * `crsim run` folder, or from a report: dates, phases, metric definitions, and per replicate one
 * column per metric (NaN where there is no value, or no value yet).
 */
import type { MetricInfo } from '../../../src/experiment/run.js';
import type { Summary } from '../../../src/model/index.js';

export interface PhaseSpan {
  name: string;
  start: string;
  end: string;
}

export interface RunData {
  /** What the legend calls this run (scenario name, file name, "before: …"). */
  label: string;
  dates: string[];
  phases: string[];
  phaseSpans: PhaseSpan[];
  metrics: MetricInfo[];
  replicates: Record<string, Float64Array>[];
  summaries: (Summary | null)[];
}

/** Contiguous runs of the same phase name, as `crsim run` writes them to manifest.json. */
export function spansOf(dates: readonly string[], phases: readonly string[]): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  for (let d = 0; d < dates.length; d++) {
    const last = spans[spans.length - 1];
    if (last && last.name === phases[d]) last.end = dates[d];
    else spans.push({ name: phases[d], start: dates[d], end: dates[d] });
  }
  return spans;
}

/** A replicate's columns before any day has run: all NaN. */
export function emptyColumns(metrics: readonly MetricInfo[], days: number): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = {};
  for (const m of metrics) columns[m.name] = new Float64Array(days).fill(NaN);
  return columns;
}

/** Days with a value of `metric` in at least one replicate (how far a live run has come). */
export function daysFilled(run: RunData, metric = 'q'): number {
  let n = 0;
  for (const rep of run.replicates) {
    const col = rep[metric];
    if (!col) continue;
    let k = 0;
    while (k < col.length && !Number.isNaN(col[k])) k++;
    n = Math.max(n, k);
  }
  return n;
}

export interface MeanBand {
  mean: number[];
  lo: number[];
  hi: number[];
  /** Replicates with a value, per day. */
  n: number[];
}

/** Linear-interpolation quantile (R type 7, as d3.quantileSorted) of sorted values. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/**
 * Per day, the mean over replicates and the [loP, hiP] quantile band (default 10–90 %).
 * Replicates without a value that day are left out; a day no replicate has reached is NaN.
 */
export function meanBand(run: RunData, metric: string, loP = 0.1, hiP = 0.9): MeanBand {
  const days = run.dates.length;
  const out: MeanBand = { mean: [], lo: [], hi: [], n: [] };
  for (let d = 0; d < days; d++) {
    const values: number[] = [];
    for (const rep of run.replicates) {
      const v = rep[metric]?.[d];
      if (v !== undefined && !Number.isNaN(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const sum = values.reduce((s, v) => s + v, 0);
    out.mean.push(values.length ? sum / values.length : NaN);
    out.lo.push(quantileSorted(values, loP));
    out.hi.push(quantileSorted(values, hiP));
    out.n.push(values.length);
  }
  return out;
}

/** Mean of a summary number over the replicates that have finished (NaN if none). */
export function meanOfSummaries(run: RunData, pick: (s: Summary) => number | null): number {
  const values = run.summaries.filter((s): s is Summary => s !== null).map(pick).filter((v): v is number => v !== null && !Number.isNaN(v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}
