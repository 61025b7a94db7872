/** The short table `crsim run` prints: resilience measures, unmet need per group, price, overload. */
import type { RunResult } from '../experiment/run.js';
import { RESIDENT_GROUPS } from '../modules/community/index.js';

const fmt = (x: number | null, digits = 2) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));

export function formatSummary(result: RunResult, outDir: string, wallTimeMs: number): string {
  const s = result.summary;
  const r = s.resilience;
  const lines = [
    `${result.scenario.name}`,
    `${result.dates[0]} → ${result.dates[result.dates.length - 1]} (${result.dates.length} days), seed ${result.masterSeed}, replicate ${result.replicate}; ${s.population.residents} residents in ${s.population.households} households`,
    '',
    'Resilience of Q(t), the share of households with basic needs met',
    `  Q0 (before the shock)         ${fmt(r.q0, 3)}`,
    `  robustness (lowest Q)         ${fmt(r.robustness, 3)}`,
    `  rapidity (days to recover)    ${r.rapidityDays === null ? 'not within the run' : r.rapidityDays}`,
    `  resilience loss ∫(Q0−Q)dt     ${fmt(r.lossNeedDays)} days`,
    `  normalised resilience         ${fmt(r.normalised, 3)}`,
    '',
    'Unmet basic need-days per resident',
    ...RESIDENT_GROUPS.map((g) => `  ${g.padEnd(28)}  ${fmt(s.groups[g].unmetNeedDays).padStart(7)}   (${s.groups[g].residents} residents)`),
    '',
    `Mean price paid per basic package from the shock on   ¥${fmt(s.prices.meanPricePaid)}`,
    `  early regime: vegetable ¥${fmt(s.prices.byRegime.early.vegetable)}, pork ¥${fmt(s.prices.byRegime.early.pork)}`,
    `  later regime: vegetable ¥${fmt(s.prices.byRegime.later.vegetable)}, pork ¥${fmt(s.prices.byRegime.later.pork)}`,
    `Peak staff overload (hours demanded / available)      ${fmt(s.staff.peakOverload)}× on the worst day, ${s.staff.overloadedDays} days above 1`,
    `Deliveries: ${s.deliveries.made} made, peak backlog ${s.deliveries.peakPending}`,
    `Personal needs unmet: ${fmt(s.personal.unmetNeedDaysPerHousehold)} days per household; ${s.selfOrganisation.compounds} compounds self-organised`,
    '',
    `Wrote ${outDir} (manifest.json, timeseries.csv, summary.json) in ${wallTimeMs} ms`,
    '',
  ];
  return lines.join('\n');
}
