/**
 * Where the time goes, process by process, in two or more source trees interleaved in one process
 * (a script, not a test): bench/processes.ts's split and bench/ab-trees.ts's alternation together,
 * so that a change to one process is measured against the tree before it under the same load —
 * on a shared machine, separate runs of processes.ts differ by more than most changes. Which tree
 * runs first alternates from round to round. A process whose code both trees share is the
 * control: its figures should agree between the trees.
 *
 * Two views:
 * - by default, every process's CPU time over a run (process.cpuUsage, user + system: on a
 *   machine shared by many jobs, wall time counts the others' time slices) as ns per resident-day,
 *   the median of the rounds; the timing's own cost falls in the engine's remainder;
 * - with `--steps a,b,c`, each single step of the named processes as ns per household, with the
 *   spread of those steps (10th … 90th percentile). A step takes tens of microseconds at the
 *   default size, too short for CPU time, so wall time (process.hrtime); percentiles, because on
 *   a shared machine a step is now and then preempted.
 *
 *   npx tsx bench/ab-processes.ts --rounds 20 --warmup 20 /tmp/before .
 *   npx tsx bench/ab-processes.ts --scenario q-1m.json --rounds 3 --warmup 0 /tmp/before .
 *   npx tsx bench/ab-processes.ts --steps consumption,satisfaction,socialTies /tmp/before .
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const VALUED = ['--rounds', '--warmup', '--scenario', '--steps'];
const roots = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
if (roots.length === 0) throw new Error('give one or more source trees to compare, e.g. /tmp/before .');
const steps = argv.includes('--steps') ? argv[argv.indexOf('--steps') + 1].split(',') : null;
const rounds = option('--rounds', steps ? 20 : 10);
const warmup = option('--warmup', steps ? 30 : 10);
const given = argv.includes('--scenario') ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8')) : null;

type StepFn = (world: any, ctx: unknown) => void;
interface Process { name: string; step: StepFn }
/** What one run of a tree measured: per process name, the figures to pool over rounds. */
type Sample = Map<string, number[]>;
interface Tree { root: string; run: (replicate: number, timed: boolean) => Sample; samples: Sample }

const ENGINE = '(engine: metrics, day loop, timing)';
const ALL = '(all)';
const cpuNs = (since?: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) * 1000; };

/** Wraps the steps to time (the modules' own objects, shared by every run: for this run only). */
function timeSteps(processes: Process[], time: (p: Process, step: StepFn) => StepFn | undefined): () => void {
  const originals = processes.map((p) => p.step);
  for (const p of processes) {
    const timed = time(p, p.step.bind(p));
    if (timed) p.step = timed;
  }
  return () => processes.forEach((p, i) => (p.step = originals[i]));
}

const trees: Tree[] = [];
for (const root of roots) {
  const at = (file: string) => pathToFileURL(resolve(root, file)).href;
  const { createSimulation } = await import(at('src/model/index.ts'));
  const { loadScenario, DEFAULT_SCENARIO } = await import(at('src/scenario/load.ts'));
  const scenario = given ? structuredClone(given) : structuredClone(loadScenario(DEFAULT_SCENARIO).scenario);
  const run = (replicate: number, timed: boolean): Sample => {
    const sim = createSimulation(scenario, `bench/${replicate}`);
    const out: Sample = new Map();
    const add = (k: string, v: number) => { if (!out.has(k)) out.set(k, []); out.get(k)!.push(v); };
    if (!timed) { sim.run(); return out; }
    if (steps) {
      // Each step of the named processes, wall ns per household.
      const restore = timeSteps(sim.processes, (p, step) => (!steps.includes(p.name) ? undefined : (world, ctx) => {
        const t = process.hrtime.bigint();
        step(world, ctx);
        add(p.name, Number(process.hrtime.bigint() - t) / world.households.count);
      }));
      try { sim.run(); } finally { restore(); }
      return out;
    }
    // Every process's CPU time over the run, ns per resident-day.
    const spent = new Map<string, number>();
    const restore = timeSteps(sim.processes, (p, step) => (world, ctx) => {
      const t = process.cpuUsage();
      step(world, ctx);
      spent.set(p.name, (spent.get(p.name) ?? 0) + cpuNs(t));
    });
    const t = process.cpuUsage();
    try { sim.run(); } finally { restore(); }
    const total = cpuNs(t);
    const residentDays = sim.world.residents.count * sim.day;
    let inProcesses = 0;
    for (const [k, v] of spent) { add(k, v / residentDays); inProcesses += v; }
    add(ENGINE, (total - inProcesses) / residentDays);
    add(ALL, total / residentDays);
    return out;
  };
  trees.push({ root, run, samples: new Map() });
}

for (let i = 0; i < warmup; i++) for (const t of trees) t.run(i, false);
for (let r = 0; r < rounds; r++) {
  for (const t of r % 2 === 0 ? trees : [...trees].reverse()) {
    for (const [k, vs] of t.run(1000 + r, true)) {
      if (!t.samples.has(k)) t.samples.set(k, []);
      t.samples.get(k)!.push(...vs);
    }
  }
}

const sorted = (xs: number[] = []) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] : NaN);
const what = `${given ? 'given scenario' : 'default scenario'}: ${rounds} interleaved rounds after ${warmup} warm-up runs`;
if (steps) {
  console.log(`${what}; each step, wall ns per household`);
  console.log('process'.padEnd(16), 'tree'.padEnd(24), ['p10', 'p25', 'median', 'p75', 'p90'].map((s) => s.padStart(8)).join(''));
  for (const name of steps) {
    for (const t of trees) {
      const xs = sorted(t.samples.get(name));
      if (xs.length === 0) continue;
      console.log(name.padEnd(16), t.root.padEnd(24), [0.1, 0.25, 0.5, 0.75, 0.9].map((q) => quantile(xs, q).toFixed(2).padStart(8)).join(''));
    }
  }
} else {
  console.log(`${what}, CPU ns per resident-day, median of rounds`);
  const median = (name: string, t: Tree) => quantile(sorted(t.samples.get(name)), 0.5);
  const names = [...trees[0].samples.keys()].sort((a, b) => median(b, trees[0]) - median(a, trees[0]));
  console.log('process'.padEnd(36), ...trees.map((t) => t.root.slice(-14).padStart(14)));
  for (const name of names) console.log(name.padEnd(36), ...trees.map((t) => median(name, t).toFixed(2).padStart(14)));
}
