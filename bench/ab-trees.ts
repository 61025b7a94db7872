/**
 * Interleaved A/B of source trees in one process (a script, not a test): each tree's model is a
 * module graph of its own (imported by path), so the same process alternates runs of A and B and
 * both see the same machine load, cache and JIT conditions — steadier than separate processes on
 * a shared machine. Prints, per tree, the median and the lowest CPU nanoseconds per resident-day
 * of the simulated days (the build excluded) of the default scenario at the given size.
 *
 * To compare a change with the code before it, export the older commit to a directory next to
 * this one (`git archive <commit> | tar -x -C /tmp/before`, with a node_modules link):
 *
 *   npx tsx bench/ab-trees.ts --residents 1000000 --rounds 4 --warmup 1 /tmp/before .
 *   npx tsx bench/ab-trees.ts --rounds 30 --warmup 30 /tmp/before .     # default size, warm
 *   npx tsx bench/ab-trees.ts --scenario all-1m.json --rounds 3 --warmup 1 /tmp/before .  # a scenario given as JSON
 *   npx tsx bench/ab-trees.ts --with-build --rounds 20 --warmup 20 /tmp/before .  # the whole warm run: build and days
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const residents = option('--residents', 0);
const rounds = option('--rounds', 10);
const warmup = option('--warmup', 5);
// --with-build: the simulation's build counted with its days (a sweep's warm run pays both).
const withBuild = argv.includes('--with-build');
const VALUED = ['--residents', '--rounds', '--warmup', '--scenario'];
const roots = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
if (roots.length === 0) throw new Error('give one or more source trees to compare, e.g. /tmp/before .');

// --scenario: a scenario as JSON (e.g. bench/model.ts's "all" model written out), run as it is.
const given = argv.includes('--scenario') ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8')) : null;

interface Tree { root: string; run: (replicate: number) => number; samples: number[] }
const trees: Tree[] = [];
for (const root of roots) {
  const at = (file: string) => pathToFileURL(resolve(root, file)).href;
  const { createSimulation } = await import(at('src/model/index.ts'));
  const { loadScenario, DEFAULT_SCENARIO } = await import(at('src/scenario/load.ts'));
  const scenario = given ? structuredClone(given) : structuredClone(loadScenario(DEFAULT_SCENARIO).scenario);
  // As bench/model.ts: ≈ 1,070 residents per compound.
  if (residents > 0 && !given) scenario.community.compounds = Math.max(1, Math.round(residents / 1070));
  const run = (replicate: number) => {
    const b = process.cpuUsage();
    const sim = createSimulation(scenario, `bench/${replicate}`);
    const t = withBuild ? b : process.cpuUsage();
    while (!sim.done) sim.step();
    const u = process.cpuUsage(t);
    return ((u.user + u.system) * 1000) / (sim.world.residents.count * sim.calendar.days);
  };
  trees.push({ root, run, samples: [] });
}
for (let i = 0; i < warmup; i++) for (const t of trees) t.run(i);
for (let r = 0; r < rounds; r++) {
  // Alternate which tree goes first, so neither always follows the other's garbage.
  for (const t of r % 2 === 0 ? trees : [...trees].reverse()) t.samples.push(t.run(1000 + r));
  if (argv.includes('--verbose')) console.log(`round ${r + 1}: ${trees.map((t) => `${t.root} ${t.samples[r].toFixed(1)}`).join(', ')}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${given ? 'given scenario' : 'default scenario'}${residents && !given ? `, ${residents.toLocaleString('en')} residents` : ''}: ${rounds} interleaved rounds after ${warmup} warm-up runs, CPU ns per resident-day${withBuild ? ', build included' : ''}`);
for (const t of trees) console.log(`${t.root.padEnd(30)}  median ${median(t.samples).toFixed(1).padStart(7)}  lowest ${Math.min(...t.samples).toFixed(1).padStart(7)}`);
