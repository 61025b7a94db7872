/**
 * A process is one named piece of behaviour run once per day tick, in the order the model lists
 * them, during the phases it names. Its randomness comes from its own stream (`ctx.rng`).
 */
import type { Rng } from './random.js';
import type { TimelineEvent } from './timeline.js';

export interface StepContext {
  /** Day index since the start date (0-based). */
  readonly day: number;
  /** ISO date of this day. */
  readonly date: string;
  /** Name of the phase this day falls in. */
  readonly phase: string;
  /** Events dated today. */
  readonly events: readonly TimelineEvent[];
  /** This process's own seeded stream. */
  readonly rng: Rng;
  /** Any named stream, for processes that need more than one. */
  stream(name: string): Rng;
}

export interface Process<W> {
  readonly name: string;
  /** Phases the process runs in; all phases when absent. */
  readonly phases?: readonly string[];
  step(world: W, ctx: StepContext): void;
}
