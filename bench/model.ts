/**
 * Benchmark of the lockdown model (a script, not a test): resident-days per second and peak
 * memory for the default scenario scaled to each size. Each size runs in its own child process
 * so peak RSS belongs to that size alone.
 *
 *   npm run bench                      # 10,000 and 100,000 residents
 *   npm run bench -- 10000 1000000     # other sizes
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/experiment/run.js';
import { DEFAULT_SCENARIO, loadScenario } from '../src/scenario/load.js';

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
  const started = performance.now();
  const result = runScenario(scenario);
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
  console.log('residents  days  seconds  resident-days/s  peak RSS (MiB)  bytes/resident (RSS)');
  for (const size of sizes.length ? sizes : [10_000, 100_000]) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(
      `${String(r.residents).padStart(9)}  ${String(r.days).padStart(4)}  ${r.seconds.toFixed(2).padStart(7)}  ${Math.round(r.residentDaysPerSecond).toLocaleString('en').padStart(15)}  ${r.peakRssMiB.toFixed(0).padStart(14)}  ${Math.round((r.peakRssMiB * 1048576) / r.residents).toLocaleString('en').padStart(20)}`,
    );
  }
}
