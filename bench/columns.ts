/**
 * What the world's arrays weigh, column by column (a script, not a test): builds a scenario, runs a
 * few days, and walks the world — the shared tables' columns and every module's state — printing
 * each typed array (and JS number list, at 8 bytes an entry) over 0.2 bytes a resident, largest
 * first. Arrays sharing a buffer (views) count once; a state's list of lists is summed under `[]`.
 *
 *   npx tsx bench/model.ts --scenario all 1000000 > all-1m.json
 *   npx tsx bench/columns.ts all-1m.json 3
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../src/model/index.js';

const [file, daysArg] = process.argv.slice(2);
const sim = createSimulation(JSON.parse(readFileSync(file, 'utf8')), 'bench/0');
for (let d = 0; d < Number(daysArg ?? 3); d++) sim.step();
const world = sim.world as unknown as Record<string, unknown> & { residents: { count: number } };
const residents = world.residents.count;

const seen = new Set<ArrayBufferLike>();
const bytes = new Map<string, { bytes: number; kind: string }>();
const add = (path: string, n: number, kind: string) => {
  const e = bytes.get(path) ?? { bytes: 0, kind };
  e.bytes += n;
  bytes.set(path, e);
};
function walk(o: unknown, path: string, depth: number): void {
  if (o === null || typeof o !== 'object' || depth > 6) return;
  if (ArrayBuffer.isView(o)) {
    if (!seen.has(o.buffer)) add(path, o.buffer.byteLength, o.constructor.name);
    seen.add(o.buffer);
  } else if (Array.isArray(o)) {
    if (o.length && typeof o[0] === 'number') add(`${path} (JS)`, o.length * 8, 'Array');
    else for (const x of o) walk(x, `${path}[]`, depth + 1);
  } else {
    for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k, depth + 1);
  }
}
walk(world, '', 0);

const sorted = [...bytes].sort((a, b) => b[1].bytes - a[1].bytes);
const total = sorted.reduce((n, [, e]) => n + e.bytes, 0);
console.log(`${residents.toLocaleString('en')} residents after ${sim.day} days: ${(total / residents).toFixed(1)} bytes a resident in the world's arrays`);
for (const [path, e] of sorted) if (e.bytes / residents >= 0.2) console.log(`${(e.bytes / residents).toFixed(2).padStart(7)}  ${e.kind.padEnd(13)} ${path}`);
