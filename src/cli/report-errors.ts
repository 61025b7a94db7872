/** Errors of a command reported without a stack: a file of its own, so a command that shows no progress bar (`crsim run`) does not load cli-progress (27 ms of CPU at start-up). */
import { exitWithFailure } from './exit.js';

/**
 * Runs a command body; invalid input exits 1 with the problems listed (file:line:column: path:
 * message), a bug exits 2 with where to report it (see exit.ts). Finished runs are already on disk.
 */
export async function reportErrors(what: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    exitWithFailure(e, what);
  }
}
