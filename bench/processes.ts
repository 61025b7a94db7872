/**
 * Where a run's time goes, process by process (a script, not a test): runs a scenario with every
 * process's step timed, and prints each process's share as nanoseconds per resident-day, sorted,
 * with the engine's own time (recording metrics, the day loop) as the remainder. Wall time per
 * step (process.hrtime): a step is too short for CPU time, so measure on a quiet machine, or
 * compare two trees under the same load with bench/ab-trees.ts.
 *
 *   npx tsx bench/processes.ts                                  # default scenario, 30 warm-up runs
 *   npx tsx bench/model.ts --scenario q 1000000 > q-1m.json && npx tsx bench/processes.ts --scenario q-1m.json --warmup 0
 *   npx tsx bench/processes.ts --scenario all-1m.json --warmup 0 --runs 1
 *   npx tsx bench/processes.ts --metrics                        # also each metric sampler's share of the remainder
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../src/model/index.js';
import { DEFAULT_SCENARIO, loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const scenario: Scenario = argv.includes('--scenario')
  ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8'))
  : loadScenario(DEFAULT_SCENARIO).scenario;
const warmup = option('--warmup', 30);
const runs = option('--runs', 3);
const byMetric = argv.includes('--metrics');

for (let i = 0; i < warmup; i++) createSimulation(scenario, `warmup/${i}`).run();

const spent = new Map<string, bigint>();
const sampled = new Map<string, bigint>();
let total = 0n;
let residentDays = 0;
for (let r = 0; r < runs; r++) {
  const sim = createSimulation(scenario, `bench/${r}`);
  // The processes are the modules' own objects, shared by every run: wrapped for this run only.
  const originals = sim.processes.map((p) => p.step);
  for (const p of sim.processes) {
    const step = p.step.bind(p);
    const key = p.name;
    (p as { step: typeof p.step }).step = (world, ctx) => {
      const t = process.hrtime.bigint();
      step(world, ctx);
      spent.set(key, (spent.get(key) ?? 0n) + (process.hrtime.bigint() - t));
    };
  }
  // --metrics: each sampler timed too (the recorder is private to the engine; reached here only to time it).
  type Sampler = { name: string; sample: (world: unknown, ctx: unknown) => number };
  const metrics: Sampler[] = byMetric ? (sim as unknown as { recorder: { metrics: Sampler[] } }).recorder.metrics : [];
  const samplers = metrics.map((m) => m.sample);
  for (const m of metrics) {
    const sample = m.sample.bind(m);
    const key = `metric ${m.name}`;
    m.sample = (world, ctx) => {
      const t = process.hrtime.bigint();
      const v = sample(world, ctx);
      sampled.set(key, (sampled.get(key) ?? 0n) + (process.hrtime.bigint() - t));
      return v;
    };
  }
  const t = process.hrtime.bigint();
  sim.run();
  total += process.hrtime.bigint() - t;
  sim.processes.forEach((p, i) => ((p as { step: typeof p.step }).step = originals[i]));
  metrics.forEach((m, i) => (m.sample = samplers[i]));
  residentDays += (sim.world as unknown as { residents: { count: number } }).residents.count * sim.day;
}

const ns = (v: bigint) => Number(v) / residentDays;
const inProcesses = [...spent.values()].reduce((a, b) => a + b, 0n);
console.log(`${runs} run(s), ${residentDays.toLocaleString('en')} resident-days: ${ns(total).toFixed(1)} ns per resident-day in all`);
console.log('process'.padEnd(36), 'ns/resident-day', ' share');
for (const [name, v] of [...spent].sort((a, b) => Number(b[1] - a[1]))) {
  console.log(name.padEnd(36), ns(v).toFixed(2).padStart(15), `${((100 * Number(v)) / Number(total)).toFixed(1).padStart(5)} %`);
}
const inSamplers = [...sampled.values()].reduce((a, b) => a + b, 0n);
for (const [name, v] of [...sampled].sort((a, b) => Number(b[1] - a[1])).slice(0, 12)) {
  console.log(`  ${name}`.padEnd(36), ns(v).toFixed(2).padStart(15), `${((100 * Number(v)) / Number(total)).toFixed(1).padStart(5)} %`);
}
if (byMetric) console.log(`  (${sampled.size} metrics in all)`.padEnd(36), ns(inSamplers).toFixed(2).padStart(15), `${((100 * Number(inSamplers)) / Number(total)).toFixed(1).padStart(5)} %`);
console.log('(engine: metrics, day loop, timing)'.padEnd(36), ns(total - inProcesses).toFixed(2).padStart(15), `${((100 * Number(total - inProcesses)) / Number(total)).toFixed(1).padStart(5)} %`);
