/**
 * Sweep throughput: runs per second of a fixed small experiment with 1 and 2 worker threads
 * (or the counts given: `npm run bench:sweep -- 1 2 4`), and the speed-up. Wall time includes
 * starting the pool and writing every output file, as a user would see it. Each count is
 * timed three times and the best is kept, since other work on the machine only ever slows a
 * run down. A script that prints figures, not a test: machines differ.
 */
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadExperiment } from '../src/experiment/load.js';
import { sweepToFolder } from '../src/experiment/sweep.js';

const experiment = loadExperiment(resolve(import.meta.dirname, 'sweep-bench.yaml'));
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const workers = counts.length ? counts : [1, 2];

console.log(`${experiment.spec.name}: ${experiment.runs} runs; ${availableParallelism()} cores; node ${process.version}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
// One untimed warm-up so that file-system caches and JIT do not favour the later rows.
await sweepToFolder(experiment, mkdtempSync(join(tmpdir(), 'crsim-bench-')), { workers: 1 });

const rates: number[] = [];
for (const n of workers) {
  let seconds = Infinity;
  let cpu = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'crsim-bench-'));
    const started = performance.now();
    const cpuStart = process.cpuUsage(); // all threads of this process, workers included
    await sweepToFolder(experiment, dir, { workers: n });
    const wall = (performance.now() - started) / 1000;
    if (wall < seconds) {
      seconds = wall;
      const used = process.cpuUsage(cpuStart);
      cpu = (used.user + used.system) / 1e6;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  rates.push(experiment.runs / seconds);
  // CPU time per run and cores kept busy tell a slow shared machine from a poor speed-up.
  console.log(`${String(n).padStart(2)} worker${n === 1 ? ' ' : 's'}  ${seconds.toFixed(2).padStart(6)} s  ${(experiment.runs / seconds).toFixed(1).padStart(6)} runs/s  speed-up ${(rates.at(-1)! / rates[0]).toFixed(2)}×   (${((cpu / experiment.runs) * 1000).toFixed(0)} ms CPU per run, ${(cpu / seconds).toFixed(2)} cores busy; load average ${loadavg()[0].toFixed(2)})`);
}
