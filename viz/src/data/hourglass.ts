/**
 * The hourglass of governance load (paper 004): task hours over staff hours at each layer a
 * task passes down — line departments, street office, residents' committee, grid, compound —
 * read from governanceLoad's `load.byLayer.*` measures in summary.json and averaged over the
 * replicates that have finished. Plain data, so it is unit-tested without a browser.
 */
import { t } from '../i18n.js';
import type { RunData } from './run-data.js';

/** Top to bottom, as a task travels (the order governanceLoad's LAYERS keep). */
export const HOURGLASS_LAYERS = ['department', 'street', 'community', 'grid', 'compound'] as const;
export type HourglassLayer = (typeof HOURGLASS_LAYERS)[number];

export interface HourglassSpec {
  id: 'hourglass';
  title: string;
  xLabel: string;
  /** One row per layer, top first: its label and its load averaged over the replicates. */
  rows: { key: HourglassLayer; label: string; value: number }[];
  /** How many replicates the averages are over. */
  replicates: number;
}

type ByLayer = Partial<Record<HourglassLayer, number>>;

/** Null for a run without governanceLoad's measures (the placeholder note stays then). */
export function hourglassChart(run: RunData): HourglassSpec | null {
  const tables = run.summaries
    .map((s) => (s as { load?: { byLayer?: ByLayer } } | null)?.load?.byLayer)
    .filter((b): b is ByLayer => b !== undefined && b !== null);
  if (!tables.length) return null;
  const mean = (l: HourglassLayer) => {
    const vs = tables.map((b) => b[l]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return vs.length ? vs.reduce((a, v) => a + v, 0) / vs.length : NaN;
  };
  return {
    id: 'hourglass',
    title: t('hourglassTitle'),
    xLabel: t('hourglassAxis'),
    rows: HOURGLASS_LAYERS.map((key) => ({ key, label: t(`layer_${key}`), value: mean(key) })),
    replicates: tables.length,
  };
}
