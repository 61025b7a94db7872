/** `crsim compare A B --reps N`: paired replicates with common random numbers, differences with 95 % CIs. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { Comparison } from '../../experiment/compare.js';
import { loadScenario } from '../../scenario/load.js';
import { parsePositiveWholeNumber, parseSeed, parseWorkers } from '../options.js';
import { progressBar } from './experiment-common.js';
import { reportErrors } from '../report-errors.js';
import { UserError } from '../../user-error.js';
import { EXPERIMENT_CEILINGS } from '../../experiment/design-size.js';

const fmt = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : Math.abs(x) >= 1000 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(2) : x.toFixed(4));

export function formatComparison(c: Comparison, labelA: string, labelB: string): string {
  const rows = c.rows.map((r) => [r.measure, fmt(r.meanA), fmt(r.meanB), fmt(r.meanDifference), r.ci95Low === null ? '—' : `[${fmt(r.ci95Low)}, ${fmt(r.ci95High)}]`]);
  const header = ['measure', 'A mean', 'B mean', 'B − A', '95 % CI'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c2, j) => (j === 0 ? c2.padEnd(widths[j]) : c2.padStart(widths[j]))).join('  ');
  return [
    `A: ${labelA}`,
    `B: ${labelB}`,
    `${c.reps} paired replicates (common random numbers: replicate i of A and B share run seed ${c.masterSeed}/i)`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two scenarios over paired replicates (common random numbers): means and B − A with 95 % confidence intervals')
    .argument('<a>', 'scenario A (YAML or JSON)')
    .argument('<b>', 'scenario B')
    .option('--reps <n>', 'paired replicates', parsePositiveWholeNumber, 10)
    .option('--seed <n>', "master seed for both (default: A's seed)", parseSeed)
    .option('--measures <list>', 'comma-separated summary measures or groups (default: all numeric measures)')
    .option('--workers <n>', 'worker threads (0: run in this thread)', parseWorkers, availableParallelism())
    .option('--warm-start', 'simulate the normal period once per replicate and branch A and B from it (refused if B differs from A before the shock)')
    .option('--out <file>', 'write the table as CSV')
    .option('--json', 'print the comparison as JSON')
    .option('--quiet', 'print nothing but errors')
    .option('--allow-large', 'compare scenarios beyond the size ceilings (see docs/scenarios.md)')
    .action((fileA: string, fileB: string, opts: { reps: number; seed?: number; measures?: string; workers: number; warmStart?: boolean; out?: string; json?: boolean; quiet?: boolean; allowLarge?: boolean }) =>
      reportErrors('scenario', async () => {
        if (opts.out !== undefined && opts.out.trim() === '') throw new UserError('--out is empty: name the CSV file to write');
        if (!opts.allowLarge && 2 * opts.reps > EXPERIMENT_CEILINGS.runs) {
          throw new UserError(`--reps ${opts.reps} means ${2 * opts.reps} runs, above the ceiling of ${EXPERIMENT_CEILINGS.runs.toLocaleString('en-US')}; pass --allow-large to run them anyway`);
        }
        const a = loadScenario(fileA, {}, { allowLarge: opts.allowLarge }).scenario;
        const b = loadScenario(fileB, {}, { allowLarge: opts.allowLarge }).scenario;
        const bar = progressBar(2 * opts.reps, opts.quiet || opts.json);
        // Imported here: its t quantile (@stdlib, about 400 files) cost every other command, a
        // sweep included, over 100 ms of CPU to load.
        const { compareScenarios, comparisonRows } = await import('../../experiment/compare.js');
        const comparison = await compareScenarios(a, b, {
          reps: opts.reps,
          seed: opts.seed,
          measures: opts.measures?.split(',').map((s) => s.trim()).filter(Boolean),
          workers: opts.workers,
          warmStart: opts.warmStart,
          onRun: () => bar.tick(),
        });
        bar.stop();
        if (opts.out) writeFileSync(resolve(opts.out), stringify(comparisonRows(comparison).map((r) => r.map((v) => v ?? ''))));
        if (opts.quiet) return;
        if (opts.json) process.stdout.write(JSON.stringify({ ...comparison, pairs: undefined }, null, 2) + '\n');
        else process.stdout.write(formatComparison(comparison, `${fileA} (${a.name})`, `${fileB} (${b.name})`) + (opts.out ? `Wrote ${resolve(opts.out)}\n` : ''));
      }),
    );
}
