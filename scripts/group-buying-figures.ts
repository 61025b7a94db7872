/**
 * The figures of docs/ODD.md section 8 on group buying (issue 14): outings (all, and under
 * movement control), infections (all, under movement control, on outings, at pick-ups, at the
 * door) and group-buy households, as means over seeds, for a scenario with overrides.
 *
 *   npx tsx scripts/group-buying-figures.ts scenarios/q-community/lockdown-with-epidemic.yaml '{"groupBuying.from":"movementControl"}' 1,2,3,4,5,6
 */
import { runScenario } from '../src/experiment/run.js';
import { loadScenario } from '../src/scenario/load.js';

const [file, overrides = '{}', seedList = '1,2,3,4,5,6'] = process.argv.slice(2);
if (!file) throw new Error('usage: group-buying-figures.ts SCENARIO [OVERRIDES-JSON] [SEEDS]');
const over = JSON.parse(overrides) as Record<string, unknown>;
const seeds = seedList.split(',').map(Number);
const figures: Record<string, number[]> = {};
const put = (k: string, v: number) => (figures[k] ??= []).push(v);
const scenario = loadScenario(file, over).scenario;
for (const seed of seeds) {
  const r = runScenario(scenario, { seed });
  const outings = r.series.outingPurchases;
  const infected = r.series.newInfections;
  let all = 0;
  let underMovementControl = 0;
  let infectedUnderMovementControl = 0;
  for (let t = 0; t < outings.length; t++) {
    all += outings[t];
    if (r.phases[t] !== 'movementControl') continue;
    underMovementControl += outings[t];
    infectedUnderMovementControl += infected[t];
  }
  const e = r.summary.epidemic as { infections: number; infectionsByLayer: Record<string, number> };
  put('outings', all);
  put('outingsUnderMovementControl', underMovementControl);
  put('infections', e.infections);
  put('infectionsUnderMovementControl', infectedUnderMovementControl);
  for (const layer of ['community', 'pickup', 'door']) put(`infections.${layer}`, e.infectionsByLayer[layer]);
  put('groupBuyHouseholds', (r.summary.selfOrganisation as { groupBuys: number }).groupBuys);
}
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
console.log(`${file} ${JSON.stringify(over)} seeds ${seeds.join(',')}`);
for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(32)} ${mean(v).toFixed(1).padStart(9)}   (${v.join(', ')})`);
