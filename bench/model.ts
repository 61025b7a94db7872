/**
 * Benchmark of the model (a script, not a test), printed as one table: for each model and size,
 * the build (population and world) in CPU seconds, the simulated days in CPU seconds, CPU
 * nanoseconds per resident-day, resident-days per CPU-second, peak RSS and bytes per resident.
 * Each row runs in a child process of its own, so peak RSS belongs to that row alone. CPU time
 * (process.cpuUsage) is given rather than wall time: on a shared machine it is the steadier figure.
 *
 * Two models (bench/all-model.ts): Q, the default scenario, 97 days; and all, every built-in
 * module but satisfaction (which issueRouting's satisfaction.final excludes) in a combination
 * `crsim run` accepts, 120 days from 30 days before the shock, 0.1 % of residents infected on day 0.
 * Sizes: the default (≈ 6,400 residents; its row "warm" is the median of repeated runs in one
 * process after warm-up runs, as a sweep worker sees them), 100,000 and 1,000,000 residents; with
 * --10m also 10,000,000 (scaled as bench/all-model.ts says).
 *
 *   npm run bench                       # Q and all at default, 100k, 1M
 *   npm run bench -- --10m              # and 10M
 *   npm run bench -- --model q 100000   # one model, chosen sizes
 *   npx tsx bench/model.ts --scenario all 1000000 > all-1m.json   # a row's scenario as JSON
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/experiment/run.js';
import { createSimulation } from '../src/model/index.js';
import { everyModuleScenario, scenarioFor, type ModelName } from './all-model.js';

const WARM_RUNS = 15;

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

interface Row { model: ModelName; label: string; residents: number; days: number; buildCpu: number; stepsCpu: number; peakRssMiB: number }

/** One row, in this (child) process. */
function measure(model: ModelName, size: number, warm: boolean): Row {
  const scenario = scenarioFor(model, size);
  // As many runs as a sweep worker has done after its first second or so, so V8 has optimised the hot code.
  if (warm) for (let i = 0; i < 30; i++) runScenario(scenario, { replicate: i });
  const builds: number[] = [];
  const steps: number[] = [];
  let residents = 0;
  let days = 0;
  for (let i = 0; i < (warm ? WARM_RUNS : 1); i++) {
    let t = process.cpuUsage();
    const sim = createSimulation(scenario, `bench/${i}`);
    builds.push(cpuSeconds(t));
    t = process.cpuUsage();
    while (!sim.done) sim.step();
    steps.push(cpuSeconds(t));
    residents = (sim.world as any).residents.count;
    days = sim.calendar.days;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const label = size === 0 ? (warm ? 'default, warm' : 'default') : size.toLocaleString('en');
  return { model, label, residents, days, buildCpu: median(builds), stepsCpu: median(steps), peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

const argv = process.argv.slice(2);
if (argv[0] === '--scenario') {
  // The scenario a row runs, as JSON (for bench/ab-trees.ts --scenario): npm run bench -- --scenario all 1000000 > all-1m.json
  const size = Number(argv[2] ?? 0);
  console.log(JSON.stringify(scenarioFor(argv[1] as ModelName, size)));
} else if (argv[0] === '--child') {
  console.log(JSON.stringify(measure(argv[1] as ModelName, Number(argv[2]), argv[3] === 'warm')));
} else {
  const pick = argv.includes('--model') ? [argv[argv.indexOf('--model') + 1] as ModelName] : (['q', 'all'] as ModelName[]);
  const given = argv.filter((a) => /^\d+$/.test(a)).map(Number);
  const sizes = given.length ? given : [0, 100_000, 1_000_000, ...(argv.includes('--10m') ? [10_000_000] : [])];
  if (pick.includes('all')) {
    const { scenario, donors } = everyModuleScenario();
    console.log(`model "all": ${scenario.modules!.length} modules (${scenario.modules!.join(', ')}); ${donors.join('; ')}`);
  }
  console.log('model  size            residents  days  build CPU s  steps CPU s  ns/resident-day  resident-days/CPU-s  peak RSS MiB  bytes/resident');
  for (const model of pick) {
    for (const size of sizes) {
      for (const warm of size === 0 ? [false, true] : [false]) {
        const script = fileURLToPath(import.meta.url);
        const child = spawnSync(process.execPath, [...process.execArgv, script, '--child', model, String(size), warm ? 'warm' : 'cold'], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (child.status !== 0) throw new Error(child.stderr);
        const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as Row;
        const rd = r.residents * r.days;
        console.log(
          `${r.model.padEnd(5)}  ${r.label.padEnd(14)}  ${r.residents.toLocaleString('en').padStart(10)}  ${String(r.days).padStart(4)}  ${r.buildCpu.toFixed(3).padStart(11)}  ${r.stepsCpu.toFixed(3).padStart(11)}  ${((r.stepsCpu * 1e9) / rd).toFixed(1).padStart(15)}  ${Math.round(rd / r.stepsCpu).toLocaleString('en').padStart(19)}  ${r.peakRssMiB.toFixed(0).padStart(12)}  ${Math.round((r.peakRssMiB * 1048576) / r.residents).toLocaleString('en').padStart(14)}`,
        );
      }
    }
  }
}
