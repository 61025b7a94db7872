/**
 * Building RunData from the worker's messages as they arrive: a `start` opens a replicate (all
 * NaN), `days` fill in its columns from a day on, `replicateDone` adds its summary. Runs are kept
 * per slot (0: the main scenario, 1: the comparison).
 */
import type { FromWorker } from '../worker/protocol.js';
import { emptyColumns, type RunData } from './run-data.js';

type StartMessage = Extract<FromWorker, { type: 'start' }>;

export function applyWorkerMessage(runs: (RunData | null)[], m: FromWorker, labelOf: (m: StartMessage) => string = (s) => s.label): void {
  switch (m.type) {
    case 'start': {
      let run = runs[m.slot];
      // Replicate 0 starts the run afresh (a new run, or the same slot re-run after a change).
      if (!run || m.replicate === 0) {
        run = { label: labelOf(m), dates: m.dates, phases: m.phases, phaseSpans: m.phaseSpans, metrics: m.metrics, replicates: [], summaries: [] };
        runs[m.slot] = run;
      }
      run.replicates[m.replicate] = emptyColumns(m.metrics, m.dates.length);
      run.summaries[m.replicate] = null;
      break;
    }
    case 'days': {
      const rep = runs[m.slot]?.replicates[m.replicate];
      if (!rep) break;
      for (const [name, values] of Object.entries(m.columns)) rep[name]?.set(values, m.from);
      break;
    }
    case 'replicateDone': {
      const run = runs[m.slot];
      if (run) run.summaries[m.replicate] = m.summary;
      break;
    }
    default:
      break;
  }
}
