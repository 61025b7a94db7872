/**
 * Benchmark of the epidemic's cost (a script, not a test; issue 14): the Q model with and without
 * the epidemic, resident-days per second, CPU time and peak memory for the default scenario scaled
 * to each size, and the ratio of CPU time. Each run has its own child process so peak RSS belongs
 * to it alone. `npm run bench` (bench/model.ts) is the one table of issue 16.
 *
 *   npm run bench:epidemic                      # 10,000 and 100,000 residents, epidemic off
 *   npm run bench:epidemic -- 10000 1000000     # other sizes
 *   npm run bench:epidemic -- --days 120 --epidemic 1000000
 *                                      # 120 days, with the epidemic (lockdown-with-epidemic.yaml,
 *                                      # 0.1 % of residents infected on day 0) and without
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromEpochDay, toEpochDay } from '../src/engine/index.js';
import { DEFAULT_SCENARIO, loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import { measureRun } from './harness.js';

const EPIDEMIC_SCENARIO = `${SCENARIOS_DIR}/q-community/lockdown-with-epidemic.yaml`;

const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the default's ≈ 6,400 residents in 6 compounds

function measure(targetResidents: number, runDays: number, epidemic: boolean): void {
  const base = loadScenario(epidemic ? EPIDEMIC_SCENARIO : DEFAULT_SCENARIO).scenario;
  const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
  const factor = compounds / base.community.compounds;
  // Merchants' restock is per resident (merchants module), so it scales with the community.
  const scenario = structuredClone(base);
  scenario.community.compounds = compounds;
  if (runDays > 0) scenario.calendar.end = fromEpochDay(toEpochDay(scenario.calendar.start) + runDays - 1);
  if (epidemic) {
    const s = scenario as typeof scenario & { epidemic: { initialInfections: number } };
    s.epidemic.initialInfections = Math.round(targetResidents / 1000);
  }
  measureRun(scenario, (result) => ({ attackRate: (result.summary as { epidemic?: { attackRate: number } }).epidemic?.attackRate }));
}

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : 0);
const days = option('--days');
if (flag('--child')) {
  measure(option('--child'), days, flag('--with-epidemic'));
} else {
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--days').map(Number).filter((n) => n > 0);
  const variants = flag('--epidemic') ? [false, true] : [false];
  console.log('residents  days  epidemic  seconds  CPU s  resident-days/s  peak RSS (MiB)  bytes/resident (RSS)  attack rate');
  for (const size of sizes.length ? sizes : [10_000, 100_000]) {
    const cpu: number[] = [];
    for (const epidemic of variants) {
      const args = [fileURLToPath(import.meta.url), '--child', String(size), '--days', String(days), ...(epidemic ? ['--with-epidemic'] : [])];
      const child = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
      cpu.push(r.cpuSeconds);
      console.log(
        `${String(r.residents).padStart(9)}  ${String(r.days).padStart(4)}  ${(epidemic ? 'on' : 'off').padStart(8)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.cpuSeconds.toFixed(1).padStart(5)}  ${Math.round(r.residentDaysPerSecond).toLocaleString('en').padStart(15)}  ${r.peakRssMiB.toFixed(0).padStart(14)}  ${Math.round((r.peakRssMiB * 1048576) / r.residents).toLocaleString('en').padStart(20)}  ${r.attackRate === undefined ? '' : r.attackRate.toFixed(3)}`,
      );
    }
    // Issue 14: the epidemic should cost at most twice the run without it.
    if (cpu.length === 2) console.log(`${String(size).padStart(9)}  epidemic on / off: ${(cpu[1] / cpu[0]).toFixed(2)}× CPU time`);
  }
}
