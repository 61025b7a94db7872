import { describe, expect, it } from 'vitest';
import { collectResult, runSeedOf } from '../../src/experiment/run.js';
import { createSimulation } from '../../src/model/index.js';
import { loadScenario, DEFAULT_SCENARIO } from '../../src/scenario/load.js';
import { applyWorkerMessage } from '../../viz/src/data/live-runs.js';
import { daysFilled, spansOf, type RunData } from '../../viz/src/data/run-data.js';
import type { FromWorker } from '../../viz/src/worker/protocol.js';

/** The messages the worker posts for one replicate, with days sent in uneven batches. */
function messages(replicate: number, batches: number[]): FromWorker[] {
  const { scenario } = loadScenario(DEFAULT_SCENARIO);
  const sim = createSimulation(scenario, runSeedOf(scenario.seed, replicate));
  const dates = Array.from({ length: sim.calendar.days }, (_, d) => sim.calendar.dateOf(d));
  const phases = dates.map((_, d) => sim.timeline.phaseAt(d));
  const metrics = collectResult(sim, scenario, scenario.seed, replicate, runSeedOf(scenario.seed, replicate)).metrics;
  const out: FromWorker[] = [{ type: 'start', runId: 1, slot: 0, replicate, file: DEFAULT_SCENARIO, label: scenario.name, dates, phases, phaseSpans: spansOf(dates, phases), metrics, recoveryThreshold: 0.95 }];
  let b = 0;
  while (!sim.done) {
    const from = sim.day;
    sim.run(from + batches[b++ % batches.length]);
    const columns: Record<string, number[]> = {};
    for (const [name, col] of Object.entries(sim.columns)) columns[name] = Array.from(col.subarray(from, sim.day));
    out.push({ type: 'days', runId: 1, slot: 0, replicate, from, columns });
  }
  out.push({ type: 'replicateDone', runId: 1, slot: 0, replicate, summary: collectResult(sim, scenario, scenario.seed, replicate, runSeedOf(scenario.seed, replicate)).summary });
  return out;
}

describe('building runs from worker messages', () => {
  it('fills each replicate day by day into exactly the series of the finished run', () => {
    const runs: (RunData | null)[] = [];
    const msgs = [...messages(0, [1, 7, 3]), ...messages(1, [40])];
    const days = (msgs[0] as Extract<FromWorker, { type: 'start' }>).dates.length;
    applyWorkerMessage(runs, msgs[0]);
    expect(daysFilled(runs[0]!)).toBe(0);
    applyWorkerMessage(runs, msgs[1]);
    expect(daysFilled(runs[0]!)).toBe(1);
    for (const m of msgs.slice(2)) applyWorkerMessage(runs, m);
    const run = runs[0]!;
    expect(run.replicates).toHaveLength(2);
    expect(daysFilled(run)).toBe(days);
    const { scenario } = loadScenario(DEFAULT_SCENARIO);
    for (const r of [0, 1]) {
      const sim = createSimulation(scenario, runSeedOf(scenario.seed, r)).run();
      expect(Array.from(run.replicates[r].q)).toEqual(Array.from(sim.columns.q));
      expect(Array.from(run.replicates[r].deliveriesPending)).toEqual(Array.from(sim.columns.deliveriesPending));
    }
    expect(run.summaries.every((s) => s !== null)).toBe(true);
  });

  it('starts a slot afresh when its replicate 0 starts again (a re-run after a change)', () => {
    const runs: (RunData | null)[] = [];
    for (const m of messages(0, [97])) applyWorkerMessage(runs, m);
    const again = messages(0, [97]);
    applyWorkerMessage(runs, again[0], () => 'now');
    expect(runs[0]!.label).toBe('now');
    expect(daysFilled(runs[0]!)).toBe(0);
    expect(runs[0]!.summaries).toEqual([null]);
  });
});
