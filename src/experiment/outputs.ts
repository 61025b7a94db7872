/**
 * Run folders: `manifest.json` (resolved scenario, seeds, versions, timing), `timeseries.csv`
 * (one row per day, a `date` column, one column per metric) and `summary.json`. Everything but
 * the manifest's timing is a pure function of scenario and seed, so reruns are byte-identical.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLines } from './csv-lines.js';
import type { RunResult } from './run.js';
import { PACKAGE_VERSION } from '../version.js';

/** Rows for the time-series table: date, day, phase, then every metric (blank where NaN). */
export function timeseriesRows(result: RunResult): (string | number)[][] {
  const names = result.metrics.map((m) => m.name);
  const header = ['date', 'day', 'phase', ...names];
  const rows: (string | number)[][] = [header];
  for (let d = 0; d < result.dates.length; d++) {
    rows.push([result.dates[d], d, result.phases[d], ...names.map((n) => {
      const v = result.series[n][d];
      return Number.isNaN(v) ? '' : v;
    })]);
  }
  return rows;
}

/**
 * The table as CSV, by the sweep's own writer (csv-lines.ts: the same bytes csv-stringify wrote
 * for these rows); a `crsim run` then neither loads csv-stringify nor runs it cold (≈ 50 ms of
 * CPU for a 97-day run in a fresh process, docs/performance.md part 16w).
 */
export function timeseriesCsv(result: RunResult): string {
  return csvLines(timeseriesRows(result));
}

/**
 * summary.json. JSON has no Infinity or NaN and would write them as null without a word, so a
 * non-finite measure is a bug to report, not a value to pass on: a measure with no value is
 * written null on purpose by the module that owns it.
 */
export function summaryJson(result: RunResult): string {
  return JSON.stringify(result.summary, (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`summary measure "${key}" is ${value}, which JSON cannot hold: a module wrote a non-finite measure`);
    return value;
  }, 2) + '\n';
}

export interface ManifestExtras {
  scenarioFile?: string;
  /** The resolved document with provenance, so the run can be reproduced from the manifest. */
  document?: Record<string, unknown>;
  wallTimeMs?: number;
  /** Files of the user's own modules the run used (see ModelOptions.moduleFiles). */
  moduleFiles?: readonly string[];
}

export function writeRunFolder(dir: string, result: RunResult, extras: ManifestExtras = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'timeseries.csv'), timeseriesCsv(result));
  writeFileSync(join(dir, 'summary.json'), summaryJson(result));
  const manifest = {
    package: { name: 'community-resilience', version: PACKAGE_VERSION },
    node: process.version,
    scenarioFile: extras.scenarioFile ?? null,
    seed: { master: result.masterSeed, replicate: result.replicate, run: result.runSeed },
    dates: { start: result.dates[0], end: result.dates[result.dates.length - 1], days: result.dates.length },
    phases: result.phaseSpans,
    metrics: result.metrics,
    wallTimeMs: extras.wallTimeMs ?? null,
    ...(extras.moduleFiles?.length ? { moduleFiles: extras.moduleFiles } : {}),
    scenario: result.scenario,
    document: extras.document ?? null,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
