/**
 * The simulation loop: for each day, the ordered processes active in that day's phase step the
 * world, then every metric is sampled. Snapshots (world and random states) allow warm starts:
 * run the normal period once, then branch several crisis variants from the same state.
 */
import { Calendar } from './calendar.js';
import { MetricRecorder, type Metric } from './metric.js';
import type { Process, StepContext } from './process.js';
import { RandomStreams } from './random.js';
import type { Timeline, TimelineEvent } from './timeline.js';

export interface SimulationOptions<W> {
  world: W;
  calendar: Calendar;
  timeline: Timeline;
  processes: readonly Process<W>[];
  metrics: readonly Metric<W>[];
  /** The run seed (see `deriveSeed`). */
  seed: string;
  /** Fields added to every step context (e.g. an assembled model's `provided`). */
  context?: Record<string, unknown>;
}

/** A step context whose day fields the loop rewrites each day (to the processes it is read-only). */
type DayContext = { -readonly [K in keyof StepContext]: StepContext[K] };

const NO_EVENTS: readonly TimelineEvent[] = [];

export interface Snapshot<W> {
  day: number;
  world: W;
  randomStates: Record<string, object>;
  columns: Record<string, Float64Array>;
}

export class Simulation<W> {
  world: W;
  /** The next day to simulate. */
  day = 0;
  readonly calendar: Calendar;
  readonly timeline: Timeline;
  readonly processes: readonly Process<W>[];
  private streams: RandomStreams;
  private recorder: MetricRecorder<W>;
  private readonly context: Record<string, unknown>;
  /**
   * Each process's step context, and the metrics' (last), made once per stream set: each day
   * writes the day's fields into them. Spread afresh for every process every day, they were
   * about 5 % of a warm default-size run (docs/performance.md, part 16v).
   */
  private contexts: (DayContext | null)[] = [];
  /** The processes that run in `activePhase`, and their contexts: the phase changes a few times a run. */
  private activePhase: string | null = null;
  private active: { process: Process<W>; ctx: DayContext }[] = [];

  constructor(opts: SimulationOptions<W>) {
    this.world = opts.world;
    this.calendar = opts.calendar;
    this.timeline = opts.timeline;
    this.processes = opts.processes;
    const names = new Set<string>();
    for (const p of opts.processes) {
      if (names.has(p.name)) throw new Error(`process "${p.name}" is listed twice`);
      names.add(p.name);
    }
    this.streams = new RandomStreams(opts.seed);
    this.context = opts.context ?? {};
    this.recorder = new MetricRecorder(opts.metrics, opts.calendar.days);
    this.makeContexts();
  }

  /**
   * Forgets the contexts (a new stream set): each is made, with its own stream, when the phase
   * its process first runs in begins (the phase's processes are listed then), so a snapshot lists
   * the streams of the processes that have run.
   */
  private makeContexts(): void {
    this.contexts = new Array(this.processes.length + 1).fill(null);
    this.activePhase = null;
  }

  /** The context of process i (the metrics' for i = the number of processes). */
  private contextOf(i: number, name: string): DayContext {
    const stream = (name: string) => this.streams.get(name);
    return (this.contexts[i] ??= { ...this.context, day: 0, date: '', phase: '', events: NO_EVENTS, stream, rng: stream(name) });
  }

  get done(): boolean {
    return this.day >= this.calendar.days;
  }

  /** Daily metric columns recorded so far (NaN for days not yet run). */
  get columns(): Record<string, Float64Array> {
    return this.recorder.columns;
  }

  /** Simulates one day. */
  step(): void {
    if (this.done) throw new Error('the simulation has already reached its end date');
    const day = this.day;
    const phase = this.timeline.phaseAt(day);
    const date = this.calendar.dateOf(day);
    const events = this.timeline.eventsOn(day);
    if (phase !== this.activePhase) {
      this.activePhase = phase;
      this.active = [];
      this.processes.forEach((process, i) => {
        if (!process.phases || process.phases.includes(phase)) this.active.push({ process, ctx: this.contextOf(i, process.name) });
      });
    }
    const active = this.active;
    for (let i = 0; i < active.length; i++) {
      const { process, ctx } = active[i];
      ctx.day = day;
      ctx.date = date;
      ctx.phase = phase;
      ctx.events = events;
      process.step(this.world, ctx);
    }
    const ctx = this.contextOf(this.processes.length, 'metrics');
    ctx.day = day;
    ctx.date = date;
    ctx.phase = phase;
    ctx.events = events;
    this.recorder.record(this.world, ctx);
    this.day++;
  }

  /** Runs until `untilDay` (exclusive) or the end date. */
  run(untilDay = this.calendar.days): this {
    while (this.day < Math.min(untilDay, this.calendar.days)) this.step();
    return this;
  }

  /** A deep copy of the state after the last simulated day. */
  snapshot(): Snapshot<W> {
    return structuredClone({
      day: this.day,
      world: this.world,
      randomStates: this.streams.states(),
      columns: this.recorder.columns,
    });
  }

  /** Continues from a snapshot: the days after it replay exactly as they would have. */
  restore(snapshot: Snapshot<W>): this {
    const copy = structuredClone(snapshot);
    this.day = copy.day;
    this.world = copy.world;
    this.streams = new RandomStreams(this.streams.runSeed, copy.randomStates);
    this.makeContexts();
    for (const [name, column] of Object.entries(copy.columns)) {
      if (this.recorder.columns[name]) this.recorder.columns[name].set(column);
    }
    return this;
  }
}
