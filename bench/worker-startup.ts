/**
 * What a sweep worker pays once before its runs reach their warm speed: importing the worker
 * script and compiling the model on the first runs. Each round is a fresh Node process (as a
 * worker thread is a fresh isolate) that imports the worker script, times the import, runs
 * one task of bench/sweep-bench.yaml many times, and reports in CPU time (process.cpuUsage):
 *   import            the worker script and everything it loads;
 *   first run         the first task, which compiles the model's code;
 *   warm run          the median of the last runs;
 *   start-up          import + the excess of the first 10 runs over 10 warm runs.
 * Rounds are interleaved between the scripts given (default: the compiled worker, and the worker
 * that loads the bundled task runner through V8's code cache — once with the cache already
 * written, as every worker after a machine's first sweep finds it, and once with an empty cache
 * folder, as the first sweep does), and medians printed.
 *
 * `--v8 "<flags>"` (repeatable) adds, for each script, a variant run with those V8 flags on
 * Node's command line (e.g. `--v8 "--no-use-osr"`), to try flags a worker could set before the
 * model loads.
 *
 *   npm run build && npx tsx bench/worker-startup.ts [rounds] [worker script …] [--v8 "<flags>" …]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadExperiment } from '../src/experiment/load.js';
import { plannedTasks, WORKER_CACHED, WORKER_SCRIPT } from '../src/experiment/sweep.js';

const argv = process.argv.slice(2);
const flagSets = [[] as string[], ...argv.filter((a, i) => argv[i - 1] === '--v8').map((f) => f.split(' ').filter(Boolean))];
const args = argv.filter((a, i) => a !== '--v8' && argv[i - 1] !== '--v8');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
/** A worker script, whether its code cache starts empty (a fresh CRSIM_CODE_CACHE folder each round), and V8 flags. */
const scriptEntries = args.filter((a) => !/^\d+$/.test(a)).map((a) => ({ script: resolve(a), cold: false }));
if (!scriptEntries.length) scriptEntries.push({ script: WORKER_SCRIPT, cold: false }, { script: WORKER_CACHED, cold: false }, { script: WORKER_CACHED, cold: true });
const entries = scriptEntries.flatMap((e) => flagSets.map((flags) => ({ ...e, flags })));
const scripts = entries.map((e) => e.script);

const experiment = loadExperiment(resolve(import.meta.dirname, 'sweep-bench.yaml'));
const taskFile = join(tmpdir(), `crsim-worker-startup-${process.pid}.json`);
writeFileSync(taskFile, JSON.stringify(plannedTasks(experiment)[0]));

const RUNS = 40;
const probe = (script: string) => `
import { readFileSync } from 'node:fs';
const task = JSON.parse(readFileSync(${JSON.stringify(taskFile)}, 'utf8'));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const run = (await import(${JSON.stringify(pathToFileURL(script).href)})).default;
const importMs = cpu() - t;
const runs = [];
for (let i = 0; i < ${RUNS}; i++) { t = cpu(); await run(task); runs.push(cpu() - t); }
console.log(JSON.stringify({ importMs, runs }));`;

// Write the code cache of every script once before the rounds (a run that is not timed). V8
// refuses a cache made under other flags, so a variant with flags rewrites it: each variant
// keeps a cache folder of its own.
const cacheDirs = flagSets.map((flags, i) => (i === 0 ? undefined : mkdtempSync(join(tmpdir(), 'crsim-flags-cache-'))));
for (const [f, flags] of flagSets.entries()) for (const script of new Set(scripts)) {
  const once = `import { readFileSync } from 'node:fs';
await (await import(${JSON.stringify(pathToFileURL(script).href)})).default(JSON.parse(readFileSync(${JSON.stringify(taskFile)}, 'utf8')));`;
  const env = cacheDirs[f] ? { ...process.env, CRSIM_CODE_CACHE: cacheDirs[f] } : process.env;
  const child = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', once], { encoding: 'utf8', env });
  if (child.status !== 0) throw new Error(child.stderr);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = entries.map(() => ({ importMs: [] as number[], first: [] as number[], warm: [] as number[], startup: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  entries.forEach(({ script, cold, flags }, i) => {
    const cacheDir = cold ? mkdtempSync(join(tmpdir(), 'crsim-cold-cache-')) : undefined;
    const flagCache = cacheDirs[flagSets.indexOf(flags)];
    const env = cacheDir ? { ...process.env, CRSIM_CODE_CACHE: cacheDir } : flagCache ? { ...process.env, CRSIM_CODE_CACHE: flagCache } : process.env;
    const child = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', probe(script)], { encoding: 'utf8', env });
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    if (child.status !== 0) throw new Error(child.stderr);
    const { importMs, runs } = JSON.parse(child.stdout) as { importMs: number; runs: number[] };
    const warm = median(runs.slice(-10));
    const excess = runs.slice(0, 10).reduce((s, x) => s + x - warm, 0);
    results[i].importMs.push(importMs);
    results[i].first.push(runs[0]);
    results[i].warm.push(warm);
    results[i].startup.push(importMs + excess);
  });
}
console.log(`worker start-up, CPU ms, median of ${rounds} fresh processes (${experiment.spec.name}, one task; node ${process.version})`);
console.log('worker script                                     import  first run  warm run  start-up');
for (const dir of cacheDirs) if (dir) rmSync(dir, { recursive: true, force: true });
entries.forEach(({ script, cold, flags }, i) => {
  const r = results[i];
  console.log(`${(script.replace(resolve(import.meta.dirname, '..') + '/', '') + (cold ? ' (empty cache)' : '') + (flags.length ? ` ${flags.join(' ')}` : '')).padEnd(48)} ${median(r.importMs).toFixed(0).padStart(6)}  ${median(r.first).toFixed(0).padStart(9)}  ${median(r.warm).toFixed(1).padStart(8)}  ${median(r.startup).toFixed(0).padStart(8)}`);
});
