/**
 * Resilience measures of a performance curve Q(t) in [0, 1] (MODEL-NOTES §7; from the resilience
 * literature, not the papers): robustness (Bruneau et al. 2003), rapidity, the resilience-triangle
 * loss ∫(Q0 − Q)dt (Bruneau et al. 2003), and normalised resilience ∫Q dt / (Q0·T)
 * (Cimellaro et al. 2010). Days are the unit of time.
 */
export interface ResilienceMeasures {
  /** Pre-shock performance: mean Q over the days before the shock (Q on day 0 if there are none). */
  q0: number;
  /** Lowest Q from the shock to the end of the run. */
  robustness: number;
  /** Days from the shock until Q stays at or above threshold·Q0 for good; null if it never does. */
  rapidityDays: number | null;
  /** ∫(Q0 − Q)dt from the shock to the end, in days (household-share × days). */
  lossNeedDays: number;
  /** ∫Q dt / (Q0·T) over the same window. */
  normalised: number;
  /** Day index of the shock. */
  shockDay: number;
  /** Days in the control window (shock to end). */
  windowDays: number;
}

export function resilienceMeasures(q: ArrayLike<number>, shockDay: number, threshold: number): ResilienceMeasures {
  const n = q.length;
  let q0 = 0;
  if (shockDay > 0) {
    for (let t = 0; t < shockDay; t++) q0 += q[t];
    q0 /= shockDay;
  } else {
    q0 = q[0];
  }
  let robustness = Infinity;
  let loss = 0;
  let area = 0;
  let lastBelow = -1;
  for (let t = shockDay; t < n; t++) {
    robustness = Math.min(robustness, q[t]);
    loss += q0 - q[t];
    area += q[t];
    if (q[t] < threshold * q0) lastBelow = t;
  }
  const windowDays = n - shockDay;
  return {
    q0,
    robustness: windowDays > 0 ? robustness : q0,
    rapidityDays: lastBelow < 0 ? 0 : lastBelow === n - 1 ? null : lastBelow + 1 - shockDay,
    lossNeedDays: loss,
    normalised: windowDays > 0 && q0 > 0 ? area / (q0 * windowDays) : 1,
    shockDay,
    windowDays,
  };
}
