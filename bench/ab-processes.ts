/**
 * Interleaved A/B of single processes in one process (a script, not a test): like ab-trees.ts,
 * each source tree's model is loaded side by side and runs alternate, but what is timed is each
 * named process's step, per household, and what is printed is the spread of those step times
 * (10th, 25th, 50th, 75th, 90th percentile, ns per household). A step takes tens of microseconds
 * at the default size, so wall time (process.hrtime); percentiles, because on a shared machine
 * a step is now and then preempted. A process whose code both trees share is the control: its
 * figures should agree between the trees.
 *
 *   npx tsx bench/ab-processes.ts /tmp/before . --processes consumption,satisfaction,socialTies
 *   npx tsx bench/ab-processes.ts /tmp/before . --scenario q-1m.json --warmup 0 --rounds 2
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const rounds = option('--rounds', 20);
const warmup = option('--warmup', 30);
const VALUED = ['--rounds', '--warmup', '--scenario', '--processes'];
const roots = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
if (roots.length === 0) throw new Error('give one or more source trees to compare, e.g. /tmp/before .');
const names = argv.includes('--processes') ? argv[argv.indexOf('--processes') + 1].split(',') : ['consumption', 'satisfaction', 'socialTies'];
const given = argv.includes('--scenario') ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8')) : null;

interface Step { name: string; step: (world: unknown, ctx: unknown) => void }
interface Tree { root: string; run: (replicate: number, timed: boolean) => void; times: Map<string, number[]> }
const trees: Tree[] = [];
for (const root of roots) {
  const at = (file: string) => pathToFileURL(resolve(root, file)).href;
  const { createSimulation } = await import(at('src/model/index.ts'));
  const { loadScenario, DEFAULT_SCENARIO } = await import(at('src/scenario/load.ts'));
  const scenario = given ? structuredClone(given) : structuredClone(loadScenario(DEFAULT_SCENARIO).scenario);
  const times = new Map(names.map((n) => [n, [] as number[]]));
  const run = (replicate: number, timed: boolean) => {
    const sim = createSimulation(scenario, `bench/${replicate}`);
    // The processes are the modules' own objects, shared by every run: wrapped for this run only.
    const wrapped: [Step, Step['step']][] = [];
    if (timed) {
      for (const p of sim.processes as Step[]) {
        if (!names.includes(p.name)) continue;
        const step = p.step;
        const spent = times.get(p.name)!;
        wrapped.push([p, step]);
        p.step = (world, ctx) => {
          const t = process.hrtime.bigint();
          step.call(p, world, ctx);
          spent.push(Number(process.hrtime.bigint() - t) / (world as { households: { count: number } }).households.count);
        };
      }
    }
    try {
      sim.run();
    } finally {
      for (const [p, step] of wrapped) p.step = step;
    }
  };
  trees.push({ root, run, times });
}
for (let i = 0; i < warmup; i++) for (const t of trees) t.run(i, false);
for (let r = 0; r < rounds; r++) for (const t of r % 2 === 0 ? trees : [...trees].reverse()) t.run(1000 + r, true);

const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))];
console.log(`${given ? 'given scenario' : 'default scenario'}: ${rounds} interleaved rounds after ${warmup} warm-up runs; each step, ns per household`);
console.log('process'.padEnd(16), 'tree'.padEnd(24), ['p10', 'p25', 'median', 'p75', 'p90'].map((s) => s.padStart(8)).join(''));
for (const name of names) {
  for (const t of trees) {
    const xs = [...t.times.get(name)!].sort((a, b) => a - b);
    if (xs.length === 0) continue;
    console.log(name.padEnd(16), t.root.padEnd(24), [0.1, 0.25, 0.5, 0.75, 0.9].map((q) => at(xs, q).toFixed(2).padStart(8)).join(''));
  }
}
