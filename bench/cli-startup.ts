/**
 * What the command line costs before and around its work: `crsim --help`, `crsim run --help`
 * (the run command's options, nothing run), and `crsim run` of a small scenario (the default Q
 * community cut to one compound, so that the loading, validation and output are a large share), each a fresh process per round, CPU of the whole process (bash's `time`, user +
 * system) and wall time. Rounds are interleaved between the built trees given, so each sees the
 * same machine load; medians printed. A script that prints figures, not a test.
 *
 *   git archive <commit> | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/
 *   (cd /tmp/before && npx tsc -p tsconfig.json)
 *   npx tsc -p tsconfig.json && npx tsx bench/cli-startup.ts --rounds 10 /tmp/before .
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interleaved, timed } from './interleaved.js';

const argv = process.argv.slice(2);
const rounds = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 10;
const roots = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--rounds').map((r) => resolve(r));
if (roots.length === 0) roots.push(resolve(import.meta.dirname, '..'));

const dir = mkdtempSync(join(tmpdir(), 'crsim-cli-startup-'));
const scenario = join(dir, 'small.yaml');
writeFileSync(scenario, `extends: ${JSON.stringify(resolve(import.meta.dirname, '../scenarios/q-community/lockdown-2020.yaml'))}
community:
  compounds: 1
`);

const jobs = [
  { name: 'crsim --help', args: () => ['--help'] },
  { name: 'crsim run --help', args: () => ['run', '--help'] },
  { name: 'crsim run (lockdown-2020, 1 compound)', args: (root: string) => ['run', scenario, '--out', join(dir, `out-${roots.indexOf(root)}`), '--force', '--quiet'] },
];
interleaved(jobs, roots, rounds, 'ms', (job, root) => timed([process.execPath, join(root, 'dist/cli/main.js'), ...job.args(root)]));
rmSync(dir, { recursive: true, force: true });
