import { describe, expect, it } from 'vitest';
import { designPoints, gridPoints, latinHypercube, rangeValues, runSeedFor } from '../../src/experiment/design.js';
import { experimentSchema } from '../../src/experiment/schema.js';

describe('design points', () => {
  it('expands ranges with a step without float noise, including the end when the steps land on it', () => {
    expect(rangeValues({ from: 0, to: 18, step: 6 })).toEqual([0, 6, 12, 18]);
    expect(rangeValues({ from: 0.1, to: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rangeValues({ from: 1, to: 10, step: 4 })).toEqual([1, 5, 9]);
  });

  it('crosses grid factors as a full factorial, first factor slowest', () => {
    expect(gridPoints({ a: [1, 2], b: ['x', 'y', 'z'] })).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
      { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
  });

  it.each([1, 7, 50])('a Latin hypercube of %i points uses every stratum of every factor exactly once', (n) => {
    const factors = { a: { min: 0, max: 1 }, b: { min: -5, max: 15 }, c: { min: 100, max: 100.5 } };
    const points = latinHypercube(n, factors, 'seed/1');
    expect(points).toHaveLength(n);
    for (const [path, { min, max }] of Object.entries(factors)) {
      const strata = points.map((p) => Math.floor((((p[path] as number) - min) / (max - min)) * n));
      expect([...strata].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const p of points) {
        expect(p[path]).toBeGreaterThanOrEqual(min);
        expect(p[path]).toBeLessThan(max);
      }
    }
  });

  it('integer Latin hypercube factors take every whole number once when points = range size', () => {
    const points = latinHypercube(6, { k: { min: 1, max: 6, integer: true } }, 's');
    expect(points.map((p) => p.k).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('samples are reproducible from the seed and differ between seeds (no Math.random)', () => {
    const f = { a: { min: 0, max: 1 } };
    expect(latinHypercube(10, f, 'x')).toEqual(latinHypercube(10, f, 'x'));
    expect(latinHypercube(10, f, 'x')).not.toEqual(latinHypercube(10, f, 'y'));
  });

  it('refuses an integer Latin hypercube factor whose bounds are not whole numbers', () => {
    const spec = (min: number, max: number) => ({ name: 'x', scenario: 's.yaml', latinHypercube: { points: 3, factors: { k: { min, max, integer: true } } } });
    const bad = experimentSchema.safeParse(spec(0.5, 3.2));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/whole-number `min` and `max`/);
    expect(experimentSchema.safeParse(spec(1, 3)).success).toBe(true);
  });

  it('crosses the grid with the Latin hypercube sample', () => {
    const spec = experimentSchema.parse({
      name: 'x', scenario: 's.yaml',
      factors: { 'a.b': [1, 2] },
      latinHypercube: { points: 3, factors: { 'c.d': { min: 0, max: 1 } } },
    });
    const points = designPoints(spec, 9);
    expect(points).toHaveLength(6);
    expect(points.map((p) => p['a.b'])).toEqual([1, 1, 1, 2, 2, 2]);
    expect(points.slice(0, 3).map((p) => p['c.d'])).toEqual(points.slice(3).map((p) => p['c.d']));
  });

  it('derives run seeds from (seed, point, replicate), or (seed, replicate) with common random numbers', () => {
    expect(runSeedFor(5, 2, 3, false)).toBe('5/p2/3');
    expect(runSeedFor(5, 2, 3, false)).not.toBe(runSeedFor(5, 3, 3, false));
    expect(runSeedFor(5, 2, 3, true)).toBe(runSeedFor(5, 7, 3, true));
    expect(runSeedFor(5, 2, 3, true)).toBe('5/3'); // the seed of crsim run --seed 5 --replicate 3
  });
});
