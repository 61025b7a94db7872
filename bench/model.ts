/**
 * Benchmark of the lockdown model (a script, not a test): resident-days per second and peak
 * memory for the default scenario scaled to each size. Each size runs in its own child process
 * so peak RSS belongs to that size alone.
 *
 *   npm run bench                      # 10,000 and 100,000 residents
 *   npm run bench -- 10000 1000000     # other sizes
 */
import { DEFAULT_SCENARIO, loadScenario } from '../src/scenario/load.js';
import { benchMain, measureRun, rowStart } from './harness.js';

const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the default's ≈ 6,400 residents in 6 compounds

function measure(targetResidents: number): void {
  const base = loadScenario(DEFAULT_SCENARIO).scenario;
  const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
  const factor = compounds / base.community.compounds;
  // Merchants scale with the community so supply per household stays as in the default.
  const scenario = structuredClone(base);
  scenario.community.compounds = compounds;
  scenario.merchants.partnerRestockPerDay = Math.round(base.merchants.partnerRestockPerDay * factor);
  scenario.merchants.otherRestockPerDay = Math.round(base.merchants.otherRestockPerDay * factor);
  measureRun(scenario);
}

benchMain(
  import.meta.url,
  [10_000, 100_000],
  'residents  days  seconds  resident-days/s  peak RSS (MiB)  bytes/resident (RSS)',
  measure,
  (r) => `${rowStart(r)}  ${Math.round((r.peakRssMiB * 1048576) / r.residents).toLocaleString('en').padStart(20)}`,
);
