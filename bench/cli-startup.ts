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
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** CPU and wall seconds of one command, from bash's `time`. */
function timed(args: string[]): { cpu: number; wall: number } {
  const out = execFileSync('bash', ['-c', 'TIMEFORMAT="%3U %3S %3R"; { time "$@" > /dev/null; } 2>&1', 'timed', ...args], { encoding: 'utf8' });
  const [user, sys, wall] = out.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpu: user + sys, wall };
}

const jobs = [
  { name: 'crsim --help', args: () => ['--help'] },
  { name: 'crsim run --help', args: () => ['run', '--help'] },
  { name: 'crsim run (lockdown-2020, 1 compound)', args: (root: string) => ['run', scenario, '--out', join(dir, `out-${roots.indexOf(root)}`), '--force', '--quiet'] },
];
const samples = jobs.map(() => roots.map(() => ({ cpu: [] as number[], wall: [] as number[] })));
const load = [loadavg()[0]];
for (let r = 0; r < rounds; r++) {
  jobs.forEach((job, j) => roots.forEach((root, t) => {
    const { cpu, wall } = timed([process.execPath, join(root, 'dist/cli/main.js'), ...job.args(root)]);
    samples[j][t].cpu.push(cpu * 1000);
    samples[j][t].wall.push(wall * 1000);
  }));
  load.push(loadavg()[0]);
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quartiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor((s.length - 1) / 4)].toFixed(0)}–${s[Math.ceil((3 * (s.length - 1)) / 4)].toFixed(0)}`;
};
console.log(`whole process, ms, median of ${rounds} interleaved fresh processes; node ${process.version}; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
jobs.forEach((job, j) => {
  console.log(job.name);
  roots.forEach((root, t) => {
    const s = samples[j][t];
    console.log(`  ${root.padEnd(28)} CPU ${median(s.cpu).toFixed(0).padStart(5)} (IQR ${quartiles(s.cpu)})   wall ${median(s.wall).toFixed(0).padStart(5)} (IQR ${quartiles(s.wall)})`);
  });
});
