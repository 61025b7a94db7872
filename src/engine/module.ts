/**
 * The module contract: an institution (a residents' committee, party members, an epidemic…) as
 * one plug-in that declares, top-down, its parameters, its state and its behaviour:
 *
 *   parameters  scenario sections it owns, each a schema whose leaves say their meaning and unit
 *   state       columns it adds to the shared tables, its own plain state, what it draws when the
 *               population is built
 *   behaviour   processes placed in a slot of the day, counters that become daily metrics,
 *               further metrics, interventions dated in the scenario, whole-run summary measures
 *
 * Modules meet only through the shared tables, the day's counters, and named contributions
 * (`provides`): a module can offer items under a key that another module collects — a carrier
 * for the delivery cascade, say — without either editing a central list. `assemble()` puts a
 * list of modules together into one model and can print its day.
 *
 * The contract knows nothing of any institution; it needs no schema library at run time (the
 * parameter schemas are opaque here and composed by the scenario layer).
 */
import type { Calendar } from './calendar.js';
import type { Metric } from './metric.js';
import type { StepContext } from './process.js';
import type { Rng } from './random.js';
import type { ColumnSpec } from './table.js';
import type { Timeline, TimelineEvent } from './timeline.js';

/** The shared tables every module can add columns to, one row per entity. */
export const TABLES = ['residents', 'households', 'buildings', 'compounds'] as const;
export type TableName = (typeof TABLES)[number];

/** The parts of a day, in order. Processes run by slot, then `order`, then module order. */
export const SLOTS = ['dawn', 'morning', 'afternoon', 'evening', 'night'] as const;
export type Slot = (typeof SLOTS)[number];

/**
 * The simulated world as modules see it: the validated scenario, the shared tables (with every
 * module's columns), today's counters and each module's own state. Plain data and typed arrays
 * only, so a snapshot is a structured clone.
 */
/** A shared table as the contract sees it: a row count and typed-array columns by name. */
export type AnyTable = { readonly count: number; readonly [column: string]: any };

export interface ModuleWorld<S = any> {
  scenario: S;
  residents: AnyTable;
  households: AnyTable;
  buildings: AnyTable;
  compounds: AnyTable;
  /** What happened today, by counter name; zeroed each dawn, recorded each night. */
  today: Record<string, number>;
  /** Each module's own state, by module name. */
  state: Record<string, any>;
}

/** What a process is handed besides the world: the step context and the model's contributions. */
export interface ModuleStepContext extends StepContext {
  /** Items other modules contribute under a key, in module order (see `provides`). */
  provided<T>(key: string): readonly T[];
}

export interface ModuleProcess<W extends ModuleWorld = ModuleWorld, O = any> {
  /** Also the name of its random stream: keep it stable, or seeded outputs change. */
  name: string;
  slot: Slot;
  /** Position within the slot (lower first; default 0); ties keep module order. */
  order?: number;
  /** Phases it runs in; every phase when absent. */
  phases?: readonly string[];
  step(world: W, own: O, ctx: ModuleStepContext): void;
}

export interface Counter {
  name: string;
  unit: string;
  description: string;
  /** false: a working tally other metrics read, not a column of its own. */
  record?: boolean;
}

export interface Intervention<W extends ModuleWorld = ModuleWorld, O = any> {
  /** Dated in a scenario as `type: '<module>.<name>'` (or `<name>` where no other module has it). */
  name: string;
  description: string;
  /** Schema of the event's other fields (opaque here; composed by the scenario layer). */
  args: unknown;
  /** Applied at dawn of the event's day, before any process. */
  apply(world: W, own: O, event: TimelineEvent, ctx: ModuleStepContext): void;
}

/** What a finished run offers a module's summary. */
export interface RunView {
  columns: Record<string, Float64Array>;
  calendar: Calendar;
  timeline: Timeline;
}

export interface Measures<W extends ModuleWorld = ModuleWorld, O = any> {
  /** Every dotted summary key this module writes, in order (checked against a real run by a test). */
  names: readonly string[];
  /** A nested object whose leaves are those keys; merged into the run summary in module order. */
  summarise(world: W, own: O, run: RunView): Record<string, unknown>;
}

export interface PopulateContext<S = any> {
  scenario: S;
  /**
   * The population stream, shared by every module's `populate` in module order, so the draws
   * that build a community stay in one sequence (as a survey sample would be drawn).
   */
  rng: Rng;
  /**
   * A named stream of the module's own (e.g. `population.socialWorkers`), derived from the run
   * seed: draws a module adds here never shift the shared population sequence, so adding the
   * module leaves everyone else's population exactly as it was.
   */
  stream(name: string): Rng;
  /** Allocates a shared table with every module's columns; each table once. */
  allocate(table: TableName, rows: number): void;
}

export interface ModuleDef<W extends ModuleWorld = ModuleWorld, O = any> {
  name: string;
  /** What the module is and which paper it follows, in a sentence or two. */
  description: string;
  /** Modules that must be assembled before this one. */
  requires?: readonly string[];
  // ─── parameters ───
  /** Scenario sections the module owns, by top-level key: schemas built with `p(schema, meaning, unit)`. */
  params?: Readonly<Record<string, unknown>>;
  /** Checks across sections that a schema cannot express; each problem with its path. */
  check?(scenario: any): { path: (string | number)[]; message: string }[];
  // ─── state ───
  columns?: Partial<Record<TableName, ColumnSpec>>;
  /** Lays out or draws the module's part of the population (tables are allocated here). */
  populate?(world: W, ctx: PopulateContext): void;
  /** The module's own initial state, after every module has populated. */
  init?(world: W): O;
  /** The crisis timeline's phases, from the scenario (at most one module per model). */
  phases?(scenario: any, calendar: Calendar): { name: string; startDay: number }[];
  // ─── behaviour ───
  processes?: readonly ModuleProcess<W, O>[];
  counters?: readonly Counter[];
  metrics?: readonly Metric<W>[];
  interventions?: readonly Intervention<W, O>[];
  measures?: Measures<W, O>;
  /** Items offered to other modules, by key (e.g. `'provision.carriers'`). */
  provides?: Readonly<Record<string, readonly unknown[]>>;
}

/** Declares a module; returns it unchanged, typed. */
export function defineModule<W extends ModuleWorld = ModuleWorld, O = any>(def: ModuleDef<W, O>): ModuleDef<W, O> {
  return def;
}
