/**
 * What a run's peak memory is made of (a script, not a test): runs one scenario in this process
 * and prints, after the build and every few days, the peak RSS so far, the typed arrays
 * (`process.memoryUsage().arrayBuffers`) and the V8 heap by space — old space (live JS objects),
 * large-object spaces (JS arrays' backing stores over 128 KiB: a list pushed from empty each day
 * leaves its outgrown stores there until the next full collection) and the new space (the young
 * generation, whose size V8 chooses: 2 × 16 MiB by default).
 * Node's own start-up (and the tsx loader's) is the RSS before the build.
 *
 *   npx tsx bench/model.ts --scenario all 3000000 > all-3m.json
 *   npx tsx bench/memory.ts --scenario all-3m.json --every 5
 *   node --max-semi-space-size=4 --import tsx bench/memory.ts --scenario all-3m.json   # V8 flags pass through
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { createSimulation } from '../src/model/index.js';
import { DEFAULT_SCENARIO, loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/schema.js';

const argv = process.argv.slice(2);
const scenario: Scenario = argv.includes('--scenario')
  ? JSON.parse(readFileSync(argv[argv.indexOf('--scenario') + 1], 'utf8'))
  : loadScenario(DEFAULT_SCENARIO).scenario;
const every = argv.includes('--every') ? Number(argv[argv.indexOf('--every') + 1]) : 10;

const MiB = (bytes: number) => (bytes / 1048576).toFixed(0).padStart(6);
const peakRss = () => process.resourceUsage().maxRSS * 1024;
console.log('moment      peak RSS  RSS  typed arrays  old space used/size  large objects  new large  new space  (MiB)');
const row = (moment: string) => {
  const space = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
  console.log(
    `${moment.padEnd(10)}${MiB(peakRss())}${MiB(process.memoryUsage.rss())}${MiB(process.memoryUsage().arrayBuffers).padStart(14)}` +
      `${(MiB(space.old_space.space_used_size) + ' /' + MiB(space.old_space.space_size)).padStart(21)}` +
      `${MiB(space.large_object_space.space_used_size).padStart(15)}${MiB(space.new_large_object_space.space_used_size).padStart(11)}${MiB(space.new_space.space_size).padStart(11)}`,
  );
};

row('start');
const cpu = process.cpuUsage();
const sim = createSimulation(scenario, 'bench/0');
row('built');
let day = 0;
while (!sim.done) {
  sim.step();
  day++;
  if (day % every === 0) row(`day ${day}`);
}
row('end');
const residents = (sim.world as { residents: { count: number } }).residents.count;
const used = process.cpuUsage(cpu);
console.log(`${residents.toLocaleString('en')} residents, ${day} days: build and steps ${((used.user + used.system) / 1e6).toFixed(1)} s of CPU; peak ${MiB(peakRss()).trim()} MiB, ${Math.round(peakRss() / residents)} bytes a resident`);
