/** Small helpers over daily columns (NaN marks a day without a value). */

/** a / b, or NaN when there is nothing to divide by. */
export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** Sum of the column from a day on, skipping days without a value. */
export function sum(a: ArrayLike<number>, from = 0): number {
  let s = 0;
  for (let i = from; i < a.length; i++) if (!Number.isNaN(a[i])) s += a[i];
  return s;
}

/** Mean of the values, skipping NaN; NaN when there are none. */
export function mean(a: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i])) { s += a[i]; n++; }
  return n > 0 ? s / n : NaN;
}

export function max(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

export function min(a: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}

/** The first day of the crisis: the start of the timeline's second phase, or null if there is none. */
export function shockDayOf(phases: readonly { startDay: number }[]): number | null {
  return phases.length > 1 ? phases[1].startDay : null;
}
