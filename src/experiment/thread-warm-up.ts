/**
 * A sweep worker's warm-up: before a new thread's first task, the same scenario is run a few
 * times on a community of one building. A fresh thread runs the model's code in V8's interpreter
 * until the optimising compiler has caught up; on the small world the code collects the same type
 * feedback and reaches its compile thresholds for a fraction of the work, so the real runs that
 * follow start nearer their warm speed (docs/performance.md, part 16w: a worker's import and
 * first ten runs cost less by more than the warm-up itself).
 *
 * The warm-up changes no result: its runs are discarded, and a run never depends on the runs a
 * thread made before it (a sweep's files are byte-identical with one worker or two, whatever
 * tasks each thread happened to run first). It is skipped where it cannot help or could cost
 * much: a model without the community's built structure, and modules of the user's own.
 */
import type { Scenario } from '../scenario/schema.js';
import { runScenario } from './run.js';

/** Warm-up runs before a thread's first task: about 20 ms of CPU each for the Q community's 97 days. */
export const WARM_UP_RUNS = 3;

/** The scenario on one compound of one building (its floors and households as the scenario has them), or undefined without a community section. */
export function oneBuilding(scenario: Scenario): Scenario | undefined {
  const community = (scenario as { community?: Record<string, unknown> }).community;
  if (!community) return undefined;
  return { ...scenario, community: { ...community, compounds: 1, buildingsPerCompound: { min: 1, max: 1 } } } as Scenario;
}

/** Runs the scenario WARM_UP_RUNS times on one building, for the compiler's sake only; returns the runs made. */
export function warmUpThread(scenario: Scenario, runSeed: string): number {
  const small = oneBuilding(scenario);
  if (!small) return 0;
  let runs = 0;
  try {
    for (; runs < WARM_UP_RUNS; runs++) runScenario(small, { runSeed: `${runSeed}/warm-up/${runs}` });
  } catch {
    // A scenario that does not fit in one building (a model check refuses it) is warmed up no
    // further; the real run reports whatever is wrong with the scenario itself.
  }
  return runs;
}

let warmedUp = false;

/**
 * Before a thread's first task only (both worker scripts call it before every task): warms the
 * thread up on that task's scenario, unless the task brings modules of the user's own. Returns
 * the warm-up runs made.
 */
export function warmUpOnce(task: { scenario: Scenario; runSeed: string; moduleFiles?: unknown }): number {
  if (warmedUp) return 0;
  warmedUp = true;
  return task.moduleFiles ? 0 : warmUpThread(task.scenario, task.runSeed);
}
