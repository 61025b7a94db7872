/**
 * Selections without a branch, for the loops that run for every household every day.
 *
 * Why: in such a loop a branch on the household's data (a stock above a threshold, needs met or
 * not) is mispredicted whenever the data vary from household to household, at some 15–20 cycles
 * each. V8 (11.3, Node 20) compiles a float ternary, `Math.max` and `Math.min` on floats to
 * branches, but a comparison turned into a number, `+(a > b)`, to a flag instruction (`seta`)
 * with none. Consumption's kernel on 360k households with varying stocks: 33–38 ns a household
 * with branches, 21–22 ns without; the same on data every household shares
 * (docs/performance.md, issue 16, part 16ai).
 *
 * Each function gives the same bits as the branching form it names, for the finite values it
 * states (NaN and ±Infinity would not survive `x * 0`); TurboFan inlines them.
 */

/** `x > 0 ? x : 0` for finite x. The `+ 0` turns the −0 of `negative × 0` into +0, as the ternary gives. */
export function positivePart(x: number): number {
  return x * +(x > 0) + 0;
}

/**
 * `c === 1 ? a : b` for c 0 or 1 and finite a, b, neither −0: the unused term is ±0, and adding
 * ±0 to a number that is not −0 leaves it as it is.
 */
export function select(c: number, a: number, b: number): number {
  return a * c + b * (1 - c);
}

/** `Math.min(1, Math.max(0, x))` for finite x. */
export function clamp01(x: number): number {
  const p = positivePart(x);
  return select(+(p < 1), p, 1);
}
