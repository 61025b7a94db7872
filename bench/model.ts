/**
 * Benchmark of the model (a script, not a test), printed as one table: for each model and size,
 * the build (population and world) in CPU seconds, the simulated days in CPU seconds, CPU
 * nanoseconds per resident-day, resident-days per CPU-second, peak RSS and bytes per resident.
 * Each row runs in a child process of its own, so peak RSS belongs to that row alone. CPU time
 * (process.cpuUsage) is given rather than wall time: on a shared machine it is the steadier figure.
 *
 * Two models:
 * - Q: the default scenario (paper 000's Q-community lockdown, lockdown-2020.yaml), 97 days;
 * - all: every built-in module at once (src/modules/index.ts) — the Q modules, the five societies,
 *   the epidemic, the normal-period institutions — from five-society.yaml, with the sections of
 *   modules it does not list taken from the shipped scenario that does; 120 days, from 30 days
 *   before the shock, with 0.1 % of residents infected on day 0.
 * Sizes: the default (≈ 6,400 residents; its row "warm" is the median of repeated runs in one
 * process after warm-up runs, as a sweep worker sees them), 100,000 and 1,000,000 residents; with
 * --10m also 10,000,000. Larger sizes scale compounds, and social workers, organisations and
 * money with them (merchants' supply is per resident already), so supply per household stays as
 * in the default.
 *
 *   npm run bench                       # Q and all at default, 100k, 1M
 *   npm run bench -- --10m              # and 10M
 *   npm run bench -- --model q 100000   # one model, chosen sizes
 *   npx tsx bench/model.ts --scenario all 1000000 > all-1m.json   # a row's scenario as JSON
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromEpochDay, toEpochDay } from '../src/engine/index.js';
import { runScenario } from '../src/experiment/run.js';
import { createSimulation } from '../src/model/index.js';
import { BUILTIN_MODULES } from '../src/modules/index.js';
import { DEFAULT_SCENARIO, loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';

type ModelName = 'q' | 'all';
const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the default's ≈ 6,400 residents in 6 compounds
const WARM_RUNS = 15;

/** Every built-in module on: five-society.yaml, plus the sections of modules it does not list. */
function everyModuleScenario(): { scenario: Scenario; donors: string[] } {
  const scenario = structuredClone(loadScenario(join(SCENARIOS_DIR, 'five-society/five-society.yaml')).scenario) as Scenario & Record<string, unknown>;
  const listed = new Set(scenario.modules ?? []);
  const shipped = readdirSync(SCENARIOS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  const donors: string[] = [];
  for (const [name, def] of BUILTIN_MODULES) {
    if (listed.has(name)) continue;
    const donor = shipped.map((f) => {
      try {
        return { file: f, s: loadScenario(join(SCENARIOS_DIR, f)).scenario as Scenario & Record<string, unknown> };
      } catch {
        return null; // a manifest or a case file, not a scenario
      }
    }).filter((d) => d?.s.modules?.includes(name))
      // A crisis scenario first (one that also runs the lockdown), as the rest of this model is one.
      .sort((a, b) => Number(b!.s.modules!.includes('lockdown')) - Number(a!.s.modules!.includes('lockdown')))[0];
    if (!donor) throw new Error(`no shipped scenario lists module "${name}", so the bench cannot parameterise it`);
    for (const section of Object.keys(def.params ?? {})) if (!(section in scenario)) scenario[section] = structuredClone(donor.s[section]);
    donors.push(`${name} from ${relative(SCENARIOS_DIR, join(SCENARIOS_DIR, donor.file))}`);
  }
  scenario.modules = [...BUILTIN_MODULES.keys()];
  return { scenario, donors };
}

function scenarioFor(model: ModelName, targetResidents: number): Scenario {
  const base = model === 'q' ? loadScenario(DEFAULT_SCENARIO).scenario : everyModuleScenario().scenario;
  const s = structuredClone(base) as Scenario & Record<string, any>;
  if (model === 'all') {
    // 120 days: a month of normal life, then 90 days from the shock.
    const shock = toEpochDay(s.timeline.roadClosure);
    s.calendar.start = fromEpochDay(shock - 30);
    s.calendar.end = fromEpochDay(shock + 89);
  }
  if (targetResidents > 0) {
    const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
    const f = compounds / base.community.compounds;
    s.community.compounds = compounds;
    // Merchants' restock and delivery staff are per resident (issue 11): they scale by themselves.
    if (s.socialWorkers) s.socialWorkers.posts = Math.round(s.socialWorkers.posts * f);
    if (s.socialOrganisations) for (const t of ['economic', 'cultural', 'associational']) s.socialOrganisations[t].count = Math.round(s.socialOrganisations[t].count * f);
    if (s.platform) s.platform.coordinatorHoursPerDay *= f;
    if (s.charity) {
      for (const c of Object.values(s.charity.channels) as { normalYuanPerMonth: number; crisisYuan: number }[]) { c.normalYuanPerMonth *= f; c.crisisYuan *= f; }
      s.charity.projectHoursPerMonth *= f;
      s.charity.linkingHoursPerDay *= f;
    }
  }
  return s;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

interface Row { model: ModelName; label: string; residents: number; days: number; buildCpu: number; stepsCpu: number; peakRssMiB: number }

/** One row, in this (child) process. */
function measure(model: ModelName, size: number, warm: boolean): Row {
  const scenario = scenarioFor(model, size);
  if (model === 'all') (scenario as any).epidemic.initialInfections = Math.max(1, Math.round((size || 6400) / 1000));
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
  const s = scenarioFor(argv[1] as ModelName, size);
  if (argv[1] === 'all') (s as any).epidemic.initialInfections = Math.max(1, Math.round((size || 6400) / 1000));
  console.log(JSON.stringify(s));
} else if (argv[0] === '--child') {
  console.log(JSON.stringify(measure(argv[1] as ModelName, Number(argv[2]), argv[3] === 'warm')));
} else {
  const pick = argv.includes('--model') ? [argv[argv.indexOf('--model') + 1] as ModelName] : (['q', 'all'] as ModelName[]);
  const given = argv.filter((a) => /^\d+$/.test(a)).map(Number);
  const sizes = given.length ? given : [0, 100_000, 1_000_000, ...(argv.includes('--10m') ? [10_000_000] : [])];
  if (pick.includes('all')) console.log(`model "all": ${[...BUILTIN_MODULES.keys()].length} modules; ${everyModuleScenario().donors.join('; ') || 'all listed in five-society.yaml'}`);
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
