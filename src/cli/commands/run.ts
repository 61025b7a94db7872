/** `crsim run [SCENARIO]`: one run, a run folder, and a readable resilience summary. */
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeRunFolder } from '../../experiment/outputs.js';
import { runScenario } from '../../experiment/run.js';
import { DEFAULT_SCENARIO, loadScenario } from '../../scenario/load.js';
import { formatSummary } from '../format-summary.js';
import { parseSeed } from '../options.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario once and write manifest.json, timeseries.csv and summary.json')
    .argument('[scenario]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO)
    .option('--seed <n>', "master seed (default: the scenario's seed)", parseSeed)
    .option('--replicate <n>', 'replicate index (the run seed derives from seed and replicate)', parseSeed, 0)
    .option('--out <dir>', 'run folder (default: runs/<scenario>-seed<seed>)')
    .option('--quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON instead of a table')
    .action((file: string, opts: { seed?: number; replicate: number; out?: string; quiet?: boolean; json?: boolean }) => {
      const loaded = loadScenario(file);
      const started = performance.now();
      const result = runScenario(loaded.scenario, { seed: opts.seed, replicate: opts.replicate });
      const wallTimeMs = Math.round(performance.now() - started);
      const out = resolve(opts.out ?? `runs/${basename(file, extname(file))}-seed${result.masterSeed}`);
      writeRunFolder(out, result, { scenarioFile: resolve(file), document: loaded.document, wallTimeMs });
      if (opts.quiet) return;
      if (opts.json) process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n');
      else process.stdout.write(formatSummary(result, out, wallTimeMs));
    });
}
