#!/usr/bin/env node
/**
 * `crsim`: the command line of community-resilience. Each command is a file of src/cli/commands
 * and is loaded only when it is the one asked for: between them the commands load the model, zod,
 * yaml, the parquet writer and the worker pool, of which `crsim run` needs a part and `crsim
 * sweep` another (docs/performance.md, part 16w). Help, the version and a name that is no command
 * load them all, since commander lists, and suggests from, the commands registered.
 */
import { Command } from 'commander';
import { exitWithFailure } from './exit.js';
import { PACKAGE_VERSION } from '../version.js';

type Register = (program: Command) => void;

/** The commands, in the order help lists them. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./commands/run.js')).registerRun,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  report: async () => (await import('./commands/report.js')).registerReport,
  viz: async () => (await import('./commands/viz.js')).registerViz,
  sweep: async () => (await import('./commands/sweep.js')).registerSweep,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  calibrate: async () => (await import('./commands/calibrate.js')).registerCalibrate,
};

const program = new Command();
program
  .name('crsim')
  .description('Agent-based simulation of community resilience in crises (五社联动, lockdown provision)')
  .version(PACKAGE_VERSION);

try {
  const asked = process.argv[2];
  const names = Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]()))) register(program);
  await program.parseAsync(process.argv);
} catch (e) {
  exitWithFailure(e);
}
