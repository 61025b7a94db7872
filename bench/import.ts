/**
 * Import cost of the package's entry points, each in a fresh Node process (the compiled dist/,
 * as users and worker threads load it): the engine alone (`community-resilience/engine`), the
 * sweep worker, and the package root. Rounds are interleaved and the median kept, since other
 * work on the machine only adds noise; CPU time (process.cpuUsage) is the steadier figure.
 *
 *   npm run build && npx tsx bench/import.ts [rounds]
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRIES: [string, string][] = [
  ['nothing (an empty module: the loader itself)', 'data:text/javascript,export default 1'],
  ['community-resilience/engine', 'community-resilience/engine'],
  ['sweep worker (dist/experiment/worker.js)', pathToFileURL(resolve(ROOT, 'dist/experiment/worker.js')).href],
  ['sweep worker, bundle through the code cache (worker-cached.js)', pathToFileURL(resolve(ROOT, 'dist/experiment/worker-cached.js')).href],
  ['community-resilience (package root)', 'community-resilience'],
];
const rounds = Number(process.argv[2] ?? 7);

const probe = (specifier: string) => `
const cpu = process.cpuUsage(); const t = performance.now();
await import(${JSON.stringify(specifier)});
const u = process.cpuUsage(cpu);
console.log(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));`;

const samples = ENTRIES.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  ENTRIES.forEach(([, specifier], i) => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe(specifier)], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const { wall, cpu } = JSON.parse(child.stdout);
    samples[i].wall.push(wall);
    samples[i].cpu.push(cpu);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`import of each entry point in a fresh process, median of ${rounds} interleaved rounds (node ${process.version})`);
console.log('entry point                                       CPU ms   wall ms');
ENTRIES.forEach(([label], i) => console.log(`${label.padEnd(48)} ${median(samples[i].cpu).toFixed(0).padStart(6)}  ${median(samples[i].wall).toFixed(0).padStart(8)}`));
