/**
 * What the experiment commands share: a progress bar (errors reported without a stack are
 * ../report-errors.ts's, which `crsim run` imports without loading cli-progress).
 */
import cliProgress from 'cli-progress';

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
