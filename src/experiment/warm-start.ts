/**
 * Warm start and branching: simulate a scenario's normal period once, snapshot the world, and
 * continue several crisis variants from that snapshot. A branch equals the variant run from day
 * 0 with the same seed, provided the variant agrees with the base on everything the model used
 * before the shock. Rather than trust a hand-kept list of "pre-shock parameters", the warm-up
 * records every scenario parameter the model actually reads while building the population and
 * simulating the normal period, and a variant that differs in any of them is refused.
 */
import { Calendar } from '../engine/calendar.js';
import { RandomStreams } from '../engine/random.js';
import type { Snapshot } from '../engine/simulation.js';
import { Timeline } from '../engine/timeline.js';
import { assembleScenario, createSimulation, phasesOf, shockDay, type ModelOptions, type World } from '../model/index.js';
import type { Scenario } from '../scenario/schema.js';
import { collectResult, type RunResult } from './run.js';
import { WarmStartError } from './warm-start-error.js';

export { WarmStartError };

export interface WarmStart {
  base: Scenario;
  runSeed: string;
  /** The shock day: the snapshot holds the state after days 0 … shockDay − 1. */
  shockDay: number;
  snapshot: Snapshot<World>;
  /** Scenario parameters (dotted paths) read before the shock. */
  readBeforeShock: ReadonlySet<string>;
}

/** Wraps a scenario so that every leaf read is recorded as a dotted path. */
function recordingScenario<T extends object>(target: T, reads: Set<string>): T {
  const proxies = new WeakMap<object, object>();
  const wrap = (obj: object, prefix: string): object => {
    let proxy = proxies.get(obj);
    if (proxy) return proxy;
    proxy = new Proxy(obj, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver);
        if (typeof key === 'symbol' || typeof value === 'function') return value;
        const path = prefix ? `${prefix}.${key}` : key;
        if (value !== null && typeof value === 'object') return wrap(value, path);
        reads.add(path);
        return value;
      },
      ownKeys(t) {
        // Iterating a mapping (Object.values, for…in) reads which keys it has.
        reads.add(prefix ? `${prefix}.*keys` : '*keys');
        return Reflect.ownKeys(t);
      },
    });
    proxies.set(obj, proxy);
    return proxy;
  };
  return wrap(target, '') as T;
}

function valueAt(obj: unknown, path: string): unknown {
  let node: any = obj;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = key === '*keys' ? Object.keys(node) : node[key];
  }
  return node;
}

/** Runs `base` up to its shock day with `runSeed` and keeps the snapshot. */
export function warmUp(base: Scenario, runSeed: string, options: ModelOptions = {}): WarmStart {
  const calendar = new Calendar(base.calendar.start, base.calendar.end);
  const shock = shockDay(base, calendar);
  if (shock === null) throw new WarmStartError(`the base scenario "${base.name}" has no crisis date, so there is no normal period to warm up`);
  // The model's modules are always part of what the normal period depends on.
  const reads = new Set<string>(['calendar.start', 'calendar.end', 'seed', 'modules']);
  // What building the population reads (createSimulation builds with the plain scenario).
  assembleScenario(base, options).createWorld(recordingScenario(base, reads), new RandomStreams(runSeed));
  const sim = createSimulation(base, runSeed, options);
  sim.world.scenario = recordingScenario(base, reads);
  sim.run(shock);
  sim.world.scenario = base; // a Proxy cannot be cloned into the snapshot
  // Timeline dates and events are compared day by day in checkBranchable, not as whole values.
  for (const path of [...reads]) if (path.startsWith('timeline.') || path === 'events' || path.startsWith('events.')) reads.delete(path);
  return { base, runSeed, shockDay: shock, snapshot: sim.snapshot(), readBeforeShock: reads };
}

/** Every reason the variant cannot branch from this warm start (empty when it can). */
export function branchProblems(warm: WarmStart, variant: Scenario): string[] {
  const problems: string[] = [];
  const { base } = warm;
  if (base.calendar.start !== variant.calendar.start || base.calendar.end !== variant.calendar.end) {
    problems.push(`calendar: the variant runs ${variant.calendar.start} to ${variant.calendar.end}, the base ${base.calendar.start} to ${base.calendar.end}`);
  }
  if (base.seed !== variant.seed) problems.push(`seed: ${variant.seed} in the variant, ${base.seed} in the base`);
  if (problems.length) return problems;
  const calendar = new Calendar(base.calendar.start, base.calendar.end);
  const shockDate = calendar.dateOf(warm.shockDay);
  const tb = new Timeline(phasesOf(base, calendar));
  const tv = new Timeline(phasesOf(variant, calendar));
  for (let d = 0; d < warm.shockDay; d++) {
    if (tb.phaseAt(d) !== tv.phaseAt(d)) {
      problems.push(`timeline: the variant is in phase ${tv.phaseAt(d)} on ${calendar.dateOf(d)}, before the base's shock on ${shockDate}`);
      break;
    }
  }
  const early = (s: Scenario) => JSON.stringify(s.events.filter((e) => e.date < shockDate));
  if (early(base) !== early(variant)) problems.push(`events: the variant has different events before the shock on ${shockDate}`);
  for (const path of [...warm.readBeforeShock].sort()) {
    const a = valueAt(base, path);
    const b = valueAt(variant, path);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      problems.push(`${path.replace(/\.\*keys$/, '')}: ${JSON.stringify(b)} in the variant, ${JSON.stringify(a)} in the base, and the model reads it while building the population or before the shock on ${shockDate}`);
    }
  }
  return problems;
}

/** Throws a WarmStartError naming every parameter that stops the variant branching. */
export function assertBranchable(warm: WarmStart, variant: Scenario, label = `"${variant.name}"`): void {
  const problems = branchProblems(warm, variant);
  if (problems.length) {
    throw new WarmStartError(`cannot warm-start ${label} from "${warm.base.name}": it differs in what shapes the population or the normal period, so a branch would not equal a run from day 0:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Continues `variant` from the warm start's snapshot to the end of the run. The result equals
 * `runScenario(variant, { seed: masterSeed, replicate })` when the run seeds agree.
 */
export function branch(warm: WarmStart, variant: Scenario, masterSeed: number, replicate: number, options: ModelOptions = {}): RunResult {
  assertBranchable(warm, variant);
  const sim = createSimulation(variant, warm.runSeed, options);
  sim.restore(warm.snapshot);
  // Processes read their parameters from world.scenario each day, so from here on the variant's apply.
  sim.world.scenario = variant;
  sim.run();
  return collectResult(sim, variant, masterSeed, replicate, warm.runSeed, options);
}
