/**
 * Summary measures as flat columns. A run's summary is a nested object (`resilience.robustness`,
 * `groups.elderlyNoSmartphone.unmetNeedDays`…); tables want one column per number, so sweeps and
 * comparisons flatten it with dotted names. Which measures and daily metrics a run has is what
 * its modules declare: nothing here lists them.
 */
import { assembleScenario, type ModelOptions } from '../model/index.js';
import { Q_COMMUNITY } from '../modules/index.js';
import type { Scenario } from '../scenario/schema.js';

/** The summary measures (dotted) and daily metrics a scenario's model declares. */
export function outputsOf(scenario: Pick<Scenario, 'modules'>, options: ModelOptions = {}): { measures: readonly string[]; metrics: readonly string[] } {
  const assembly = assembleScenario(scenario, options);
  return { measures: assembly.measures, metrics: [...assembly.metrics, ...(options.extraMetrics ?? [])].map((m) => m.name) };
}

/** The Q-community preset's summary measures and daily metrics (what a scenario without `modules:` has). */
const preset = outputsOf({ modules: [...Q_COMMUNITY] });
export const SUMMARY_MEASURES: readonly string[] = preset.measures;
export const DAILY_METRICS: readonly string[] = preset.metrics;

export type MeasureValue = number | string | null;

/** `{ a: { b: 1 } }` → `{ 'a.b': 1 }`; arrays are indexed (`a.0`). */
export function flatten(value: unknown, prefix = '', into: Record<string, MeasureValue> = {}): Record<string, MeasureValue> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (prefix) {
    into[prefix] = value === undefined ? null : (value as MeasureValue);
  }
  return into;
}

/**
 * The measures a selection names, in the order the selection names them (a group's measures in
 * the order its module declares them): an entry is a measure (`resilience.robustness`) or a group
 * of them (`resilience`, `groups.others`).
 * Unknown names are returned in `unknown` so callers can report them.
 */
export function selectMeasures(selection: readonly string[] | undefined, known: readonly string[] = SUMMARY_MEASURES): { measures: string[]; unknown: string[] } {
  if (!selection) return { measures: [...known], unknown: [] };
  const unknown = selection.filter((s) => !known.some((m) => m === s || m.startsWith(`${s}.`)));
  const measures = [...new Set(selection.flatMap((s) => known.filter((m) => m === s || m.startsWith(`${s}.`))))];
  return { measures, unknown };
}

/** The kept measures of one summary, flattened, in the order given. */
export function pickMeasures(summary: object, measures: readonly string[]): Record<string, MeasureValue> {
  const flat = flatten(summary);
  const out: Record<string, MeasureValue> = {};
  for (const m of measures) out[m] = flat[m] ?? null;
  return out;
}
