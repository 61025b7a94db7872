/** Shared helpers of the epidemic validation tests: the shipped epidemic scenarios with overrides. */
import { resolve } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers.js';

export const WELL_MIXED = resolve(ROOT, 'scenarios/epidemic/well-mixed-validation.yaml');
export const LOCKDOWN_EPIDEMIC = resolve(ROOT, 'scenarios/q-community/lockdown-with-epidemic.yaml');

export function scenario(file: string, overrides: Record<string, unknown> = {}): Scenario {
  return loadScenario(file, overrides).scenario;
}

/** The root in (0, 1) of z = 1 − exp(−R0·z) (0 when R0 ≤ 1), by fixed-point iteration. */
export function finalSize(r0: number): number {
  if (r0 <= 1) return 0;
  let z = 0.5;
  for (let i = 0; i < 200; i++) z = 1 - Math.exp(-r0 * z);
  return z;
}

/** Early growth rate of the SEIR ODE: the positive root of (r + σ)(r + γ) = σβ. */
export function seirGrowthRate(r0: number, latentDays: number, infectiousDays: number): number {
  const sigma = 1 / latentDays;
  const gamma = 1 / infectiousDays;
  const beta = r0 * gamma;
  return (-(sigma + gamma) + Math.sqrt((sigma - gamma) ** 2 + 4 * sigma * beta)) / 2;
}

/** Least-squares slope of y on x. */
export function slope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/**
 * Short quarantines and closures after many early cases, found at once, in four compounds: places
 * are confined again on the day theirs ends, households are confined on days others go out, and a
 * household can be quarantined inside a closed building or compound (confinement.test.ts,
 * outings-confined.test.ts).
 */
export const SHORT_CONFINEMENTS = {
  'community.compounds': 4,
  'epidemic.initialInfections': 80,
  'epidemic.response.isolateCases': true,
  'epidemic.response.quarantineDays': 3,
  'epidemic.response.closureDays': 4,
  'epidemic.detection.delayDays': 0,
};
