/**
 * Benchmark of the N-street reform (a script, not a test): each shipped N-street scenario at full
 * size (48 compounds, ≈ 100,000 residents), H2 2012 to the end of 2018 (to March 2020 for the
 * reform carried into the lockdown), daily steps, on one core.
 * Prints one line per scenario: residents, days, seconds, resident-days per second, peak RSS.
 * Issue 13 asks for ≤ 30 s. Each scenario runs in its own child process.
 *
 *   npm run bench:n-street
 *   npm run bench:n-street -- reform-2012-2018 presence-only
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import { measureRun, rowStart, type Measured } from './harness.js';

const [mode, arg] = process.argv.slice(2);
if (mode === '--child') {
  measureRun(loadScenario(join(SCENARIOS_DIR, 'n-street', `${arg}.yaml`)).scenario);
} else {
  const names = process.argv.slice(2);
  console.log('N street 2012–2018 (–2020 into the lockdown), full size, daily, one core\nscenario               residents  days  seconds  resident-days/s  peak RSS (MiB)');
  for (const name of names.length ? names : ['reform-2012-2018', 'presence-only', 'tasks-without-money', 'fees-follow-tasks', 'lockdown-after-reform']) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    console.log(`${name.padEnd(22)} ${rowStart(JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured)}`);
  }
}
