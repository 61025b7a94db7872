/**
 * An experiment's size, known before any point is built: points (the product of the grid factors'
 * value counts, times the Latin hypercube points), runs (points × replicates) and the estimated
 * core time, checked against documented ceilings (docs/experiments.md, "Size ceilings"); beyond
 * them a sweep needs `--allow-large`. Also the names an experiment may not use: runs.csv columns
 * of its own and duplicated measures or metrics.
 */
import { estimateResources } from '../scenario/resources.js';
import type { Scenario } from '../scenario/schema.js';
import type { ExperimentSpec } from './schema.js';

export const EXPERIMENT_CEILINGS = {
  points: 100_000,
  runs: 100_000,
  /** Estimated single-core hours for the whole sweep. */
  coreHours: 10_000,
} as const;

/** Points are built in memory (one scenario each): beyond this, not even with `--allow-large`. */
export const MAX_POINTS = 10_000_000;

/** Columns runs.csv writes for every run, which a factor may not be named like. */
export const RESERVED_COLUMNS = ['run_id', 'point', 'replicate', 'seed'] as const;

export interface Problem {
  path: (string | number)[];
  message: string;
}

/** Number of design points, computed from the counts (no point is built). */
export function designSize(spec: ExperimentSpec): { points: number; runs: number } {
  let points = 1;
  for (const f of Object.values(spec.factors)) points *= Array.isArray(f) ? f.length : Math.floor((f.to - f.from) / f.step + 1e-9) + 1;
  if (spec.latinHypercube) points *= spec.latinHypercube.points;
  return { points, runs: points * spec.replicates };
}

const fmt = (x: number) => (x >= 1e7 ? x.toExponential(2).replace('e+', 'e') : Math.round(x).toLocaleString('en-US'));

/** Refusals that need no scenario: reserved or duplicated names, and the design's size. */
export function designProblems(spec: ExperimentSpec, allowLarge = false): Problem[] {
  const problems: Problem[] = [];
  for (const name of Object.keys(spec.factors)) {
    if ((RESERVED_COLUMNS as readonly string[]).includes(name)) problems.push({ path: ['factors', name], message: `"${name}" is a column crsim writes for every run in runs.csv, so it cannot be a factor${name === 'seed' ? '; vary seeds with replicates (and the experiment seed) instead' : ''}` });
  }
  for (const [key, list] of [['measures', spec.keep.measures], ['metrics', spec.keep.metrics]] as const) {
    list?.forEach((name, i) => {
      if (list.indexOf(name) !== i) problems.push({ path: ['keep', key, i], message: `"${name}" is listed twice (first at index ${list.indexOf(name)}); name each ${key === 'measures' ? 'measure' : 'metric'} once` });
    });
  }
  const { points, runs } = designSize(spec);
  const hard = points > MAX_POINTS;
  if (hard || (!allowLarge && points > EXPERIMENT_CEILINGS.points)) {
    problems.push({
      path: spec.latinHypercube && Object.keys(spec.factors).length === 0 ? ['latinHypercube', 'points'] : ['factors'],
      message: `the design has ${fmt(points)} points (the product of the factors' value counts${spec.latinHypercube ? ' × the Latin hypercube points' : ''}), above the ceiling of ${fmt(hard ? MAX_POINTS : EXPERIMENT_CEILINGS.points)}${hard ? ', which --allow-large does not lift: split the experiment' : '; pass --allow-large to run it anyway'}`,
    });
  } else if (!allowLarge && runs > EXPERIMENT_CEILINGS.runs) {
    problems.push({ path: ['replicates'], message: `${fmt(points)} points × ${fmt(spec.replicates)} replicates = ${fmt(runs)} runs, above the ceiling of ${fmt(EXPERIMENT_CEILINGS.runs)}; pass --allow-large to run it anyway` });
  }
  return problems;
}

/** Estimated single-core hours of all runs, from each point's scenario. */
export function estimatedCoreHours(pointScenarios: Scenario[], replicates: number): number {
  return (pointScenarios.reduce((s, sc) => s + estimateResources(sc).seconds, 0) * replicates) / 3600;
}

export function timeProblems(pointScenarios: Scenario[], replicates: number, allowLarge = false): Problem[] {
  const hours = estimatedCoreHours(pointScenarios, replicates);
  if (allowLarge || hours <= EXPERIMENT_CEILINGS.coreHours) return [];
  return [{ path: ['replicates'], message: `the sweep would take about ${fmt(hours)} core-hours (${fmt(pointScenarios.length)} points × ${fmt(replicates)} replicates), above the ceiling of ${fmt(EXPERIMENT_CEILINGS.coreHours)}; pass --allow-large to run it anyway` }];
}
