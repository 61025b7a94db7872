/**
 * A scenario's model: the modules its `modules:` list names, resolved against the built-in
 * registry and any modules the caller brings, assembled, and set up as a simulation with the
 * scenario's calendar, phases and dated events. Knows no institution itself.
 */
import { assemble, Calendar, ModuleError, RandomStreams, Simulation, Timeline, type Assembly, type Metric, type ModuleDef, type TimelineEvent } from '../engine/index.js';
import { BUILTIN_MODULES, Q_COMMUNITY } from '../modules/index.js';
import type { World } from '../modules/q-community.js';
import type { Scenario } from '../scenario/schema.js';

export interface ModelOptions {
  /** Modules of your own, which a scenario may then name in `modules:` (they may also replace a built-in of the same name). */
  modules?: readonly ModuleDef<any>[];
  /**
   * The files (paths or URLs) those modules come from. Worker threads import them, so sweeps
   * and comparisons with modules of your own can run on workers; see importModuleFiles.
   */
  moduleFiles?: readonly string[];
  /** Metrics recorded in addition to the modules' own. */
  extraMetrics?: readonly Metric<World>[];
}

/** The module definitions a list of names refers to; an unknown name is a ModuleError at its index. */
export function resolveModules(names: readonly string[], extra: readonly ModuleDef<any>[] = []): ModuleDef<any>[] {
  const registry = new Map(BUILTIN_MODULES);
  for (const m of extra) registry.set(m.name, m);
  return names.map((name, i) => {
    const def = registry.get(name);
    if (!def) throw new ModuleError(`no module named "${name}" (known: ${[...registry.keys()].join(', ')})`, i);
    return def;
  });
}

const cache = new Map<string, Assembly<any>>();

/** The assembled model of a scenario (cached for built-in modules). */
export function assembleScenario(scenario: Pick<Scenario, 'modules'>, options: ModelOptions = {}): Assembly<World> {
  const names = scenario.modules ?? Q_COMMUNITY;
  const key = names.join('\u0000');
  // Built-in modules only: the cached assembly is the answer, without resolving the names again.
  if (!options.modules?.length && cache.has(key)) return cache.get(key) as Assembly<World>;
  const defs = resolveModules(names, options.modules);
  const builtinOnly = defs.every((d) => BUILTIN_MODULES.get(d.name) === d);
  let assembly = builtinOnly ? cache.get(key) : undefined;
  if (!assembly) {
    assembly = assemble(defs);
    if (builtinOnly) cache.set(key, assembly);
  }
  return assembly as Assembly<World>;
}

/** The scenario's phases: from the module that declares them, or one phase for the whole run. */
export function phasesOf(scenario: Scenario, calendar: Calendar, assembly: Assembly<World> = assembleScenario(scenario)): { name: string; startDay: number }[] {
  const owner = assembly.modules.find((m) => m.phases);
  return owner ? owner.phases!(scenario, calendar) : [{ name: 'normal', startDay: 0 }];
}

/** The first day of the crisis (the start of the second phase), or null for a run without one. */
export function shockDay(scenario: Scenario, calendar: Calendar): number | null {
  const phases = phasesOf(scenario, calendar);
  return phases.length > 1 ? phases[1].startDay : null;
}

export function createSimulation(scenario: Scenario, runSeed: string, options: ModelOptions = {}): Simulation<World> {
  const assembly = assembleScenario(scenario, options);
  const calendar = new Calendar(scenario.calendar.start, scenario.calendar.end);
  const events: TimelineEvent[] = scenario.events.map((e) => ({ ...e, day: calendar.dayOf(e.date) }));
  const timeline = new Timeline(phasesOf(scenario, calendar, assembly), events);
  // The population has a stream of its own, so building it never shifts the processes' draws.
  const world = assembly.createWorld(scenario, new RandomStreams(runSeed));
  return new Simulation<World>({
    world,
    calendar,
    timeline,
    processes: assembly.processes,
    metrics: [...assembly.metrics, ...(options.extraMetrics ?? [])],
    seed: runSeed,
    context: { provided: assembly.provided },
  });
}

export type { World, Summary, GroupSummary } from '../modules/q-community.js';
