/**
 * Where the time goes, process by process, in two or more source trees interleaved in one process
 * (a script, not a test): bench/processes.ts's split and bench/ab-trees.ts's alternation together,
 * so that a change to one process is measured against the tree before it under the same load —
 * on a shared machine, separate runs of processes.ts differ by more than most changes.
 *
 * Each round runs one simulation per tree (which tree goes first alternates) with every process's
 * step timed in CPU time (process.cpuUsage, user + system: on a machine shared by many jobs, wall
 * time counts the others' time slices), and the figure per process is its median over the rounds
 * of ns per resident-day. The timing's own cost falls in the engine's remainder.
 *
 *   npx tsx bench/processes-ab.ts --rounds 20 --warmup 20 /tmp/before .
 *   npx tsx bench/processes-ab.ts --scenario q-1m.json --rounds 3 --warmup 0 /tmp/before .
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const rounds = option('--rounds', 10);
const warmup = option('--warmup', 10);
const VALUED = ['--rounds', '--warmup', '--scenario'];
const roots = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
if (roots.length === 0) throw new Error('give one or more source trees to compare, e.g. /tmp/before .');
const given = argv.includes('--scenario') ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8')) : null;

interface Tree { root: string; run: (replicate: number, timed: boolean) => Map<string, number>; samples: Map<string, number[]> }
const ENGINE = '(engine: metrics, day loop, timing)';
const ALL = '(all)';
const trees: Tree[] = [];
for (const root of roots) {
  const at = (file: string) => pathToFileURL(resolve(root, file)).href;
  const { createSimulation } = await import(at('src/model/index.ts'));
  const { loadScenario, DEFAULT_SCENARIO } = await import(at('src/scenario/load.ts'));
  const scenario = given ? structuredClone(given) : structuredClone(loadScenario(DEFAULT_SCENARIO).scenario);
  const run = (replicate: number, timed: boolean) => {
    const sim = createSimulation(scenario, `bench/${replicate}`);
    const spent = new Map<string, number>();
    const cpu = (since?: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) * 1000; };
    // The processes are the modules' own objects, shared by every run: wrapped for this run only.
    const originals = sim.processes.map((p: any) => p.step);
    if (timed) for (const p of sim.processes) {
      const step = p.step.bind(p);
      const key = p.name;
      p.step = (world: unknown, ctx: unknown) => {
        const t = process.cpuUsage();
        step(world, ctx);
        spent.set(key, (spent.get(key) ?? 0) + cpu(t));
      };
    }
    const t = process.cpuUsage();
    while (!sim.done) sim.step();
    const total = cpu(t);
    sim.processes.forEach((p: any, i: number) => (p.step = originals[i]));
    const residentDays = sim.world.residents.count * sim.day;
    const out = new Map<string, number>();
    let inProcesses = 0;
    for (const [k, v] of spent) { out.set(k, v / residentDays); inProcesses += v; }
    out.set(ENGINE, (total - inProcesses) / residentDays);
    out.set(ALL, total / residentDays);
    return out;
  };
  trees.push({ root, run, samples: new Map() });
}
for (let i = 0; i < warmup; i++) for (const t of trees) t.run(i, false);
for (let r = 0; r < rounds; r++) {
  for (const t of r % 2 === 0 ? trees : [...trees].reverse()) {
    for (const [k, v] of t.run(1000 + r, true)) {
      if (!t.samples.has(k)) t.samples.set(k, []);
      t.samples.get(k)!.push(v);
    }
  }
}
const median = (xs: number[] = []) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
console.log(`${given ? 'given scenario' : 'default scenario'}: ${rounds} interleaved rounds after ${warmup} warm-up runs, CPU ns per resident-day, median of rounds`);
const names = [...trees[0].samples.keys()].sort((a, b) => median(trees[0].samples.get(b)) - median(trees[0].samples.get(a)));
console.log('process'.padEnd(36), ...trees.map((t) => t.root.slice(-14).padStart(14)));
for (const name of names) console.log(name.padEnd(36), ...trees.map((t) => median(t.samples.get(name)).toFixed(2).padStart(14)));
