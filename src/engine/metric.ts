/**
 * A metric is sampled once at the end of every day and becomes one column of the time series.
 */
import type { StepContext } from './process.js';

export interface Metric<W> {
  readonly name: string;
  /** Unit as a researcher would write it in a table header, e.g. "share", "¥", "hours". */
  readonly unit: string;
  readonly description: string;
  /** A headline metric (a model's performance curve, Q(t)) comes before all others in outputs. */
  readonly headline?: boolean;
  sample(world: W, ctx: StepContext): number;
}

/** Daily samples, one Float64Array column per metric; NaN where a metric has no value that day. */
export class MetricRecorder<W> {
  readonly columns: Record<string, Float64Array> = {};
  /** The same columns in metric order, so that recording a day looks none up by name. */
  private readonly ordered: Float64Array[] = [];

  constructor(readonly metrics: readonly Metric<W>[], days: number) {
    const seen = new Set<string>();
    for (const m of metrics) {
      if (seen.has(m.name)) throw new Error(`metric "${m.name}" is defined twice`);
      seen.add(m.name);
      this.columns[m.name] = new Float64Array(days).fill(NaN);
      this.ordered.push(this.columns[m.name]);
    }
  }

  record(world: W, ctx: StepContext): void {
    const { metrics, ordered } = this;
    const day = ctx.day;
    for (let i = 0; i < metrics.length; i++) ordered[i][day] = metrics[i].sample(world, ctx);
  }
}
