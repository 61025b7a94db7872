/**
 * The geometric skip (`failuresBefore`) must land on items with the law of per-item Bernoulli
 * draws: the same number of successes (binomial) and the same first success (geometric). The
 * checks are chi-square tests over many seeded walks; a skip off by one either way (starting at
 * 1 + gap, or stepping by gap or 2 + gap) fails them by a wide margin (checked by breaking it).
 */
import { describe, expect, it } from 'vitest';
import { failuresBefore, RandomStreams, type Rng } from '../../src/engine/random.js';

/** The items a walk of `n` items with chance p lands on. */
function walk(rng: Rng, n: number, p: number): number[] {
  const logMiss = Math.log1p(-p);
  const hits: number[] = [];
  for (let i = failuresBefore(rng, logMiss); i < n; i += 1 + failuresBefore(rng, logMiss)) hits.push(i);
  return hits;
}

function binomial(n: number, p: number, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
  return c * p ** k * (1 - p) ** (n - k);
}

/** Pearson's chi-square of observed counts against expected ones, bins under 5 expected pooled. */
function chiSquare(observed: number[], expected: number[]): { chi2: number; df: number } {
  let chi2 = 0;
  let bins = 0;
  let o = 0;
  let e = 0;
  for (let k = 0; k < observed.length; k++) {
    o += observed[k];
    e += expected[k];
    if (e < 5 && k < observed.length - 1) continue;
    chi2 += (o - e) ** 2 / e;
    bins++;
    o = 0;
    e = 0;
  }
  return { chi2, df: bins - 1 };
}

// Well above chance: the 1 − 1e-6 quantile of chi-square is below df + 8·√(2·df) + 20 for these df.
const limit = (df: number) => df + 8 * Math.sqrt(2 * df) + 20;

describe('geometric skip (failuresBefore)', () => {
  for (const p of [0.03, 0.2, 0.6]) {
    it(`lands with the Bernoulli law at p = ${p}: binomial counts, geometric first success, every item alike`, () => {
      const n = 30;
      const walks = 20000;
      const counts = new Array(n + 1).fill(0);
      const first = new Array(n + 1).fill(0); // n: no success
      const perItem = new Array(n).fill(0);
      let ordered = true;
      for (let s = 0; s < walks; s++) {
        const hits = walk(new RandomStreams(`skip/${p}/${s}`).get('walk'), n, p);
        counts[hits.length]++;
        first[hits.length ? hits[0] : n]++;
        for (const i of hits) perItem[i]++;
        for (let j = 1; j < hits.length; j++) if (!(hits[j] > hits[j - 1])) ordered = false;
      }
      expect(ordered).toBe(true);
      const c = chiSquare(counts, counts.map((_, k) => walks * binomial(n, p, k)));
      expect(c.chi2).toBeLessThan(limit(c.df));
      const f = chiSquare(first, first.map((_, k) => walks * (k < n ? (1 - p) ** k * p : (1 - p) ** n)));
      expect(f.chi2).toBeLessThan(limit(f.df));
      // Each item's share of walks that land on it: p within 4 standard errors.
      const se = Math.sqrt((p * (1 - p)) / walks);
      for (const x of perItem) expect(Math.abs(x / walks - p)).toBeLessThan(4 * se);
    });
  }

  it('lands on every item at p = 1 and on none, without a draw, at p = 0', () => {
    const rng = new RandomStreams('edge').get('walk');
    expect(walk(rng, 5, 1)).toEqual([0, 1, 2, 3, 4]);
    let draws = 0;
    const counted: Rng = Object.assign(() => { draws++; return rng(); }, { state: () => ({}) }) as unknown as Rng;
    expect(walk(counted, 5, 0)).toEqual([]);
    expect(draws).toBe(0);
  });
});
