/**
 * A worker thread warms up on its first task's scenario cut to one building (src/experiment/
 * thread-warm-up.ts). The warm-up must change no result: the task's outcome after it is the one
 * a thread that never warmed up gives.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { plannedTasks } from '../../src/experiment/sweep.js';
import { executeRun } from '../../src/experiment/task.js';
import { oneBuilding, warmUpThread, WARM_UP_RUNS } from '../../src/experiment/thread-warm-up.js';
import { runScenario } from '../../src/experiment/run.js';
import type { Scenario } from '../../src/scenario/schema.js';

const tasks = plannedTasks(loadExperiment(resolve(import.meta.dirname, '../../bench/sweep-bench.yaml')));

describe("a worker thread's warm-up", () => {
  it('runs the scenario on one building of one compound', () => {
    const small = oneBuilding(tasks[0].scenario)!;
    expect(small.community).toMatchObject({ compounds: 1, buildingsPerCompound: { min: 1, max: 1 } });
    expect(tasks[0].scenario.community.compounds).toBe(2); // the task's own scenario is left as it was
    const run = runScenario(small, { runSeed: 'small' });
    expect(run.dates.length).toBe(runScenario(tasks[0].scenario, { runSeed: 'small' }).dates.length);
    expect(oneBuilding({ ...tasks[0].scenario, community: undefined } as unknown as Scenario)).toBeUndefined();
  });

  it('leaves the outcome of the tasks after it unchanged', () => {
    const task = tasks[tasks.length - 1];
    const before = executeRun(task);
    // The warm-up runs in full (a warm-up that failed at once would leave outcomes unchanged too).
    expect(warmUpThread(tasks[0].scenario, tasks[0].runSeed)).toBe(WARM_UP_RUNS);
    expect(warmUpThread(task.scenario, task.runSeed)).toBe(WARM_UP_RUNS);
    expect(executeRun(task)).toEqual(before);
  });
});
