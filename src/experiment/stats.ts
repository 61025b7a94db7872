/**
 * Small statistics for paired comparisons: a mean with its Student t confidence interval. The t
 * quantile comes from stdlib (@stdlib/stats-base-dists-t-quantile, a maintained, tested
 * implementation through the inverse incomplete beta function) rather than a hand-written one.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The t quantile: the t with P(T ≤ t) = p for Student's t with `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return tQuantile(p, df);
}

export interface MeanCI {
  n: number;
  mean: number;
  sd: number;
  /** 95 % confidence interval of the mean (t distribution); null with fewer than two values. */
  low: number | null;
  high: number | null;
}

export function meanWithCI(values: readonly number[], level = 0.95): MeanCI {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, low: null, high: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, sd: NaN, low: null, high: null };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = sd === 0 ? 0 : studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, low: mean - half, high: mean + half };
}
