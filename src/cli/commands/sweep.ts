/**
 * `crsim sweep EXPERIMENT --out DIR`: every (point × replicate) of an experiment on a pool of
 * worker threads, appended to DIR as each run finishes; `--resume`, `--shard K/N`,
 * `--emit-slurm` for clusters.
 */
import { writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parseWorkers } from '../options.js';
import { openExperiment } from '../../experiment/load.js';
import { experimentJsonSchema } from '../../experiment/schema.js';
import { slurmScript } from '../../experiment/slurm.js';
import { parseShard, type Shard } from '../../experiment/sweep-files.js';
import { sweepToFolder } from '../../experiment/sweep.js';
import { progressBar } from './experiment-common.js';
import { reportErrors } from '../report-errors.js';
import { checkOutFolder } from '../out-folder.js';
import { UserError } from '../../user-error.js';
import { estimatedCoreHours } from '../../experiment/design-size.js';

interface SweepCliOptions {
  workers: number;
  out?: string;
  resume?: boolean;
  shard?: Shard;
  warmStart?: boolean;
  quiet?: boolean;
  emitSlurm?: boolean;
  shards: number;
  slurmTime: string;
  slurmPartition?: string;
  slurmFile?: string;
  schema?: boolean;
  allowLarge?: boolean;
}

const positiveInt = (name: string) => (value: string) => {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(`${name} expects a positive whole number`);
  return Number(value);
};

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run every point × replicate of an experiment file on worker threads; write runs.csv, timeseries.csv/.parquet and experiment.json')
    .argument('[experiment]', 'experiment file (YAML or JSON)')
    .option('--workers <n>', 'worker threads (0: run in this thread)', parseWorkers, availableParallelism())
    .option('--out <dir>', 'sweep folder (default: runs/<experiment>)')
    .option('--resume', 'continue a sweep folder: run only the runs it does not hold yet')
    .option('--shard <K/N>', 'run only the K-th of N disjoint slices of the runs (for job arrays)', (v) => {
      try {
        return parseShard(v);
      } catch (e) {
        throw new InvalidArgumentError((e as Error).message);
      }
    })
    .option('--warm-start', "simulate the normal period once per replicate and branch every point from it (needs commonRandomNumbers: true; refused if a factor shapes the population or the normal period)")
    .option('--quiet', 'no progress bar or summary line')
    .option('--emit-slurm', 'write a Slurm job-array script (one shard per task, then a dependent merge) instead of running')
    .option('--shards <n>', 'with --emit-slurm: number of array tasks', positiveInt('--shards'), 10)
    .option('--slurm-time <hh:mm:ss>', 'with --emit-slurm: time limit per array task', '02:00:00')
    .option('--slurm-partition <name>', 'with --emit-slurm: partition to submit to')
    .option('--slurm-file <file>', 'with --emit-slurm: where to write the script (default: DIR/sweep.slurm.sh)')
    .option('--schema', 'print the JSON Schema of experiment files and exit')
    .option('--allow-large', 'run an experiment beyond the size ceilings (points, runs, core-hours, residents, days; see docs/experiments.md)')
    .action((file: string | undefined, opts: SweepCliOptions) =>
      reportErrors('experiment', async () => {
        if (opts.schema) {
          process.stdout.write(JSON.stringify(experimentJsonSchema(), null, 2) + '\n');
          return;
        }
        if (!file) throw new UserError('name an experiment file, e.g. crsim sweep examples/sweep-subsidy.yaml');
        const out = checkOutFolder(opts.out ?? `runs/${basename(file, extname(file))}`, 'sweep')!;
        const exp = await openExperiment(file, { allowLarge: opts.allowLarge });
        if (opts.emitSlurm) {
          const target = resolve(opts.slurmFile ?? `${out}/sweep.slurm.sh`);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, slurmScript({
            experimentFile: exp.file, out, shards: opts.shards, workers: Math.max(1, opts.workers), time: opts.slurmTime,
            partition: opts.slurmPartition, name: exp.spec.name, runs: exp.runs, warmStart: opts.warmStart,
          }));
          chmodSync(target, 0o755);
          if (!opts.quiet) process.stdout.write(`Wrote ${target}: ${exp.runs} runs in ${opts.shards} array tasks, then a merge into ${out}.\nSubmit with: bash ${target}\n`);
          return;
        }
        let bar = progressBar(0, true);
        const controller = new AbortController();
        const onSigint = () => {
          controller.abort();
          bar.stop();
          process.stderr.write('\ncrsim: interrupted; finishing the runs in progress (finished runs are kept; continue with --resume)\n');
        };
        process.once('SIGINT', onSigint);
        const started = performance.now();
        const result = await sweepToFolder(exp, out, {
          workers: opts.workers,
          resume: opts.resume,
          shard: opts.shard,
          warmStart: opts.warmStart,
          signal: controller.signal,
          onStart: (toRun) => {
            if (!opts.quiet && process.stderr.isTTY) process.stderr.write(`${toRun} runs to do, about ${estimatedCoreHours(exp.pointScenarios, exp.replicates * (toRun / Math.max(1, exp.runs))).toFixed(2)} core-hours (estimate)\n`);
            bar = progressBar(toRun, opts.quiet);
          },
          onRun: () => bar.tick(),
        });
        bar.stop();
        process.off('SIGINT', onSigint);
        const seconds = (performance.now() - started) / 1000;
        if (!result.complete) {
          process.stderr.write(`crsim: stopped with ${result.alreadyDone + result.ran} runs in ${out}; continue with --resume\n`);
          process.exit(130);
        }
        if (!opts.quiet) {
          const shard = opts.shard ? ` (shard ${opts.shard.index}/${opts.shard.count})` : '';
          process.stdout.write(`${exp.spec.name}${shard}: ${result.ran} runs in ${seconds.toFixed(1)} s (${(result.ran / seconds).toFixed(1)} runs/s)${result.alreadyDone ? `, ${result.alreadyDone} already done` : ''}\nWrote ${out} (experiment.json, runs.csv, timeseries.csv${exp.spec.outputs.formats.includes('parquet') ? ', runs.parquet, timeseries.parquet' : ''})\n`);
        }
      }),
    );
}
