/**
 * What a small sweep or a calibration costs as a whole: `crsim sweep` of a few runs (where the
 * workers' start-up dominates) and `crsim calibrate` of a few evaluations (each a batch of
 * replicates), each a fresh process per round, with the CPU time of the whole process (every
 * thread: bash's `time`, user + system) and its wall time. Rounds are interleaved between the
 * built trees given, so each sees the same machine load; medians printed. A script that prints
 * figures, not a test.
 *
 * To compare a change with the code before it, export the older commit next to this one and
 * build it (its dist/ is what the workers load):
 *
 *   git archive <commit> | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/
 *   (cd /tmp/before && npx tsc -p tsconfig.json && npx tsx scripts/bundle-worker.ts)
 *   npx tsx bench/small-sweeps.ts --rounds 10 /tmp/before .
 *
 * (or `npm run bench:small-sweeps -- --rounds 10 /tmp/before .`, which builds this tree first).
 * Options: --rounds N (default 10), --runs N (the sweep's runs, default 1), --workers N
 * (default 2), --evaluations N (the calibration's Nelder–Mead evaluations, default 6).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interleaved, timed } from './interleaved.js';

const argv = process.argv.slice(2);
const VALUED = ['--rounds', '--runs', '--workers', '--evaluations'];
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const rounds = option('--rounds', 10);
const runs = option('--runs', 1);
const workers = option('--workers', 2);
const evaluations = option('--evaluations', 6);
const roots = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1])).map((r) => resolve(r));
if (roots.length === 0) roots.push(resolve(import.meta.dirname, '..'));

// The fixtures: the bench sweep's two-compound Q community, cut to `runs` runs; a calibration of
// one parameter of the same community to a made-up target (what is timed is the machinery).
const scenario = resolve(import.meta.dirname, '../scenarios/q-community/lockdown-2020.yaml');
const dir = mkdtempSync(join(tmpdir(), 'crsim-small-sweeps-'));
const sweepFile = join(dir, 'sweep.yaml');
writeFileSync(sweepFile, `name: small sweep
scenario: ${JSON.stringify(scenario)}
set:
  community.compounds: 2
factors:
  packages.vegetable.subsidy: [${Array.from({ length: runs }, (_, i) => i).join(', ')}]
replicates: 1
seed: 1
`);
const calibrationFile = join(dir, 'calibration.yaml');
writeFileSync(calibrationFile, `name: small calibration
scenario: ${JSON.stringify(scenario)}
set:
  community.compounds: 2
parameters:
  packages.vegetable.subsidy: { min: 0, max: 12, start: 3 }
targets:
  - { measure: prices.meanPricePaid, value: 40, tolerance: 5 }
replicates: ${workers}
workers: ${workers}
maxEvaluations: ${evaluations}
tolerance: 0.001
`);

const jobs = [
  { name: `sweep, ${runs} runs, ${workers} workers`, args: (root: string, out: string) => [process.execPath, join(root, 'dist/cli/main.js'), 'sweep', sweepFile, '--workers', String(workers), '--out', out, '--quiet'] },
  { name: `calibrate, ≤ ${evaluations} + 3 evaluations × ${workers} replicates, ${workers} workers`, args: (root: string, out: string) => [process.execPath, join(root, 'dist/cli/main.js'), 'calibrate', calibrationFile, '--out', out, '--quiet', '--force'] },
];
interleaved(jobs, roots, rounds, 's', (job, root, r) => {
  const out = join(dir, `out-${jobs.indexOf(job)}-${roots.indexOf(root)}-${r}`);
  const time = timed(job.args(root, out));
  rmSync(out, { recursive: true, force: true });
  return time;
});
rmSync(dir, { recursive: true, force: true });
