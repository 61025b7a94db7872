/** What the experiment commands share: a progress bar and errors reported without a stack. */
import cliProgress from 'cli-progress';
import { ScenarioError } from '../../scenario/errors.js';
import { WarmStartError } from '../../experiment/warm-start.js';

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
 * message), any other failure exits 2 with its message. Finished runs are already on disk.
 */
export async function reportErrors(what: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`crsim: invalid ${what}\n${e.message}\n`);
      process.exit(1);
    }
    if (e instanceof WarmStartError) {
      process.stderr.write(`crsim: ${e.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`crsim: ${(e as Error).message ?? e}\n`);
    process.exit(2);
  }
}
