/**
 * A selection without a branch, for a loop that runs for every household where the choice
 * varies from household to household at random.
 *
 * Why: a branch on data that vary at random is mispredicted about as often as it goes the less
 * common way, at some 15–20 cycles each. V8 (11.3, Node 20) compiles a float ternary to a branch,
 * but a comparison turned into a number, `+(a > b)`, to a flag instruction with none. Where the
 * data mostly go one way, the branch is predicted and the branch-free form is slower: it does the
 * work of both sides. Issue 16's sixth round measured both (docs/performance.md, parts 16ai–16ak):
 * made branch-free, satisfaction's price clamp cost 8.1 → 13.4 ns a household and consumption's
 * kernel 9.3 → 11.0 ns per resident-day (a household's stock runs out on few days), while
 * outings' and group buys' lists, whose households are about half in and half out, gained.
 */

/**
 * `c === 1 ? a : b` for c 0 or 1 and finite a, b, neither −0: the unused term is ±0, and adding
 * ±0 to a number that is not −0 leaves it as it is. TurboFan inlines it.
 */
export function select(c: number, a: number, b: number): number {
  return a * c + b * (1 - c);
}
