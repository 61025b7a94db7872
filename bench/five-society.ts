/**
 * Benchmark of the five-society model (a script, not a test): five-society.yaml — a normal year,
 * then the lockdown, with the crisis window stretched to 90 days — scaled to a number of
 * residents, with merchants, social workers, social organisations and money scaled with the
 * community. Prints one line per size: residents, days, seconds, resident-days per second, peak
 * RSS. Each size runs in its own child process.
 *
 *   npm run bench:five-society                 # 100,000 residents
 *   npm run bench:five-society -- 10000 100000
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/experiment/run.js';
import { loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';

const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the Q community's ≈ 6,400 residents in 6 compounds

function measure(targetResidents: number): void {
  const base = loadScenario(join(SCENARIOS_DIR, 'five-society/five-society.yaml')).scenario;
  const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
  const f = compounds / base.community.compounds;
  const s = structuredClone(base);
  s.calendar.end = '2020-04-22'; // 90 days from the shock (2020-01-24)
  s.community.compounds = compounds;
  s.merchants.partnerRestockPerDay = Math.round(base.merchants.partnerRestockPerDay * f);
  s.merchants.otherRestockPerDay = Math.round(base.merchants.otherRestockPerDay * f);
  s.socialWorkers.posts = Math.round(base.socialWorkers.posts * f);
  for (const t of ['economic', 'cultural', 'associational'] as const) s.socialOrganisations[t].count = Math.round(base.socialOrganisations[t].count * f);
  s.platform.coordinatorHoursPerDay = base.platform.coordinatorHoursPerDay * f;
  for (const c of Object.values(s.charity.channels)) { c.normalYuanPerMonth *= f; c.crisisYuan *= f; }
  s.charity.projectHoursPerMonth *= f;
  s.charity.linkingHoursPerDay *= f;
  const started = performance.now();
  const result = runScenario(s);
  const seconds = (performance.now() - started) / 1000;
  const residents = result.summary.population.residents;
  const days = result.dates.length;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ residents, days, seconds, residentDaysPerSecond: (residents * days) / seconds, peakRssMiB }));
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--child') {
  measure(Number(arg));
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log('five-society (all five on), normal year + 90-day crisis');
  console.log('residents  days  seconds  resident-days/s  peak RSS (MiB)');
  for (const size of sizes.length ? sizes : [100_000]) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(`${String(r.residents).padStart(9)}  ${String(r.days).padStart(4)}  ${r.seconds.toFixed(2).padStart(7)}  ${Math.round(r.residentDaysPerSecond).toLocaleString('en').padStart(15)}  ${r.peakRssMiB.toFixed(0).padStart(14)}`);
  }
}
