/**
 * The numbers printed under the charts: resilience measures and unmet need-days per group, as
 * the mean over finished replicates of each run's summary.json values.
 */
import { RESIDENT_GROUPS } from '../../../src/modules/community/index.js';
import { meanOfSummaries, type RunData } from './run-data.js';

export interface MeasureRow {
  label: string;
  robustness: number;
  rapidityDays: number;
  /** Replicates that never recovered within the run. */
  neverRecovered: number;
  lossNeedDays: number;
  normalised: number;
  unmetNeedDays: Record<string, number>;
  replicates: number;
}

export function measureRows(runs: RunData[]): MeasureRow[] {
  // Only runs of the lockdown model have its resilience measures (not N street, not the Dalian grid).
  return runs.filter((r) => r.summaries.some((s) => s !== null && s.resilience !== undefined)).map((run) => {
    const finished = run.summaries.filter((s) => s !== null);
    return {
      label: run.label,
      robustness: meanOfSummaries(run, (s) => s.resilience.robustness),
      rapidityDays: meanOfSummaries(run, (s) => s.resilience.rapidityDays),
      neverRecovered: finished.filter((s) => s!.resilience.rapidityDays === null).length,
      lossNeedDays: meanOfSummaries(run, (s) => s.resilience.lossNeedDays),
      normalised: meanOfSummaries(run, (s) => s.resilience.normalised),
      unmetNeedDays: Object.fromEntries(RESIDENT_GROUPS.map((g) => [g, meanOfSummaries(run, (s) => s.groups[g]?.unmetNeedDays ?? null)])),
      replicates: finished.length,
    };
  });
}
