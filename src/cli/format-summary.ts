/**
 * The short table `crsim run` prints. Each block belongs to a module and is printed when that
 * module's measures are in the summary (resilience, provision, …); the measures of any other
 * module — one of the user's own, the epidemic — follow as plain `name value` lines, so the table
 * never assumes which model ran.
 */
import type { RunResult } from '../experiment/run.js';
import { flatten } from '../experiment/measures.js';
import { RESIDENT_GROUPS } from '../modules/community/index.js';
import type { Summary } from '../model/index.js';

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));

/** The summary keys the blocks below print; everything else is listed generically. */
const SHOWN = new Set(['resilience', 'groups', 'equityGap', 'prices', 'staff', 'deliveries', 'personal', 'selfOrganisation', 'population', 'ledger', 'satisfaction']);

function resilienceBlock(r: Summary['resilience']): string[] {
  return [
    'Resilience of Q(t), the share of households with basic needs met',
    `  Q0 (before the shock)         ${fmt(r.q0, 3)}`,
    `  robustness (lowest Q)         ${fmt(r.robustness, 3)}`,
    `  rapidity (days to recover)    ${r.rapidityDays === null ? 'not within the run' : r.rapidityDays}`,
    `  resilience loss ∫(Q0−Q)dt     ${fmt(r.lossNeedDays)} days`,
    `  normalised resilience         ${fmt(r.normalised, 3)}`,
    '',
  ];
}

export function formatSummary(result: RunResult, outDir: string, wallTimeMs: number): string {
  const s = result.summary as Partial<Summary> & Record<string, unknown>;
  const population = s.population ? `; ${s.population.residents} residents in ${s.population.households} households` : '';
  const lines = [
    `${result.scenario.name}`,
    `${result.dates[0]} → ${result.dates[result.dates.length - 1]} (${result.dates.length} days), seed ${result.masterSeed}, replicate ${result.replicate}${population}`,
    '',
  ];
  if (s.resilience) lines.push(...resilienceBlock(s.resilience));
  if (s.groups) {
    lines.push('Unmet basic need-days per resident');
    for (const g of RESIDENT_GROUPS) lines.push(`  ${g.padEnd(28)}  ${fmt(s.groups[g].unmetNeedDays).padStart(7)}   (${s.groups[g].residents} residents)`);
    lines.push('');
  }
  if (s.prices?.byRegime) {
    lines.push(
      `Mean price paid per basic package from the shock on   ¥${fmt(s.prices.meanPricePaid)}`,
      `  early regime: vegetable ¥${fmt(s.prices.byRegime.early.vegetable)}, pork ¥${fmt(s.prices.byRegime.early.pork)}`,
      `  later regime: vegetable ¥${fmt(s.prices.byRegime.later.vegetable)}, pork ¥${fmt(s.prices.byRegime.later.pork)}`,
    );
  }
  if (s.staff) lines.push(`Peak staff overload (hours demanded / available)      ${fmt(s.staff.peakOverload)}× on the worst day, ${s.staff.overloadedDays} days above 1`);
  if (s.deliveries) lines.push(`Deliveries: ${s.deliveries.made} made, peak backlog ${s.deliveries.peakPending}`);
  if (s.personal) lines.push(`Personal needs unmet: ${fmt(s.personal.unmetNeedDaysPerHousehold)} days per household${s.selfOrganisation ? `; ${s.selfOrganisation.compounds} compounds self-organised` : ''}`);
  const others = Object.entries(s).filter(([k]) => !SHOWN.has(k));
  if (others.length) {
    lines.push('');
    for (const [name, value] of Object.entries(flatten(Object.fromEntries(others)))) {
      lines.push(`${name.padEnd(52)} ${typeof value === 'number' ? (Number.isInteger(value) ? String(value) : fmt(value, 4)) : String(value)}`);
    }
  }
  lines.push('', `Wrote ${outDir} (manifest.json, timeseries.csv, summary.json) in ${wallTimeMs} ms`, '');
  return lines.join('\n');
}
