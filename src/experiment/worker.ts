/**
 * The tinypool worker: runs one sweep task per call (see task.ts). Loaded as
 * dist/experiment/worker.js. Modules of the user's own arrive as file URLs and are imported once
 * per thread.
 */
import { importModuleFiles } from '../model/module-files.js';
import { executeRun, warmUpOnce, type RunTask, type RunOutcome } from './task.js';

export default async function run(task: RunTask): Promise<RunOutcome> {
  // Before the thread's first run, a few runs of the same scenario on one building (thread-warm-up.ts).
  warmUpOnce(task);
  if (!task.moduleFiles) return executeRun(task);
  return executeRun(task, { modules: await importModuleFiles(task.moduleFiles), moduleFiles: task.moduleFiles });
}
