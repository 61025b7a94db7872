/** What the experiment commands share: a progress bar and errors reported without a stack. */
import cliProgress from 'cli-progress';
import { exitWithFailure } from '../exit.js';

/** A progress bar on stderr (runs done, runs per second, time left), or nothing when not a TTY or quiet. */
export function progressBar(total: number, quiet: boolean | undefined): { tick(): void; stop(): void } {
  if (quiet || !process.stderr.isTTY || total === 0) return { tick() {}, stop() {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} runs | {speed} runs/s | {eta_formatted} left',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { speed: '0.0' });
  let done = 0;
  return {
    tick() {
      done++;
      bar.update(done, { speed: (done / ((performance.now() - started) / 1000)).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}

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
