/**
 * The simulation worker: parses scenarios with the library's own parser, runs the library's
 * model day by day and posts each day's metrics, so the page stays responsive and the charts
 * fill in as the community lives through the lockdown. Pacing (pause, step, speed) lives here
 * because the day loop does.
 */
import { collectResult, runSeedOf } from '../../../src/experiment/run.js';
import { assembleScenario, createSimulation, type World } from '../../../src/model/index.js';
import type { Simulation } from '../../../src/engine/simulation.js';
import { ScenarioError } from '../../../src/scenario/errors.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { readerOver } from '../data/scenarios.js';
import { spansOf } from '../data/run-data.js';
import { holdCrisis, startCrisisOn } from '../data/teacher.js';
import { parseWithout } from '../data/societies.js';
import type { FromWorker, RunRequest, ToWorker } from './protocol.js';
import { householdDay, layoutOf } from './household-recorder.js';
import { createPacer } from './pacer.js';

/**
 * Posts a message; the typed arrays named in `transfer` move to the page instead of being copied
 * (each is made for the message, so the worker never needs it again).
 */
const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let current: RunRequest | null = null;
let paused = false;
let delayMs = 0;
let stepsAllowed = 0;
const { sleep, waitForWake, wakeUp } = createPacer();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'run':
      current = m;
      paused = m.paused;
      delayMs = m.delayMs;
      stepsAllowed = 0;
      wakeUp();
      void execute(m);
      break;
    case 'pause':
      paused = true;
      break;
    case 'play':
      paused = false;
      wakeUp();
      break;
    case 'step':
      stepsAllowed++;
      wakeUp();
      break;
    case 'speed':
      delayMs = m.delayMs;
      wakeUp();
      break;
    case 'cancel':
      current = null;
      wakeUp();
      break;
  }
};

/** The days' metric columns, as copies of the simulation's own typed arrays (to be transferred). */
function dayColumns(sim: Simulation<World>, from: number, to: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(sim.columns)) out[name] = col.slice(from, to);
  return out;
}

/** Posts the days from `from` to `to`, their columns transferred. */
function postDays(req: RunRequest, sim: Simulation<World>, slot: number, replicate: number, from: number, to: number) {
  const columns = dayColumns(sim, from, to);
  post({ type: 'days', runId: req.runId, slot, replicate, from, columns }, Object.values(columns).map((c) => c.buffer));
}

function prepare(req: RunRequest, file: string, overrides: Record<string, unknown>, without: string[] = []): Scenario {
  const loaded = parseWithout(req.files[file], file, readerOver(req.files), overrides, without);
  let s = loaded.scenario;
  if (req.crisisDay === null) s = holdCrisis(s);
  else if (req.crisisDay !== undefined) {
    const start = Date.parse(`${s.calendar.start}T00:00:00Z`);
    s = startCrisisOn(s, new Date(start + req.crisisDay * 86_400_000).toISOString().slice(0, 10));
  }
  return s;
}

async function execute(req: RunRequest): Promise<void> {
  const live = () => current === req;
  let scenarios: Scenario[];
  try {
    scenarios = req.jobs.map((j) => prepare(req, j.file, j.overrides, j.withoutModules));
  } catch (e) {
    if (e instanceof ScenarioError) post({ type: 'problems', runId: req.runId, problems: e.problems });
    else post({ type: 'error', runId: req.runId, message: (e as Error).message });
    return;
  }
  // The comparison runs first, unpaced (a run takes well under a second), so the reference curve
  // is on screen while the main run fills in day by day beside it.
  const order = [...scenarios.keys()].slice(1).concat(0);
  for (const slot of order) {
    const scenario = scenarios[slot];
    for (let replicate = 0; replicate < req.replicates; replicate++) {
      if (!live()) return;
      const runSeed = runSeedOf(req.seed, replicate);
      const sim = createSimulation(scenario, runSeed);
      const dates = Array.from({ length: sim.calendar.days }, (_, d) => sim.calendar.dateOf(d));
      const phases = dates.map((_, d) => sim.timeline.phaseAt(d));
      const metrics = assembleScenario(scenario).metrics.map(({ name, unit, description }) => ({ name, unit, description }));
      post({ type: 'start', runId: req.runId, slot, replicate, file: req.jobs[slot].file, label: scenario.name, dates, phases, phaseSpans: spansOf(dates, phases), metrics, recoveryThreshold: scenario.resilience.recoveryThreshold, households: sim.world.households.count });
      // Only the first replicate of the main scenario is paced; the rest fill the band at full speed.
      const paced = slot === 0 && replicate === 0;
      // The community view draws the main run's households day by day: record them as it steps.
      const households: { met: Uint8Array; infection: Uint8Array | null }[] = [];
      let householdsFrom = 0;
      const postHouseholds = () => {
        if (!paced || households.length === 0) return;
        const n = households[0].met.length;
        const met = new Uint8Array(households.length * n);
        const infection = households[0].infection ? new Uint8Array(households.length * n) : null;
        households.forEach((h, i) => {
          met.set(h.met, i * n);
          if (infection && h.infection) infection.set(h.infection, i * n);
        });
        post({ type: 'householdDays', runId: req.runId, from: householdsFrom, met, infection }, infection ? [met.buffer, infection.buffer] : [met.buffer]);
        householdsFrom += households.length;
        households.length = 0;
      };
      if (paced) {
        const layout = layoutOf(sim);
        post({ type: 'community', runId: req.runId, layout, days: sim.calendar.days }, [layout.householdBuilding.buffer, layout.buildingCompound.buffer]);
      }
      const catchUp = paced ? Math.min(req.catchUpTo ?? 0, sim.calendar.days) : 0;
      if (catchUp > 0) {
        for (let d = 0; d < catchUp; d++) {
          sim.step();
          households.push(householdDay(sim));
        }
        postDays(req, sim, slot, replicate, 0, catchUp);
        postHouseholds();
      }
      let sliceStart = performance.now();
      let from = sim.day;
      while (!sim.done) {
        if (!live()) return;
        if (paced && paused && stepsAllowed === 0) {
          await waitForWake();
          continue;
        }
        if (paced && paused) stepsAllowed--;
        sim.step();
        if (paced) households.push(householdDay(sim));
        const pacedNow = paced && (delayMs > 0 || paused);
        // Post every paced day; batch fast days (about 30 updates a second) to spare the page.
        if (pacedNow || performance.now() - sliceStart > 33 || sim.done) {
          postDays(req, sim, slot, replicate, from, sim.day);
          postHouseholds();
          from = sim.day;
        }
        if (pacedNow && !paused) await sleep(delayMs);
        else if (performance.now() - sliceStart > 33) {
          // Yield so pause, speed and cancel messages get through.
          await sleep(0);
          sliceStart = performance.now();
        }
      }
      if (paced && req.crisisDay === null) {
        // Normal times held for the teacher: the run does not end, it waits at its last day
        // until the teacher starts the crisis (which starts a new run) or resets.
        if (live()) post({ type: 'waiting', runId: req.runId });
        return;
      }
      const summary = collectResult(sim, scenario, req.seed, replicate, runSeed).summary;
      post({ type: 'replicateDone', runId: req.runId, slot, replicate, summary });
    }
  }
  if (live()) post({ type: 'done', runId: req.runId });
}
