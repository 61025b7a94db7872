#!/usr/bin/env node
/** `crsim`: the command line of community-resilience. */
import { Command } from 'commander';
import { exitWithFailure } from './exit.js';
import { PACKAGE_VERSION } from '../version.js';
import { registerPlan } from './commands/plan.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { registerViz } from './commands/viz.js';
import { registerReport } from './commands/report.js';
import { registerCompare } from './commands/compare.js';
import { registerMerge } from './commands/merge.js';
import { registerSweep } from './commands/sweep.js';
import { registerCalibrate } from './commands/calibrate.js';

const program = new Command();
program
  .name('crsim')
  .description('Agent-based simulation of community resilience in crises (五社联动, lockdown provision)')
  .version(PACKAGE_VERSION);
registerRun(program);
registerPlan(program);
registerValidate(program);
registerSchema(program);
registerReport(program);
registerViz(program);
registerSweep(program);
registerMerge(program);
registerCompare(program);
registerCalibrate(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  exitWithFailure(e);
}
