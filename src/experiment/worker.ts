/** The tinypool worker: runs one sweep task per call (see task.ts). Loaded as dist/experiment/worker.js. */
import { executeRun, type RunTask, type RunOutcome } from './task.js';

export default function run(task: RunTask): RunOutcome {
  return executeRun(task);
}
