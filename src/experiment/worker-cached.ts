/**
 * The tinypool worker a sweep uses once the package is built: the same task runner as
 * worker.ts, but the model's code comes from one CommonJS bundle of task.ts
 * (dist/experiment/task.bundle.cjs, made by scripts/bundle-worker.ts) loaded through V8's code
 * cache (code-cache.ts), so a new worker thread neither resolves ~170 files nor compiles the
 * model again. The cache is saved after the thread's first task, which a warm-up on a small
 * world precedes (thread-warm-up.ts).
 */
import { fileURLToPath } from 'node:url';
import { importModuleFiles } from '../model/module-files.js';
import { loadCachedBundle } from './code-cache.js';
import type { executeRun as ExecuteRun, RunOutcome, RunTask, warmUpOnce as WarmUpOnce } from './task.js';

const bundle = loadCachedBundle(fileURLToPath(new URL('./task.bundle.cjs', import.meta.url)));
const executeRun = bundle.exports.executeRun as typeof ExecuteRun;
const warmUpOnce = bundle.exports.warmUpOnce as typeof WarmUpOnce;

export default async function run(task: RunTask): Promise<RunOutcome> {
  // Before the thread's first run, a few runs of the same scenario on one building (thread-warm-up.ts).
  warmUpOnce(task);
  const outcome = task.moduleFiles
    ? executeRun(task, { modules: await importModuleFiles(task.moduleFiles), moduleFiles: task.moduleFiles })
    : executeRun(task);
  bundle.saveCache();
  return outcome;
}
