/** How many days each run of a sweep simulates, from the experiment or from a folder's experiment.json. */
import { Calendar } from '../engine/calendar.js';
import { UserError } from '../user-error.js';
import type { ResolvedExperiment } from './load.js';

export function daysOfRun(exp: ResolvedExperiment, runId: number): number {
  const s = exp.pointScenarios[Math.floor(runId / exp.replicates)];
  return s ? new Calendar(s.calendar.start, s.calendar.end).days : NaN;
}

/** The same from an experiment.json record (for merging folders without the experiment file). */
export function daysOfRecordRun(record: Record<string, any>, runId: number, file: string): number {
  const point = record.points?.[Math.floor(runId / record.replicates)];
  const calendar = record.baseScenario?.calendar;
  if (!point || !calendar) throw new UserError(`${file}: has no point for run ${runId} or no base calendar; is it a crsim sweep record?`);
  const p = point.parameters ?? {};
  const c = p.calendar ?? {};
  return new Calendar(p['calendar.start'] ?? c.start ?? calendar.start, p['calendar.end'] ?? c.end ?? calendar.end).days;
}
