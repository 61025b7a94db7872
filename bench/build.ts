/**
 * The world's build split by module (a script, not a test): the CPU milliseconds of each
 * module's `populate` and `init`, and of the rest of createSimulation (assembly, calendar,
 * the tables no module allocates, the Simulation). Each module is wrapped in a timed copy of
 * itself, given as a module of the caller's own under the same name, so the model built is the
 * scenario's own (same modules, same order, same draws). Each size is built in a fresh child
 * process, --runs times (median per module; first build included).
 *
 *   npx tsx bench/build.ts                          # all at 1M, 3 fresh processes
 *   npx tsx bench/build.ts --model q --runs 5 100000 1000000
 *   npx tsx bench/build.ts --scenario all-1m.json   # a scenario file (bench/model.ts --scenario)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleDef } from '../src/engine/index.js';
import { createSimulation, resolveModules } from '../src/model/index.js';
import { Q_COMMUNITY } from '../src/modules/index.js';
import type { Scenario } from '../src/scenario/schema.js';
import { scenarioFor, type ModelName } from './all-model.js';
import { checkArgs } from './args.js';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e3;
};

/** One build in this (child) process: CPU ms by module step, and the total. */
function measure(scenario: Scenario): { parts: Record<string, number>; total: number; residents: number } {
  const parts: Record<string, number> = {};
  const timed = (label: string, f: (...a: any[]) => any) => (...a: any[]) => {
    const t = process.cpuUsage();
    const r = f(...a);
    parts[label] = (parts[label] ?? 0) + cpuMs(t);
    return r;
  };
  const defs = resolveModules(scenario.modules ?? Q_COMMUNITY).map((d): ModuleDef<any> => ({
    ...d,
    ...(d.populate ? { populate: timed(`${d.name}.populate`, d.populate.bind(d)) } : {}),
    ...(d.init ? { init: timed(`${d.name}.init`, d.init.bind(d)) } : {}),
  }));
  const t = process.cpuUsage();
  const sim = createSimulation(scenario, 'bench/build', { modules: defs });
  const total = cpuMs(t);
  return { parts, total, residents: (sim.world as any).residents.count };
}

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
if (argv[0] !== '--child') {
  checkArgs(import.meta.url, argv, ['--runs', '--model', '--scenario'], []);
  if (argv.includes('--scenario') && argv.includes('--model')) {
    console.error('--model and --scenario together: a scenario file fixes its own modules; give one or the other');
    process.exit(2);
  }
}
if (argv[0] === '--child') {
  const scenario = JSON.parse(readFileSync(argv[1], 'utf8')) as Scenario;
  console.log(JSON.stringify(measure(scenario)));
} else {
  const runs = Number(arg('--runs', '3'));
  const files: { label: string; file: string }[] = [];
  let dir: string | undefined; // the scenario files written for --model, removed at the end
  if (argv.includes('--scenario')) files.push({ label: arg('--scenario', ''), file: arg('--scenario', '') });
  else {
    const model = arg('--model', 'all') as ModelName;
    const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs').map(Number);
    dir = mkdtempSync(join(tmpdir(), 'build-bench-'));
    for (const size of sizes.length ? sizes : [1_000_000]) {
      const file = join(dir, `${model}-${size}.json`);
      writeFileSync(file, JSON.stringify(scenarioFor(model, size)));
      files.push({ label: `${model} ${size.toLocaleString('en')}`, file });
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b), h = s.length >> 1;
    return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
  };
  try {
    for (const { label, file } of files) {
      const results: ReturnType<typeof measure>[] = [];
      for (let i = 0; i < runs; i++) {
        const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (child.status !== 0) throw new Error(child.stderr);
        results.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
      }
      const names = Object.keys(results[0].parts);
      console.log(`${label}: ${results[0].residents.toLocaleString('en')} residents; build CPU ms, median of ${runs} fresh processes (each run's figures in brackets)`);
      const row = (name: string, xs: number[]) => console.log(`  ${name.padEnd(36)} ${median(xs).toFixed(1).padStart(9)}   [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
      for (const n of names) row(n, results.map((r) => r.parts[n]));
      row('rest (assembly, tables, simulation)', results.map((r) => r.total - names.reduce((s, n) => s + r.parts[n], 0)));
      row('total', results.map((r) => r.total));
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
