/**
 * What the whole-process benchmarks share (bench/cli-startup.ts, bench/small-sweeps.ts): time a
 * command with bash's `time`, run each job in each tree in turn, round after round (so the
 * machine's load falls on every tree alike), and print each job's median and quartiles per tree.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';

export interface Timed {
  cpu: number;
  wall: number;
}

/** CPU and wall seconds of one command, from bash's `time`. */
export function timed(args: string[]): Timed {
  const out = execFileSync('bash', ['-c', 'TIMEFORMAT="%3U %3S %3R"; { time "$@" > /dev/null; } 2>&1', 'timed', ...args], { encoding: 'utf8' });
  const [user, sys, wall] = out.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpu: user + sys, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs every job in every tree once a round, for `rounds` rounds, and prints per job and tree the
 * median CPU and wall time with their interquartile range, in `unit` ('ms' or 's').
 */
export function interleaved<J extends { name: string }>(jobs: J[], roots: string[], rounds: number, unit: 'ms' | 's', run: (job: J, root: string, round: number) => Timed): void {
  const scale = unit === 'ms' ? 1000 : 1;
  const digits = unit === 'ms' ? 0 : 2;
  const samples = jobs.map(() => roots.map(() => ({ cpu: [] as number[], wall: [] as number[] })));
  const load = [loadavg()[0]];
  for (let r = 0; r < rounds; r++) {
    jobs.forEach((job, j) => roots.forEach((root, t) => {
      const { cpu, wall } = run(job, root, r);
      samples[j][t].cpu.push(cpu * scale);
      samples[j][t].wall.push(wall * scale);
    }));
    load.push(loadavg()[0]);
  }
  const quartiles = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[Math.floor((s.length - 1) / 4)].toFixed(digits)}–${s[Math.ceil((3 * (s.length - 1)) / 4)].toFixed(digits)}`;
  };
  const width = unit === 'ms' ? 5 : 6;
  console.log(`whole process, ${unit === 'ms' ? 'ms' : 'seconds'}, median of ${rounds} interleaved fresh processes; node ${process.version}; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
  jobs.forEach((job, j) => {
    console.log(job.name);
    roots.forEach((root, t) => {
      const s = samples[j][t];
      console.log(`  ${root.padEnd(28)} CPU ${median(s.cpu).toFixed(digits).padStart(width)} (IQR ${quartiles(s.cpu)})   wall ${median(s.wall).toFixed(digits).padStart(width)} (IQR ${quartiles(s.wall)})`);
    });
  });
}
