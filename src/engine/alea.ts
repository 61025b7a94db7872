/**
 * The engine's generator: Baagøe's alea (2010), the algorithm of seedrandom's `alea`, seeded by
 * seedrandom itself (its Mash hash of the seed string) and then stepped here, so that the engine
 * can also draw a run of numbers inside a loop of its own (`fisherYates`, which `shuffle` uses).
 * Every number is the one seedrandom's generator gives for the same seed or state
 * (tests/engine/alea.test.ts compares them over many seeds and long sequences), and `state()`
 * is seedrandom's state format `{ c, s0, s1, s2 }`, so a saved state restores in either.
 */
/// <reference path="./alea.d.ts" />
// Only the one generator the engine uses: seedrandom's index also loads five other generators
// and Node's crypto, which costs the engine entry point a third of its import time.
import seedrandomAlea from 'seedrandom/lib/alea.js';

/** The generator's state, in seedrandom's format: the carry `c` (an integer) and three fractions. */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** A seeded generator: call it for a uniform number in [0, 1). Its state can be saved. */
export interface Rng {
  (): number;
  state(): object;
}

const MULTIPLIER = 2091639;
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** The state of an engine stream, in fields of one object that every draw rewrites in place. */
class Generator implements AleaState {
  // `declare`: no class-field definitions, which would first set the fields to undefined and so
  // make V8 store them as tagged values, allocating a heap number on every draw.
  declare c: number;
  declare s0: number;
  declare s1: number;
  declare s2: number;
  constructor(state: AleaState) {
    // The carry is an integer, but a stream restored from a state kept in a Float64Array column
    // (mutual aid's residents' traits) hands it over as a double. Written first as -0, the field
    // is held as a double from the first generator on; before, that first restored stream changed
    // every generator's map, and the compiled draws were dropped ("wrong map" in rng, bernoulli).
    this.c = -0;
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }
}

/** Where an engine stream keeps its state, for the engine's own loops (`fisherYates`). */
const GENERATOR = Symbol('alea generator');

type EngineRng = Rng & { [GENERATOR]: Generator };

/**
 * A stream from a seed string (seedrandom's seeding) or from a saved state. One draw is
 * seedrandom's step, on fields of an object (a closure over `let` doubles would box them and
 * allocate on every draw), with the carry taken as `fisherYates` takes it (see there): the next
 * call then need not wait for this one's rounding.
 */
export function aleaStream(seedOrState: string | AleaState): Rng {
  const g = new Generator(typeof seedOrState === 'string' ? seedrandomAlea(seedOrState, { state: true }).state() as AleaState : seedOrState);
  const rng = (() => {
    const p = MULTIPLIER * g.s0;
    const t = p + g.c * TWO_TO_MINUS_32;
    const floorP = p | 0;
    // One addition for the test and the carry: as a second `floorP + 1` in the branch, first taken
    // at a stream's first carry, it had no type feedback, and every optimised function that had
    // inlined a draw (rng, randomInt, pickWeighted, …) was dropped there once (docs/performance.md, 16ac).
    const next = floorP + 1;
    const c = t >= next ? next : floorP; // = t | 0
    g.c = c;
    g.s0 = g.s1;
    g.s1 = g.s2;
    return (g.s2 = t - c);
  }) as EngineRng;
  rng.state = () => ({ c: g.c, s0: g.s0, s1: g.s1, s2: g.s2 });
  rng[GENERATOR] = g;
  return rng;
}

/** The state of `rng` if it is an engine stream (whose draws `fisherYates` can take in a loop of its own). */
export function generatorOf(rng: Rng): AleaState | undefined {
  return (rng as Partial<EngineRng>)[GENERATOR];
}

/**
 * Draws `fisherYates` takes between two write-backs of the stream's state: few enough that the
 * first write-back runs (and so has type feedback) long before V8 compiles the loop on stack
 * replacement, many enough that the write-back costs nothing per draw.
 */
const DRAWS_PER_WRITE_BACK = 256;

/**
 * Fisher–Yates shuffle in place of the first `n` entries, drawing from the engine stream whose
 * state is `g`: the same draws, in the same order, and so the same permutation as
 * `shuffle` calling the stream once per entry.
 *
 * A kernel of its own because it is faster than calling the stream: a draw's carry `c = ⌊t⌋`
 * feeds the next draw, so calls in a row wait on each other's multiply, add, rounding and field
 * writes (≈ 10 ns a draw). Here the state stays in local variables, and the carry is taken from
 * p = 2091639·s0 alone: t = p + c·2⁻³² with 0 ≤ c·2⁻³² < 0.0005, so ⌊t⌋ is ⌊p⌋, or ⌊p⌋ + 1 when t
 * reaches it (about one draw in 4,000, a branch the processor predicts) — exactly `t | 0`.
 * The next draws then need not wait for this one's rounding.
 *
 * The state goes back into `g` after each block of draws, not after every draw, which was four
 * stores and three loads (the fields' number boxes) more per swap: 30 shuffles of 100,000 entries
 * take 13–25 ms against 14–77 with a write-back per draw (docs/performance.md, part 16aa, where
 * the slow cases are also explained). Not after the whole loop only: V8 compiled the loop on
 * stack replacement before that write-back had ever run, and dropped the code at every later
 * call (part l).
 */
export function fisherYates<T extends { [i: number]: any }>(g: AleaState, items: T, n: number): void {
  let c = g.c | 0;
  let s0 = +g.s0;
  let s1 = +g.s1;
  let s2 = +g.s2;
  for (let i = n - 1; i > 0; ) {
    const blockEnd = i > DRAWS_PER_WRITE_BACK ? i - DRAWS_PER_WRITE_BACK : 0;
    for (; i > blockEnd; i--) {
      const p = MULTIPLIER * s0;
      const t = p + c * TWO_TO_MINUS_32;
      const floorP = p | 0;
      c = t >= floorP + 1 ? floorP + 1 : floorP; // = t | 0
      s0 = s1;
      s1 = s2;
      s2 = t - c;
      const j = (s2 * (i + 1)) | 0; // = Math.floor, as s2 * (i + 1) is in [0, i + 1)
      const x = items[i];
      items[i] = items[j];
      items[j] = x;
    }
    g.c = c;
    g.s0 = s0;
    g.s1 = s1;
    g.s2 = s2;
  }
}

/**
 * Moves the engine stream whose state is `g` on by `n` draws, to where `n` calls would leave it,
 * without handing out the numbers: for a builder that keeps where a stream stood and draws again
 * only some of what it drew (the mutual-aid stations' residents' traits). A kernel of its own for
 * the reason `fisherYates` is: the state in local variables, the carry taken from p alone, and
 * no call of the stream per draw (a stream made for each compound is a new function each time,
 * which V8 cannot inline where one call site sees them all).
 */
export function skipDraws(g: AleaState, n: number): void {
  let c = g.c | 0;
  let s0 = +g.s0;
  let s1 = +g.s1;
  let s2 = +g.s2;
  // The state goes back into `g` after the loop only (fisherYates writes it back per block, for a
  // reason of its hot path): skipDraws runs at the build, where this was measured faster than
  // drawing (docs/performance.md, part 16ae).
  for (let i = 0; i < n; i++) {
    const p = MULTIPLIER * s0;
    const t = p + c * TWO_TO_MINUS_32;
    const floorP = p | 0;
    const next = floorP + 1; // once, as in the stream's draw
    c = t >= next ? next : floorP; // = t | 0
    s0 = s1;
    s1 = s2;
    s2 = t - c;
  }
  g.c = c;
  g.s0 = s0;
  g.s1 = s1;
  g.s2 = s2;
}
