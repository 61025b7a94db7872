/** Real runs of the shipped model for the viz tests (the same code the browser runs). */
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { loadScenario, DEFAULT_SCENARIO } from '../../src/scenario/load.js';
import type { RunData } from '../../viz/src/data/run-data.js';

const cache = new Map<string, RunResult>();

export function result(overrides: Record<string, unknown> = {}, replicate = 0): RunResult {
  const key = JSON.stringify([overrides, replicate]);
  if (!cache.has(key)) cache.set(key, runScenario(loadScenario(DEFAULT_SCENARIO, overrides).scenario, { replicate }));
  return cache.get(key)!;
}

/** RunData as the page builds it from worker messages. */
export function runData(results: RunResult[], label = 'default'): RunData {
  const r = results[0];
  return {
    label,
    dates: r.dates,
    phases: r.phases,
    phaseSpans: r.phaseSpans,
    metrics: r.metrics,
    replicates: results.map((x) => x.series),
    summaries: results.map((x) => x.summary),
  };
}
