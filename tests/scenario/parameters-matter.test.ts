/**
 * Every parameter moves an output (issue 11): each value of the default scenario is changed in
 * turn, and a short run (2 compounds, seed 3) must then differ somewhere in timeseries.csv or
 * summary.json. A parameter that changes nothing is either wired, removed, or listed below with
 * the reason it is silent in this scenario — and a listed one that starts to matter must leave the
 * list, so the list cannot go stale.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { DEFAULT_SCENARIO, loadScenario } from '../../src/scenario/load.js';

/** Silent in the default scenario, and why. Issue 11 is to wire or remove the dead ones. */
const SILENT: Record<string, string> = {
  'residentsCommittee.householdsPerPost': 'conditional: read only when staffingBasis is households, and the default staffs per 10,000 residents (tests/model/staffing.test.ts moves it)',
  'residentsCommittee.gateDutyHoursPerCompound.withoutPropertyCompany': 'conditional: both compounds of the short run (seed 3) have a property company; it moves loss in the default community (tests/model/sizes.test.ts)',
  'budget.incomePerCapita.middle': 'conditional: a richer quintile\'s food budget already pays the dearest prices of the run (early regime ×1.5), so raising its income changes nothing; lowering it below them cuts its food (households/budget.ts)',
  'budget.incomePerCapita.upperMiddle': 'conditional: as budget.incomePerCapita.middle',
  'budget.incomePerCapita.highest': 'conditional: as budget.incomePerCapita.middle',
  'regimes.early.channels.wechatChain': 'conditional: the chain is run by mobilised party members, whom the early regime does not mobilise',
  'regimes.later.priceMarkup': 'conditional: read only under bargained pricing, and the later regime has fair prices',
  'regimes.later.rcCarriesToDoor': 'conditional: RC staff carry only what no party member, volunteer or supermarket delivery worker can, and in the later regime of the short run these carry every order the stock lets through, so the RC has nothing left to carry (it moved once, with other incomes: a knife-edge of the 2-compound run, not a dead parameter)',
};

const base = loadScenario(DEFAULT_SCENARIO, { 'community.compounds': 2 }).scenario as unknown as Record<string, unknown>;
const digest = (scenario: Record<string, unknown>) => {
  const r = runScenario(scenario as never, { seed: 3 });
  return createHash('sha256').update(timeseriesCsv(r) + summaryJson(r)).digest('hex');
};
const reference = digest(base);

const OTHER: Record<string, string> = { bargained: 'fairPrice', fairPrice: 'bargained', partner: 'all', all: 'partner', closedManagement: 'movementControl', movementControl: 'closedManagement', residents: 'households', households: 'residents' };
/** A different value of the same kind and within the usual bounds. */
function changed(value: unknown, key: string): unknown {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 3);
    return d.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') return OTHER[value];
  if (typeof value !== 'number') return undefined;
  if (key === 'min') return value > 0 ? value - 1 : value + 1;
  if (key === 'max') return value + 1;
  if (value === 0) return 1;
  if (value === 1) return 0.5;
  if (value > 0 && value < 1) return value < 0.5 ? value * 2 : value / 2;
  return Number.isInteger(value) ? Math.round(value * 1.5) : value * 1.5;
}

const leaves: [string[], unknown][] = [];
const walk = (v: unknown, path: string[]) => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  else leaves.push([path, v]);
};
for (const [k, v] of Object.entries(base)) if (!['name', 'description', 'seed', 'modules', 'calendar', 'events'].includes(k)) walk(v, [k]);

describe('every parameter of the default scenario moves an output', () => {
  it.each(leaves.filter(([p, v]) => changed(v, p[p.length - 1]) !== undefined).map(([p, v]) => [p.join('.'), v, p] as const))('%s', (dotted, value, path) => {
    const scenario = structuredClone(base);
    let node = scenario as Record<string, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
    const key = path[path.length - 1];
    node[key] = changed(value, key);
    // A range's min and max are one parameter: listed or not, by the range.
    const listed = SILENT[dotted] ?? SILENT[dotted.replace(/\.(min|max)$/, '')];
    const moved = digest(scenario) !== reference;
    if (listed) expect(moved, `${dotted} now moves an output: remove it from SILENT (${listed})`).toBe(false);
    else expect(moved, `${dotted}: ${JSON.stringify(value)} → ${JSON.stringify(node[key])} changes nothing; wire it, remove it, or list it in SILENT with the reason`).toBe(true);
  });

  it('lists only parameters that exist', () => {
    const paths = new Set(leaves.map(([p]) => p.join('.')));
    for (const listed of Object.keys(SILENT)) expect(paths.has(listed) || paths.has(`${listed}.min`), listed).toBe(true);
  });
});
