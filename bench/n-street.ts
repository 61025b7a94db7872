/**
 * Benchmark of the multi-year runs (a script, not a test): N street's reform carried into the
 * 2020 lockdown (scenarios/n-street/lockdown-after-reform.yaml: mutual-aid stations, issue
 * routing, and the grid in the crisis), H2 2012 to March 2020, daily steps, scaled to a number
 * of residents by the number of compounds (the full street: 48 compounds, ≈ 100,000 residents).
 * Prints one line per size: residents, days, seconds, resident-days per second, peak RSS. Each
 * size runs in its own child process, on one core.
 *
 *   npm run bench:n-street                 # the full street
 *   npm run bench:n-street -- 25000 100000
 */
import { join } from 'node:path';
import { loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import { benchMain, measureRun, rowStart } from './harness.js';

const RESIDENTS_PER_COMPOUND_ESTIMATE = 2080; // ≈ 100,000 residents in 48 compounds

function measure(targetResidents: number): void {
  const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
  const s = loadScenario(join(SCENARIOS_DIR, 'n-street/lockdown-after-reform.yaml'), { 'community.compounds': compounds }).scenario;
  measureRun(s);
}

benchMain(
  import.meta.url,
  [100_000],
  'N street 2012–2020 (reform, then the lockdown on the grid), daily\nresidents  days  seconds  resident-days/s  peak RSS (MiB)',
  measure,
  rowStart,
);
