/**
 * The pace of a teacher's run: the worker sleeps between days, and a message (speed, play, step,
 * a new run, cancel) wakes it at once. One sleep is pending at a time, so one timer: waking early
 * clears it. Left running, that timer would later cut short the *next* sleep, whose own timer
 * would cut short the one after, and so on — after a single speed change or crisis click a run
 * went on at about twice the speed the teacher chose, and faster with each further change.
 */
export interface Pacer {
  /** Resolves after `ms`, or sooner when `wakeUp` is called. */
  sleep(ms: number): Promise<void>;
  /** Resolves only when `wakeUp` is called (a paused run). */
  waitForWake(): Promise<void>;
  /** Ends the pending sleep or wait now, if there is one. */
  wakeUp(): void;
}

export function createPacer(): Pacer {
  let wake: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wakeUp = () => {
    clearTimeout(timer);
    timer = undefined;
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(wakeUp, ms);
      }),
    waitForWake: () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
    wakeUp,
  };
}
