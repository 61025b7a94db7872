/**
 * What the model benchmarks share: time one run and report it as a JSON line (in a child
 * process, so peak RSS belongs to that run alone), and run each size in its own child, printing
 * one table row per size.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/experiment/run.js';
import type { Scenario } from '../src/scenario/schema.js';

export interface Measured {
  residents: number;
  days: number;
  seconds: number;
  /** CPU time of the run (user + system, all threads): on a shared machine a fairer basis for comparing two runs than wall time. */
  cpuSeconds: number;
  residentDaysPerSecond: number;
  peakRssMiB: number;
}

/** Runs the scenario once and prints what it took as one JSON line, with any extra fields read off the run. */
export function measureRun(scenario: Scenario, extra: (result: ReturnType<typeof runScenario>) => Record<string, unknown> = () => ({})): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = runScenario(scenario);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const residents = result.summary.population.residents;
  const days = result.dates.length;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ residents, days, seconds, cpuSeconds, residentDaysPerSecond: (residents * days) / seconds, peakRssMiB, ...extra(result) } satisfies Measured));
}

/**
 * The script's main: as `--child <size>` it measures that size; otherwise it prints the header
 * and runs itself as a child for each size given on the command line (or the defaults).
 */
export function benchMain(scriptUrl: string, defaults: number[], header: string, measure: (size: number) => void, row: (r: Measured) => string): void {
  const [mode, arg] = process.argv.slice(2);
  if (mode === '--child') {
    measure(Number(arg));
    return;
  }
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(header);
  for (const size of sizes.length ? sizes : defaults) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(scriptUrl), '--child', String(size)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    console.log(row(JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured));
  }
}

/** The columns both tables start with. */
export const rowStart = (r: Measured) =>
  `${String(r.residents).padStart(9)}  ${String(r.days).padStart(4)}  ${r.seconds.toFixed(2).padStart(7)}  ${Math.round(r.residentDaysPerSecond).toLocaleString('en').padStart(15)}  ${r.peakRssMiB.toFixed(0).padStart(14)}`;
