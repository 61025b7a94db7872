/**
 * The engine against the plain-JS limit on the shared needs-and-delivery micro-benchmark
 * (../shared/bench, unchanged: the yardstick), in interleaved rounds (a script, not a test).
 * Each round runs the engine version once per given tree (CRSIM_DIST=<tree>/dist/index.js;
 * build each tree first) and the plain-JS version with `--rng alea` (the same generator, the
 * same totals), in separate processes, alternating the order. Prints per round the median steps
 * time of each, and at the end the median over rounds of each tree's ratio to plain JS (and of
 * later trees to the first), and of the ratio of the lowest runs (the least disturbed by load). `--cpu` preloads bench/cpu-clock.mjs, so the scripts' own
 * performance.now() timings are CPU time rather than wall time.
 *
 *   npx tsx bench/engine-vs-plain.ts --n 100000 --rounds 10 --cpu /tmp/before .
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const n = option('--n', 100_000);
const rounds = option('--rounds', 10);
const warmup = option('--warmup', 2);
const runs = option('--runs', 7);
const cpu = argv.includes('--cpu');
const VALUED = ['--n', '--rounds', '--warmup', '--runs'];
const trees = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1])).map((t) => resolve(t));
if (trees.length === 0) trees.push(resolve('.'));
const SHARED = resolve(import.meta.dirname, '../../shared/bench');
const clock = cpu ? ['--import', resolve(import.meta.dirname, 'cpu-clock.mjs')] : [];

/** One run of a benchmark script: its median steps time (ms) and its totals. */
function run(script: string, args: string[], dist?: string): { ms: number; min: number; stats: string } {
  const env = dist ? { ...process.env, CRSIM_DIST: dist } : process.env;
  const out = execFileSync('node', [...clock, resolve(SHARED, script), '--n', String(n), '--warmup', String(warmup), '--runs', String(runs), ...args], { env, encoding: 'utf8' });
  const j = JSON.parse(out);
  return { ms: j.median_steps_ms, min: j.min_steps_ms, stats: JSON.stringify(j.last_run_stats) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const jobs = [
  ...trees.map((t) => () => run('needs_delivery_crsim.mjs', [], resolve(t, 'dist/index.js'))),
  () => run('needs_delivery_plainjs.mjs', ['--rng', 'alea']),
];
const names = [...trees, 'plain JS (alea)'];
const times: number[][] = names.map(() => []);
const lows: number[][] = names.map(() => []);
console.log(`needs-and-delivery, N = ${n.toLocaleString('en')}, ${runs} runs after ${warmup} warm-up per process, ${cpu ? 'CPU' : 'wall'} ms of the steps (median of runs); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? jobs.map((_, i) => i) : jobs.map((_, i) => i).reverse();
  const results: { ms: number; min: number; stats: string }[] = [];
  for (const i of order) results[i] = jobs[i]();
  if (new Set(results.map((x) => x.stats)).size !== 1) throw new Error(`totals differ: ${results.map((x) => x.stats).join(' / ')}`);
  results.forEach((x, i) => {
    times[i].push(x.ms);
    lows[i].push(x.min);
  });
  console.log(`round ${r + 1}: ${results.map((x, i) => `${i < trees.length ? `tree ${i + 1}` : 'plain'} ${x.ms.toFixed(1)} (lowest ${x.min.toFixed(1)})`).join(', ')}`);
}
const plain = times[trees.length];
console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; medians over ${rounds} rounds:`);
trees.forEach((t, i) => {
  const ratio = median(times[i].map((x, r) => x / plain[r]));
  const toFirst = i > 0 ? `, against tree 1 ${median(times[i].map((x, r) => x / times[0][r])).toFixed(3)}` : '';
  const lowRatio = median(lows[i].map((x, r) => x / lows[trees.length][r]));
  console.log(`tree ${i + 1} ${t}: ${median(times[i]).toFixed(1)} ms, engine/plain ${ratio.toFixed(3)} (per-round ratios ${Math.min(...times[i].map((x, r) => x / plain[r])).toFixed(2)}–${Math.max(...times[i].map((x, r) => x / plain[r])).toFixed(2)}; of the lowest runs ${lowRatio.toFixed(3)})${toFirst}`);
});
console.log(`plain JS (alea): ${median(plain).toFixed(1)} ms`);
