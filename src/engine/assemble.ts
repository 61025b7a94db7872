/**
 * Assembly: a list of modules becomes one model. Requirements are resolved (a missing one or a
 * cycle is an error naming the modules), every table is allocated once with every module's
 * columns, processes are ordered by slot, then `order`, then module order — the day written once,
 * and printable with `plan()` — counters become daily metrics, and measures are collected.
 */
import { createTable, type ColumnSpec } from './table.js';
import type { Metric } from './metric.js';
import type { Process, StepContext } from './process.js';
import type { Rng } from './random.js';
import type { TimelineEvent } from './timeline.js';
import { writtenAgain } from './written-again.js';
import {
  SLOTS, TABLES,
  type Counter, type Intervention, type ModuleDef, type ModuleProcess, type ModuleStepContext, type ModuleWorld,
  type RunView, type Slot, type TableName,
} from './module.js';

/** A problem with the module list itself; `index` is the position of the entry at fault, if any. */
export class ModuleError extends Error {
  constructor(message: string, readonly index?: number) {
    super(message);
    this.name = 'ModuleError';
  }
}

/** The reserved first process of every day: counters to zero, then the day's interventions. */
export const BEGIN_DAY = 'beginDay';

export interface AssembledProcess<W extends ModuleWorld> extends Process<W> {
  module: string;
  slot: Slot;
  order: number;
}

export interface Assembly<W extends ModuleWorld = ModuleWorld> {
  /** The modules in the order they were assembled (requirements first). */
  readonly modules: readonly ModuleDef<W>[];
  /** Every process of a day, in the order it runs; the first is `beginDay`. */
  readonly processes: readonly AssembledProcess<W>[];
  /** Every daily metric, in column order: headline metrics, then each module's counters and metrics. */
  readonly metrics: readonly Metric<W>[];
  readonly counters: readonly Counter[];
  /** Every summary measure (dotted), in module order. */
  readonly measures: readonly string[];
  /** Intervention by the names a scenario may date it under. */
  readonly interventions: ReadonlyMap<string, { module: string; intervention: Intervention<W> }>;
  readonly columns: Readonly<Record<TableName, ColumnSpec>>;
  /** Items contributed under a key, in module order. */
  provided<T>(key: string): readonly T[];
  /** A new world for a scenario: tables allocated and populated (from the `population` stream and any named ones), counters zeroed, own states set. */
  createWorld(scenario: unknown, streams: { get(name: string): Rng }): W;
  /** The whole-run summary: each module's measures merged in module order. */
  summarise(world: W, run: RunView): Record<string, unknown>;
  /** The assembled day as text: modules, processes in order, metrics, measures. */
  plan(): string;
}

/** Orders modules so that each comes after what it requires, otherwise keeping the list's order. */
function resolveOrder<W extends ModuleWorld>(modules: readonly ModuleDef<W>[]): ModuleDef<W>[] {
  const byName = new Map<string, { def: ModuleDef<W>; index: number }>();
  modules.forEach((def, index) => {
    if (byName.has(def.name)) throw new ModuleError(`module "${def.name}" is listed twice`, index);
    byName.set(def.name, { def, index });
  });
  for (const { def, index } of byName.values()) {
    for (const r of def.requires ?? []) {
      if (!byName.has(r)) throw new ModuleError(`module "${def.name}" requires "${r}", which is not in the model: add it to modules`, index);
    }
  }
  const placed = new Set<string>();
  const out: ModuleDef<W>[] = [];
  while (out.length < modules.length) {
    const next = modules.find((m) => !placed.has(m.name) && (m.requires ?? []).every((r) => placed.has(r)));
    if (!next) {
      const stuck = modules.filter((m) => !placed.has(m.name));
      const cycle = stuck.map((m) => `${m.name} requires ${(m.requires ?? []).filter((r) => !placed.has(r)).join(', ')}`).join('; ');
      throw new ModuleError(`modules require each other in a cycle: ${cycle}`, byName.get(stuck[0].name)!.index);
    }
    placed.add(next.name);
    out.push(next);
  }
  return out;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    const t = target[k];
    if (t && v && typeof t === 'object' && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) mergeInto(t as Record<string, unknown>, v as Record<string, unknown>);
    else target[k] = v;
  }
}

