/** Messages between the page and the simulation worker. */
import type { MetricInfo } from '../../../src/experiment/run.js';
import type { Summary } from '../../../src/model/index.js';
import type { ScenarioProblem } from '../../../src/scenario/errors.js';
import type { PhaseSpan } from '../data/run-data.js';
import type { CommunityLayout } from '../data/community.js';

export interface ScenarioJob {
  /** Key in `files` of the scenario to run. */
  file: string;
  overrides: Record<string, unknown>;
  /** Modules taken out of the scenario's `modules:` list (teacher mode's society switches). */
  withoutModules?: string[];
}

export interface RunRequest {
  type: 'run';
  runId: number;
  /** One or two scenarios (the second is the comparison), run one after the other. */
  jobs: ScenarioJob[];
  /** Scenario texts by path: the shipped ones plus any the user opened. */
  files: Record<string, string>;
  seed: number;
  replicates: number;
  /** Milliseconds between days (0: as fast as possible). */
  delayMs: number;
  paused: boolean;
  /**
   * Teacher mode: undefined runs the scenario's own timeline; null holds the crisis back;
   * a day index starts the crisis on that day.
   */
  crisisDay?: number | null;
  /** Simulate this many days at once before pacing (replaying up to where the teacher was). */
  catchUpTo?: number;
}

export type ToWorker =
  | RunRequest
  | { type: 'pause' }
  | { type: 'play' }
  | { type: 'step' }
  | { type: 'speed'; delayMs: number }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'start'; runId: number; slot: number; replicate: number; file: string; label: string; dates: string[]; phases: string[]; phaseSpans: PhaseSpan[]; metrics: MetricInfo[]; recoveryThreshold: number; households: number }
  /** Metric columns of the days from `from` on (the worker sends Float64Arrays and transfers them). */
  | { type: 'days'; runId: number; slot: number; replicate: number; from: number; columns: Record<string, ArrayLike<number>> }
  /** The main run's community (its first replicate): where each household lives. */
  | { type: 'community'; runId: number; layout: CommunityLayout; days: number }
  /** The main run's household states for the days from `from` on (households bytes a day). */
  | { type: 'householdDays'; runId: number; from: number; met: Uint8Array; infection: Uint8Array | null }
  | { type: 'replicateDone'; runId: number; slot: number; replicate: number; summary: Summary }
  | { type: 'done'; runId: number }
  /** Teacher mode: the normal period has run its days and waits for the crisis (it never ends by itself). */
  | { type: 'waiting'; runId: number }
  | { type: 'problems'; runId: number; problems: ScenarioProblem[] }
  | { type: 'error'; runId: number; message: string };
