/** The last step of a sweep: the finished folder, read back from disk, holds every run once and whole. */
import { checkSweepTables } from './folder-checks.js';
import type { ResolvedExperiment } from './load.js';
import { daysOfRun } from './run-days.js';
import { UserError } from '../user-error.js';

export function verifyFinishedFolder(dir: string, exp: ResolvedExperiment, expected: number[]): void {
  const held = checkSweepTables(dir, { daysOf: (id) => daysOfRun(exp, id), advice: 'the folder was changed while the sweep ran; resume it (crsim sweep … --resume)' });
  const missing = expected.filter((id) => !held.has(id));
  if (missing.length > 0 || held.size !== expected.length) {
    throw new UserError(
      `${dir}/runs.csv holds ${held.size} runs but the sweep expects ${expected.length}` +
        `${missing.length ? ` (missing run ids ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})` : ''}; ` +
        'was the folder written by another process? Resume it with crsim sweep … --resume.',
    );
  }
}