export function assemble<W extends ModuleWorld = ModuleWorld>(list: readonly ModuleDef<W>[]): Assembly<W> {
  const modules = resolveOrder(list);

  const columns = Object.fromEntries(TABLES.map((t) => [t, {} as ColumnSpec])) as Record<TableName, ColumnSpec>;
  const columnOwner = new Map<string, string>();
  for (const m of modules) {
    for (const [table, spec] of Object.entries(m.columns ?? {}) as [TableName, ColumnSpec][]) {
      for (const [name, type] of Object.entries(spec)) {
        const key = `${table}.${name}`;
        if (columnOwner.has(key)) throw new ModuleError(`column ${key} is declared by both "${columnOwner.get(key)}" and "${m.name}"`);
        columnOwner.set(key, m.name);
        columns[table][name] = type;
      }
    }
  }

  const provisions = new Map<string, unknown[]>();
  for (const m of modules) {
    for (const [key, items] of Object.entries(m.provides ?? {})) provisions.set(key, [...(provisions.get(key) ?? []), ...items]);
  }
  const provided = <T>(key: string): readonly T[] => (provisions.get(key) ?? []) as T[];

  const counters: Counter[] = [];
  const counterOwner = new Map<string, string>();
  const metrics: Metric<W>[] = [];
  for (const m of modules) {
    for (const c of m.counters ?? []) {
      if (counterOwner.has(c.name)) throw new ModuleError(`counter "${c.name}" is declared by both "${counterOwner.get(c.name)}" and "${m.name}"`);
      counterOwner.set(c.name, m.name);
      counters.push(c);
      if (c.record !== false) {
        const name = c.name;
        metrics.push({ name, unit: c.unit, description: c.description, sample: (w) => w.today[name] });
      }
    }
    metrics.push(...(m.metrics ?? []));
  }
  // Headline metrics first (stable sort: otherwise module order).
  metrics.sort((a, b) => Number(b.headline ?? false) - Number(a.headline ?? false));
  const counterNames = counters.map((c) => c.name);

  const interventions = new Map<string, { module: string; intervention: Intervention<W> }>();
  const bareNames = new Map<string, number>();
  for (const m of modules) for (const i of m.interventions ?? []) bareNames.set(i.name, (bareNames.get(i.name) ?? 0) + 1);
  for (const m of modules) {
    for (const i of m.interventions ?? []) {
      interventions.set(`${m.name}.${i.name}`, { module: m.name, intervention: i });
      // The bare name is accepted only where it is unambiguous (scenarios written before modules).
      if (bareNames.get(i.name) === 1) interventions.set(i.name, { module: m.name, intervention: i });
    }
  }

  const beginDay: AssembledProcess<W> = {
    name: BEGIN_DAY,
    module: '(engine)',
    slot: 'dawn',
    order: -Infinity,
    step(world, ctx) {
      const today = world.today;
      for (let i = 0; i < counterNames.length; i++) today[counterNames[i]] = 0;
      for (const event of ctx.events) {
        const found = interventions.get(event.type);
        if (!found) throw new Error(`no module in this model handles events of type "${event.type}"`);
        found.intervention.apply(world, world.state[found.module], event as TimelineEvent, ctx as ModuleStepContext);
      }
    },
  };

  const ordered: AssembledProcess<W>[] = [];
  const processNames = new Set<string>([BEGIN_DAY]);
  modules.forEach((m) => {
    for (const p of m.processes ?? []) {
      if (processNames.has(p.name)) throw new ModuleError(`process "${p.name}" (module "${m.name}") is named twice; a process name is also its random stream's name`);
      processNames.add(p.name);
      ordered.push(wrap(m.name, p));
    }
  });
  const slotRank = (s: string) => SLOTS.indexOf(s as (typeof SLOTS)[number]);
  // Array.prototype.sort is stable, so ties keep module order.
  ordered.sort((a, b) => slotRank(a.slot) - slotRank(b.slot) || a.order - b.order);
  const processes = [beginDay, ...ordered];

  const measures: string[] = [];
  for (const m of modules) measures.push(...(m.measures?.names ?? []));

  return {
    modules,
    processes,
    metrics,
    counters,
    measures,
    interventions,
    columns,
    provided,
    createWorld(scenario, streams) {
      const populationRng = streams.get('population');
      // Counters are built in one go: added one by one with keyed stores, V8 would switch the
      // object to slow (dictionary) properties, and every `today.x += …` in a hot loop would pay.
      // Each is first given -0, which V8 stores as a double (0 would be a small integer), then 0:
      // the fields hold doubles from the start. Built with 0, a field changed to a double the first
      // day a module added a fraction to it (hours, yuan), and each such change replaced the
      // object's map, which threw away the optimised code of every process reading `world.today`
      // and the compilations under way (docs/performance.md, part 16o).
      const today = writtenAgain(Object.fromEntries(counterNames.map((c) => [c, -0])));
      const world = { scenario, today, state: {} } as unknown as W;
      const allocated = new Set<TableName>();
      const allocate = (table: TableName, rows: number) => {
        if (allocated.has(table)) throw new Error(`table ${table} is allocated twice`);
        allocated.add(table);
        (world as ModuleWorld)[table] = createTable(rows, columns[table]);
      };
      const stream = (name: string) => streams.get(name);
      for (const m of modules) m.populate?.(world, { scenario, rng: populationRng, stream, allocate });
      for (const t of TABLES) if (!allocated.has(t)) allocate(t, 0);
      // In module order, so a module's init may read the state of those before it; then copied in
      // one go, for the same fast properties as the counters (processes read it every day).
      for (const m of modules) world.state[m.name] = m.init ? m.init(world) : {};
      world.state = Object.fromEntries(Object.entries(world.state));
      return world;
    },
    summarise(world, run) {
      const summary: Record<string, unknown> = {};
      for (const m of modules) if (m.measures) mergeInto(summary, m.measures.summarise(world, world.state[m.name], run));
      return summary;
    },
    plan() {
      const lines = [`modules (${modules.length}, in order): ${modules.map((m) => m.name).join(', ')}`, '', 'a day:'];
      for (const p of processes) {
        const phases = p.phases ? `  [${p.phases.join(', ')}]` : '';
        const what = p.name === BEGIN_DAY ? 'counters to zero; dated interventions' : '';
        lines.push(`  ${p.slot.padEnd(9)} ${`${p.module}.${p.name}`.padEnd(44)}${what}${phases}`.trimEnd());
      }
      lines.push('  night     (engine) record every metric');
      lines.push('', `daily metrics (${metrics.length}): ${metrics.map((m) => m.name).join(', ')}`);
      lines.push('', `summary measures (${measures.length}): ${measures.join(', ')}`);
      const named = [...interventions.keys()].filter((k) => k.includes('.'));
      lines.push('', `interventions: ${named.length ? named.join(', ') : 'none'}`);
      if (provisions.size) {
        lines.push('', 'contributions:');
        for (const [key, items] of provisions) {
          const label = (item: unknown) => {
            const { name, priority } = item as { name?: string; priority?: number };
            return `${name ?? '?'}${priority === undefined ? '' : ` (${priority})`}`;
          };
          lines.push(`  ${key}: ${items.map(label).join(', ')}`);
        }
      }
      return lines.join('\n');
    },
  };

  function wrap(module: string, p: ModuleProcess<W>): AssembledProcess<W> {
    return {
      name: p.name,
      module,
      slot: p.slot,
      order: p.order ?? 0,
      phases: p.phases,
      step: (world: W, ctx: StepContext) => p.step(world, world.state[module], ctx as ModuleStepContext),
    };
  }
}
