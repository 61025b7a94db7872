/**
 * The teacher's pace (viz/src/worker/pacer.ts): a sleep woken early by a message must not leave
 * its timer to cut short the sleeps after it, or a run goes faster than the speed the teacher set
 * after every speed change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer } from '../../viz/src/worker/pacer.js';

describe('the pacer of a teacher run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Whether a promise has settled after the timers advance by `ms`. */
  const settledAfter = async (p: Promise<void>, ms: number) => {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms);
    return done;
  };

  it('sleeps the time asked, and wakes at once when woken', async () => {
    const pacer = createPacer();
    expect(await settledAfter(pacer.sleep(30), 29)).toBe(false);
    const next = pacer.sleep(30);
    pacer.wakeUp();
    expect(await settledAfter(next, 0)).toBe(true);
  });

  it('a sleep woken early leaves nothing behind: every later sleep lasts its full time', async () => {
    const pacer = createPacer();
    // A slow day, woken 10 ms in by a speed change (as the worker's 'speed' message does).
    const slow = pacer.sleep(900);
    await vi.advanceTimersByTimeAsync(10);
    pacer.wakeUp();
    await slow;
    // The days after it, at the new speed: none may end before its 30 ms, whatever timers the
    // earlier sleeps set.
    for (let day = 0; day < 40; day++) {
      const sleep = pacer.sleep(30);
      expect(await settledAfter(sleep, 29), `day ${day}`).toBe(false);
      expect(await settledAfter(sleep, 1), `day ${day}`).toBe(true);
    }
  });

  it('a paused run waits until woken, not for a timer', async () => {
    const pacer = createPacer();
    const slow = pacer.sleep(50);
    pacer.wakeUp();
    await slow;
    const paused = pacer.waitForWake();
    expect(await settledAfter(paused, 1_000)).toBe(false);
    pacer.wakeUp();
    expect(await settledAfter(paused, 0)).toBe(true);
  });
});
