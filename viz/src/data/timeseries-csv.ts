/**
 * Reading a `crsim run` folder back: `timeseries.csv` (date, day, phase, then one column per
 * metric, blank where there is no value), with `manifest.json` for phase spans and metric units
 * and `summary.json` for the resilience measures, when the user opens them too.
 */
import { csvParseRows } from 'd3';
import type { MetricInfo } from '../../../src/experiment/run.js';
import type { Summary } from '../../../src/model/index.js';
import { spansOf, type PhaseSpan, type RunData } from './run-data.js';

export interface RunFolderFiles {
  timeseriesCsv: string;
  summaryJson?: string;
  manifestJson?: string;
  /** Shown in legends, e.g. the folder name. */
  label?: string;
}

interface Manifest {
  phases?: PhaseSpan[];
  metrics?: MetricInfo[];
  scenario?: { name?: string; resilience?: { recoveryThreshold?: number } };
}

/** The threshold of the resilience measures when a run carries none (the model's default). */
export const DEFAULT_RECOVERY_THRESHOLD = 0.95;

/**
 * The recovery threshold the run was made with, from its manifest.json (what `crsim report`
 * uses too), so rapidity is measured as the CLI measured it; the default without a manifest.
 */
export function recoveryThresholdOf(manifestJson: string | undefined): number {
  if (!manifestJson) return DEFAULT_RECOVERY_THRESHOLD;
  const manifest: Manifest = JSON.parse(manifestJson);
  return manifest.scenario?.resilience?.recoveryThreshold ?? DEFAULT_RECOVERY_THRESHOLD;
}

/** Parses a run folder's files; throws an Error with a readable message on a malformed table. */
export function runFromFolder(files: RunFolderFiles): RunData {
  const rows = csvParseRows(files.timeseriesCsv.replace(/^\uFEFF/, ''));
  if (rows.length < 2) throw new Error('timeseries.csv has no rows');
  const header = rows[0];
  const dateCol = header.indexOf('date');
  const phaseCol = header.indexOf('phase');
  if (dateCol < 0) throw new Error('timeseries.csv has no "date" column: is this a crsim run table?');
  const body = rows.slice(1).filter((r) => r.length > 1 || r[0] !== '');
  const metricCols = header.map((name, i) => ({ name, i })).filter(({ name }) => !['date', 'day', 'phase'].includes(name));
  const manifest: Manifest = files.manifestJson ? JSON.parse(files.manifestJson) : {};
  const info = new Map((manifest.metrics ?? []).map((m) => [m.name, m]));
  const columns: Record<string, Float64Array> = {};
  for (const { name, i } of metricCols) {
    // Blank cells are the CLI's way of writing NaN (no value that day).
    columns[name] = Float64Array.from(body, (r) => (r[i] === undefined || r[i] === '' ? NaN : Number(r[i])));
  }
  const dates = body.map((r) => r[dateCol]);
  const phases = phaseCol >= 0 ? body.map((r) => r[phaseCol]) : dates.map(() => 'normal');
  const summary: Summary | null = files.summaryJson ? JSON.parse(files.summaryJson) : null;
  return {
    label: files.label ?? manifest.scenario?.name ?? 'run',
    dates,
    phases,
    phaseSpans: manifest.phases ?? spansOf(dates, phases),
    metrics: metricCols.map(({ name }) => info.get(name) ?? { name, unit: '', description: '' }),
    replicates: [columns],
    summaries: [summary],
  };
}
