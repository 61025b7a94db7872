/**
 * The Q-community lockdown model (paper 000) assembled: a synthetic community, the crisis
 * timeline, and the daily processes in the order a day unfolds — morning consumption, the
 * afternoon's deliveries (orders of the evening before), outings and group buys, the evening's
 * orders, then satisfaction.
 */
import { Calendar } from '../engine/calendar.js';
import type { Metric } from '../engine/metric.js';
import type { Process } from '../engine/process.js';
import { RandomStreams } from '../engine/random.js';
import { Simulation } from '../engine/simulation.js';
import { Timeline, type TimelineEvent } from '../engine/timeline.js';
import { dailyMetrics } from '../metrics/daily.js';
import type { Scenario } from '../scenario/schema.js';
import { phasesOf } from './phases.js';
import { buildWorld } from './population.js';
import { beginDay } from './processes/begin-day.js';
import { consumption } from './processes/consumption.js';
import { delivery } from './processes/delivery.js';
import { labour } from './processes/labour.js';
import { ordering } from './processes/ordering.js';
import { outings } from './processes/outings.js';
import { packageRange } from './processes/package-range.js';
import { restock } from './processes/restock.js';
import { satisfaction } from './processes/satisfaction.js';
import { selfOrganisation } from './processes/self-organisation.js';
import type { World } from './world.js';

/** The model's processes, in the order they run each day. */
export const defaultProcesses: readonly Process<World>[] = [
  beginDay, restock, consumption, labour, delivery, outings, selfOrganisation, ordering, packageRange, satisfaction,
];

export interface ModelOptions {
  /** Replace or extend the processes (default: `defaultProcesses`). */
  processes?: readonly Process<World>[];
  /** Metrics recorded in addition to the built-in daily metrics. */
  extraMetrics?: readonly Metric<World>[];
}

export function createSimulation(scenario: Scenario, runSeed: string, options: ModelOptions = {}): Simulation<World> {
  const calendar = new Calendar(scenario.calendar.start, scenario.calendar.end);
  const events: TimelineEvent[] = scenario.events.map((e) => ({ ...e, day: calendar.dayOf(e.date) }));
  const timeline = new Timeline(phasesOf(scenario, calendar), events);
  // The population has a stream of its own, so building it never shifts the processes' draws.
  const world = buildWorld(scenario, new RandomStreams(runSeed).get('population'));
  return new Simulation<World>({
    world,
    calendar,
    timeline,
    processes: options.processes ?? defaultProcesses,
    metrics: [...dailyMetrics, ...(options.extraMetrics ?? [])],
    seed: runSeed,
  });
}

export { buildWorld } from './population.js';
export { phasesOf, shockDay, PHASES, type PhaseName } from './phases.js';
export { packagePrice, type PackagePrice, type PackageKind } from './pricing.js';
export * from './world.js';
