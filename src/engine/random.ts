/**
 * Seeded random streams. Every draw in a run comes from a named alea stream (alea.ts), so a
 * run is a pure function of its seed, and switching one process off does not shift the draws of
 * the others (common random numbers: paired comparisons stay paired until the policy differs).
 */
import { aleaStream, fisherYates, generatorOf, skipDraws, type AleaState, type Rng } from './alea.js';

export type { Rng } from './alea.js';

/**
 * The seed of one run, derived from the master seed and any further keys (replicate, point…).
 * Deterministic, and distinct keys give unrelated streams because alea hashes the whole string.
 */
export function deriveSeed(master: number | string, ...keys: (number | string)[]): string {
  return [master, ...keys].join('/');
}

/** One stream per name, created on first use, all derived from the run seed. */
export class RandomStreams {
  private readonly streams = new Map<string, Rng>();
  constructor(readonly runSeed: string, savedStates?: Record<string, object>) {
    if (savedStates) {
      for (const [name, state] of Object.entries(savedStates)) {
        this.streams.set(name, aleaStream(state as AleaState));
      }
    }
  }

  get(name: string): Rng {
    let rng = this.streams.get(name);
    if (!rng) {
      rng = aleaStream(`${this.runSeed}#${name}`);
      this.streams.set(name, rng);
    }
    return rng;
  }

  /** Every stream's state, for snapshots (warm start and branching). */
  states(): Record<string, object> {
    const out: Record<string, object> = {};
    for (const [name, rng] of this.streams) out[name] = rng.state();
    return out;
  }
}

/** Integer in [lo, hi], both ends included. */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** The chance of log-odds x (the logistic function), for choices that models write as log-odds. */
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** True with probability p. */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Index drawn from unnormalised weights. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Fisher–Yates shuffle in place of the first `n` entries. */
export function shuffle<T extends { length: number; [i: number]: any }>(rng: Rng, items: T, n = items.length): T {
  const g = generatorOf(rng);
  if (g !== undefined) {
    fisherYates(g, items, n); // the same draws, taken faster (see there)
    return items;
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** Moves `rng` on by `n` draws, as `n` calls would, without the numbers (faster for an engine stream, see skipDraws). */
export function skip(rng: Rng, n: number): void {
  const g = generatorOf(rng);
  if (g !== undefined) skipDraws(g, n);
  else for (let i = 0; i < n; i++) rng();
}

/** A Poisson draw (Knuth's method below 30, a rounded normal above). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rng();
  while (prod > limit) {
    k++;
    prod *= rng();
  }
  return k;
}

/**
 * Failures before the next success, in independent trials that each succeed with chance p: a
 * geometric draw from one number, P(k) = (1 − p)^k · p (P(k or more) = (1 − p)^k, as
 * U ≤ (1 − p)^k for U uniform on (0, 1]). Walking items with steps of 1 + this lands on
 * exactly the items that per-item Bernoulli(p) draws would pick, with the same law, in as many
 * draws as successes rather than as items. `logMiss` is Math.log1p(−p), worked out once for a
 * walk: p = 1 (logMiss −∞) lands on every item; p = 0 on none (Infinity, no draw taken).
 */
export function failuresBefore(rng: Rng, logMiss: number): number {
  if (logMiss === 0) return Infinity;
  return Math.floor(Math.log(1 - rng()) / logMiss);
}
