/**
 * What writing a sweep folder costs, apart from the model: the runs of bench/sweep-bench.yaml
 * are simulated once (workers: 0), then the same outcomes are written to a fresh folder again
 * and again: `append` (runs.csv and timeseries.csv as each run finishes) and `finalise` (sorting
 * both tables, timeseries.parquet and runs.parquet), in CPU milliseconds per run, median of the
 * rounds. Other builds can be compared side by side, interleaved round by round so that both
 * see the same load: `npm run bench:sweep-output -- /path/to/other/checkout` (a checkout with a
 * built dist/). A script that prints figures, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);
const roots = [here, ...args.filter((a) => !/^\d+$/.test(a)).map((a) => resolve(a))];

interface Build {
  root: string;
  loadExperiment: (file: string) => any;
  runTasks: (tasks: any[], options: any) => AsyncGenerator<any>;
  plannedTasks: (exp: any, options: any) => any[];
  SweepFolder: { open(dir: string, exp: any, opts: object): { append(o: any): void; finalise(): void } };
}

const builds: Build[] = [];
for (const root of roots) {
  const at = (f: string) => import(pathToFileURL(join(root, 'dist/experiment', f)).href);
  const [{ loadExperiment }, { runTasks, plannedTasks }, { SweepFolder }] = await Promise.all([at('load.js'), at('sweep.js'), at('sweep-files.js')]);
  builds.push({ root, loadExperiment, runTasks, plannedTasks, SweepFolder });
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const exp = builds[0].loadExperiment(join(here, 'bench/sweep-bench.yaml'));
const outcomes: unknown[] = [];
const modelStart = cpuMs();
for await (const o of builds[0].runTasks(builds[0].plannedTasks(exp, {}), { workers: 0 })) outcomes.push(o);
const modelPerRun = (cpuMs() - modelStart) / outcomes.length;

function writeFolder(build: Build): [number, number] {
  const dir = mkdtempSync(join(tmpdir(), 'crsim-bench-out-'));
  try {
    const start = cpuMs();
    const folder = build.SweepFolder.open(dir, exp, {});
    for (const o of outcomes) folder.append(o);
    const appended = cpuMs();
    folder.finalise();
    return [(appended - start) / outcomes.length, (cpuMs() - appended) / outcomes.length];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (let i = 0; i < 3; i++) builds.forEach(writeFolder); // warm-up
const results = builds.map(() => [] as [number, number][]);
for (let r = 0; r < rounds; r++) builds.forEach((b, i) => results[i].push(writeFolder(b)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${exp.spec.name}: ${outcomes.length} runs, ${exp.metrics.length} kept metrics; the model (first pass, JIT warm-up included) ${modelPerRun.toFixed(1)} ms CPU per run; ${rounds} rounds; load average ${loadavg()[0].toFixed(2)}`);
console.log('build'.padEnd(40), 'append', 'finalise', ' total  (ms CPU per run, median)');
builds.forEach((b, i) => {
  const rs = results[i];
  console.log(b.root.padEnd(40), median(rs.map((x) => x[0])).toFixed(2).padStart(6), median(rs.map((x) => x[1])).toFixed(2).padStart(8), median(rs.map((x) => x[0] + x[1])).toFixed(2).padStart(6));
});
