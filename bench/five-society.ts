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
import { join } from 'node:path';
import { loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import { benchMain, measureRun, rowStart } from './harness.js';

const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the Q community's ≈ 6,400 residents in 6 compounds

function measure(targetResidents: number): void {
  const base = loadScenario(join(SCENARIOS_DIR, 'five-society/five-society.yaml')).scenario;
  const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
  const f = compounds / base.community.compounds;
  const s = structuredClone(base);
  s.calendar.end = '2020-04-22'; // 90 days from the shock (2020-01-24)
  s.community.compounds = compounds;
  s.socialWorkers.posts = Math.round(base.socialWorkers.posts * f);
  for (const t of ['economic', 'cultural', 'associational'] as const) s.socialOrganisations[t].count = Math.round(base.socialOrganisations[t].count * f);
  s.platform.coordinatorHoursPerDay = base.platform.coordinatorHoursPerDay * f;
  for (const c of Object.values(s.charity.channels)) { c.normalYuanPerMonth *= f; c.crisisYuan *= f; }
  s.charity.projectHoursPerMonth *= f;
  s.charity.linkingHoursPerDay *= f;
  measureRun(s);
}

benchMain(
  import.meta.url,
  [100_000],
  'five-society (all five on), normal year + 90-day crisis\nresidents  days  seconds  resident-days/s  peak RSS (MiB)',
  measure,
  rowStart,
);
