/**
 * Summary measures as flat columns. A run's summary is a nested object (`resilience.robustness`,
 * `groups.elderlyNoSmartphone.unmetNeedDays`…); tables want one column per number, so sweeps and
 * comparisons flatten it with dotted names. The list below is every measure a summary has; a test
 * checks it against a real run so it cannot drift from `summarise`.
 */
import type { Summary } from '../metrics/summary.js';
import { dailyMetrics } from '../metrics/daily.js';

export const SUMMARY_MEASURES = [
  'resilience.q0', 'resilience.robustness', 'resilience.rapidityDays', 'resilience.lossNeedDays', 'resilience.normalised',
  'resilience.shockDay', 'resilience.windowDays', 'resilience.shockDate',
  'groups.elderlyNoSmartphone.residents', 'groups.elderlyNoSmartphone.unmetNeedDays', 'groups.elderlyNoSmartphone.robustness', 'groups.elderlyNoSmartphone.lossNeedDays',
  'groups.elderlySmartphone.residents', 'groups.elderlySmartphone.unmetNeedDays', 'groups.elderlySmartphone.robustness', 'groups.elderlySmartphone.lossNeedDays',
  'groups.others.residents', 'groups.others.unmetNeedDays', 'groups.others.robustness', 'groups.others.lossNeedDays',
  'equityGap', 'personal.unmetNeedDaysPerHousehold',
  'prices.meanPricePaid',
  'prices.byRegime.early.vegetable', 'prices.byRegime.early.pork', 'prices.byRegime.early.vegetableList', 'prices.byRegime.early.porkList',
  'prices.byRegime.later.vegetable', 'prices.byRegime.later.pork', 'prices.byRegime.later.vegetableList', 'prices.byRegime.later.porkList',
  'staff.peakOverload', 'staff.overloadedDays', 'staff.hoursDemanded', 'staff.hoursAvailable',
  'deliveries.made', 'deliveries.peakPending', 'deliveries.pendingOrderDays', 'deliveries.overdueOrderDays', 'deliveries.pendingAtEnd',
  'deliveries.byPartyMembers', 'deliveries.byVolunteers', 'deliveries.byRcStaff', 'deliveries.byMerchants',
  'selfOrganisation.compounds', 'selfOrganisation.groupBuys', 'satisfaction.final', 'satisfaction.minimum',
  'ledger.packagesSupplied', 'ledger.packagesDelivered', 'ledger.residentPayments', 'ledger.subsidyPaid',
  'ledger.byRegime.early.vegetable', 'ledger.byRegime.early.pork', 'ledger.byRegime.early.vegetablePayments', 'ledger.byRegime.early.porkPayments',
  'ledger.byRegime.early.residentPayments', 'ledger.byRegime.early.subsidyPaid',
  'ledger.byRegime.later.vegetable', 'ledger.byRegime.later.pork', 'ledger.byRegime.later.vegetablePayments', 'ledger.byRegime.later.porkPayments',
  'ledger.byRegime.later.residentPayments', 'ledger.byRegime.later.subsidyPaid',
  'population.residents', 'population.households', 'population.buildings', 'population.compounds', 'population.rcStaff', 'population.doubleReporters', 'population.volunteers',
] as const;

/** The built-in daily metrics (columns of a time series). */
export const DAILY_METRICS: readonly string[] = dailyMetrics.map((m) => m.name);

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
 * The measures a selection names, in the canonical order: a selection entry is a measure
 * (`resilience.robustness`) or a group of them (`resilience`, `groups.others`).
 * Unknown names are returned in `unknown` so callers can report them.
 */
export function selectMeasures(selection: readonly string[] | undefined): { measures: string[]; unknown: string[] } {
  if (!selection) return { measures: [...SUMMARY_MEASURES], unknown: [] };
  const unknown = selection.filter((s) => !SUMMARY_MEASURES.some((m) => m === s || m.startsWith(`${s}.`)));
  const measures = SUMMARY_MEASURES.filter((m) => selection.some((s) => m === s || m.startsWith(`${s}.`)));
  return { measures, unknown };
}

/** The kept measures of one summary, flattened, in the order given. */
export function pickMeasures(summary: Summary, measures: readonly string[]): Record<string, MeasureValue> {
  const flat = flatten(summary);
  const out: Record<string, MeasureValue> = {};
  for (const m of measures) out[m] = flat[m] ?? null;
  return out;
}
