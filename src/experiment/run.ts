/**
 * One run of a scenario: build the model with a seed derived from (master seed, replicate),
 * simulate every day, and return the daily series and the summary as plain data.
 * No file system here, so the browser runs exactly this code.
 */
import { deriveSeed } from '../engine/random.js';
import type { Simulation } from '../engine/simulation.js';
import { assembleScenario, createSimulation, phasesOf, type ModelOptions, type Summary, type World } from '../model/index.js';
import type { Scenario } from '../scenario/schema.js';

export interface RunOptions extends ModelOptions {
  /** Master seed; the scenario's `seed` when absent. */
  seed?: number;
  /** Replicate index; the run seed is derived from (master seed, replicate). */
  replicate?: number;
  /** The run seed itself, when it derives from more than (master seed, replicate), e.g. a sweep's design point. */
  runSeed?: string;
  /** Called after each simulated day (e.g. to stream a live chart). */
  onDay?: (sim: Simulation<World>) => void;
}

export interface MetricInfo {
  name: string;
  unit: string;
  description: string;
}

export interface RunResult {
  scenario: Scenario;
  masterSeed: number;
  replicate: number;
  runSeed: string;
  dates: string[];
  phases: string[];
  /** Phases with their first and last dates, for shading charts. */
  phaseSpans: { name: string; start: string; end: string }[];
  metrics: MetricInfo[];
  /** One Float64Array per metric, one entry per day (NaN where a metric has no value that day). */
  series: Record<string, Float64Array>;
  summary: Summary;
}

export function runSeedOf(masterSeed: number, replicate: number): string {
  return deriveSeed(masterSeed, replicate);
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const masterSeed = options.seed ?? scenario.seed;
  const replicate = options.replicate ?? 0;
  const runSeed = options.runSeed ?? runSeedOf(masterSeed, replicate);
  const sim = createSimulation(scenario, runSeed, options);
  while (!sim.done) {
    sim.step();
    options.onDay?.(sim);
  }
  return collectResult(sim, scenario, masterSeed, replicate, runSeed, options);
}

/** Packs a finished simulation into a RunResult (also used by warm-start branches). */
export function collectResult(sim: Simulation<World>, scenario: Scenario, masterSeed: number, replicate: number, runSeed: string, options: ModelOptions = {}): RunResult {
  const { calendar, timeline } = sim;
  const dates = Array.from({ length: calendar.days }, (_, d) => calendar.dateOf(d));
  const phases = dates.map((_, d) => timeline.phaseAt(d));
  const assembly = assembleScenario(scenario, options);
  const starts = phasesOf(scenario, calendar, assembly).filter((p) => p.startDay < calendar.days);
  const phaseSpans = starts.map((p, i) => ({
    name: p.name,
    start: calendar.dateOf(Math.max(0, p.startDay)),
    end: calendar.dateOf(Math.min(calendar.days, i + 1 < starts.length ? starts[i + 1].startDay : calendar.days) - 1),
  })).filter((p) => p.start <= p.end);
  const metrics = [...assembly.metrics, ...(options.extraMetrics ?? [])].map(({ name, unit, description }) => ({ name, unit, description }));
  return {
    scenario,
    masterSeed,
    replicate,
    runSeed,
    dates,
    phases,
    phaseSpans,
    metrics,
    series: sim.columns,
    summary: assembly.summarise(sim.world, { columns: sim.columns, calendar, timeline }) as unknown as Summary,
  };
}
