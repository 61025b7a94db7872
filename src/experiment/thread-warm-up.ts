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
import type { ModelOptions } from '../model/index.js';
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

/** Runs the task's scenario WARM_UP_RUNS times on one building, for the compiler's sake only. */
export function warmUpThread(scenario: Scenario, runSeed: string, model: ModelOptions = {}): void {
  if (model.modules || model.extraMetrics) return;
  const small = oneBuilding(scenario);
  if (!small) return;
  try {
    for (let i = 0; i < WARM_UP_RUNS; i++) runScenario(small, { runSeed: `${runSeed}/warm-up/${i}` });
  } catch {
    // A scenario that does not fit in one building (a model check refuses it) is simply not warmed up.
  }
}
