/**
 * The design of an experiment: the list of points (one value per varied parameter) and the run
 * seeds. Grid factors are crossed as a full factorial; a Latin hypercube sample, if any, is
 * crossed with the grid. Everything here is a pure function of the experiment file, so every
 * worker, shard and resumed sweep sees the same points in the same order.
 */
import { RandomStreams, deriveSeed, shuffle } from '../engine/random.js';
import type { ExperimentSpec } from './schema.js';

/** One design point: parameter path → value. */
export type DesignPoint = Record<string, unknown>;

/** The values of a `{ from, to, step }` range; float noise is rounded off (0.1 + 0.2 → 0.3). */
export function rangeValues(r: { from: number; to: number; step: number }): number[] {
  const n = Math.floor((r.to - r.from) / r.step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => Number((r.from + i * r.step).toPrecision(12)));
}

/** Full factorial: the first factor varies slowest (like nested loops in the order written). */
export function gridPoints(factors: Record<string, unknown[]>): DesignPoint[] {
  let points: DesignPoint[] = [{}];
  for (const [path, values] of Object.entries(factors)) {
    points = points.flatMap((p) => values.map((v) => ({ ...p, [path]: v })));
  }
  return points;
}

/**
 * A Latin hypercube sample of `n` points: each factor's range is cut into `n` equal strata and
 * every stratum is used by exactly one point; the pairing of strata across factors is a random
 * permutation per factor, and the position inside a stratum is uniform. The randomness comes
 * from a named seeded stream, so the sample is reproducible.
 */
export function latinHypercube(
  n: number,
  factors: Record<string, { min: number; max: number; integer?: boolean }>,
  seed: string,
): DesignPoint[] {
  const rng = new RandomStreams(seed).get('latinHypercube');
  const points: DesignPoint[] = Array.from({ length: n }, () => ({}));
  for (const [path, { min, max, integer }] of Object.entries(factors)) {
    const strata = shuffle(rng, Array.from({ length: n }, (_, i) => i));
    // Integers: strata of [min, max + 1) so each whole number in range is reachable.
    const width = integer ? max - min + 1 : max - min;
    for (let i = 0; i < n; i++) {
      const x = min + ((strata[i] + rng()) / n) * width;
      points[i][path] = integer ? Math.min(max, Math.floor(x)) : x;
    }
  }
  return points;
}

/** Every point of the experiment, grid-major, then the Latin hypercube sample. */
export function designPoints(spec: ExperimentSpec, masterSeed: number): DesignPoint[] {
  const grid = gridPoints(Object.fromEntries(Object.entries(spec.factors).map(([p, f]) => [p, Array.isArray(f) ? f : rangeValues(f)])));
  if (!spec.latinHypercube) return grid;
  const lhs = spec.latinHypercube;
  const sample = latinHypercube(lhs.points, lhs.factors, deriveSeed(lhs.seed ?? masterSeed, 'latinHypercube'));
  return grid.flatMap((g) => sample.map((s) => ({ ...g, ...s })));
}

/**
 * The run seed of (point, replicate). With common random numbers, replicate r of every point
 * shares the seed of `crsim run --replicate r` (and of `crsim compare`), so points differ only
 * where their parameters do; otherwise each (point, replicate) gets its own seed.
 */
export function runSeedFor(masterSeed: number, point: number, replicate: number, commonRandomNumbers: boolean): string {
  return commonRandomNumbers ? deriveSeed(masterSeed, replicate) : deriveSeed(masterSeed, `p${point}`, replicate);
}

/** Run ids number runs point-major: run = point × replicates + replicate. */
export function runIdOf(point: number, replicate: number, replicates: number): number {
  return point * replicates + replicate;
}
