/** `crsim run [SCENARIO]`: one run, a run folder, and a readable resilience summary. */
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeRunFolder } from '../../experiment/outputs.js';
import { runScenario } from '../../experiment/run.js';
import { DEFAULT_SCENARIO, loadScenarioOrManifest } from '../../scenario/load.js';
import { formatSummary } from '../format-summary.js';
import { parseSeed } from '../options.js';
import { collectModule, moduleOptions } from '../module-option.js';
import { collectSet, parseSetOptions } from '../set-option.js';
import { checkOutFolder } from '../out-folder.js';
import { reportErrors } from '../report-errors.js';

interface RunCommandOptions {
  seed?: number;
  replicate?: number;
  out?: string;
  set?: string[];
  quiet?: boolean;
  json?: boolean;
  module?: string[];
  force?: boolean;
  allowLarge?: boolean;
  anyVersion?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario once and write manifest.json, timeseries.csv and summary.json; given a manifest.json, reproduce that run')
    .argument('[scenario]', 'scenario file (YAML or JSON), or a run folder\'s manifest.json', DEFAULT_SCENARIO)
    .option('--seed <n>', "master seed (default: the scenario's seed, or the manifest's)", parseSeed)
    .option('--replicate <n>', 'replicate index; the run seed derives from seed and replicate (default: 0, or the manifest\'s)', parseSeed)
    .option('--set <path=value>', 'override a parameter, e.g. --set regimes.later.subsidised=false (repeatable)', collectSet)
    .option('--out <dir>', 'run folder (default: runs/<scenario>-seed<seed>; for runs/x/manifest.json, runs/x-rerun)')
    .option('--quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON instead of a table')
    .option('--module <file>', 'a file exporting modules of your own, which the scenario may name (repeatable; a manifest remembers them)', collectModule)
    .option('--force', 'replace the run already in the --out folder')
    .option('--allow-large', 'run a scenario beyond the size ceilings (population, days; see docs/scenarios.md)')
    .option('--any-version', 'reproduce a manifest written by another version of community-resilience (warns instead of refusing)')
    .action((file: string, opts: RunCommandOptions) => reportErrors('scenario', async () => {
      const outDir = checkOutFolder(opts.out, 'run', { force: opts.force });
      const model = await moduleOptions(opts.module, file);
      const loaded = loadScenarioOrManifest(file, parseSetOptions(opts.set), { allowLarge: opts.allowLarge, anyVersion: opts.anyVersion, modules: model.modules });
      if (loaded.versionWarning && !opts.quiet) process.stderr.write(`crsim: warning: ${loaded.versionWarning}\n`);
      const manifest = loaded.manifestSeeds;
      const started = performance.now();
      const result = runScenario(loaded.scenario, {
        seed: opts.seed ?? manifest?.master,
        replicate: opts.replicate ?? manifest?.replicate ?? 0,
        ...model,
      });
      const wallTimeMs = Math.round(performance.now() - started);
      // A rerun from runs/x/manifest.json goes to runs/x-rerun, never over the run it reproduces.
      const defaultOut = manifest ? `runs/${basename(dirname(resolve(file)))}-rerun` : `runs/${basename(file, extname(file))}-seed${result.masterSeed}`;
      const out = outDir ?? checkOutFolder(defaultOut, 'run', { force: true })!;
      writeRunFolder(out, result, { scenarioFile: resolve(file), document: loaded.document, wallTimeMs, moduleFiles: model.moduleFiles });
      if (opts.quiet) return;
      if (opts.json) process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n');
      else process.stdout.write(formatSummary(result, out, wallTimeMs));
    }));
}
