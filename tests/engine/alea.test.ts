/**
 * The engine's alea streams give seedrandom's numbers, though they compute the carry another
 * way: the same draws for the same seed, the same state format both ways, and a `shuffle`
 * (which takes its draws in a loop of its own) that is the permutation seedrandom's draws give —
 * including the rare draws where the carry is ⌊2091639·s0⌋ + 1.
 */
import fc from 'fast-check';
import seedrandomAlea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { aleaStream, type AleaState } from '../../src/engine/alea.js';
import { shuffle, skip, type Rng } from '../../src/engine/random.js';

const draws = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

/** The textbook Fisher–Yates, one call of the generator per entry (the engine's fallback loop). */
function referenceShuffle(rng: () => number, items: number[]): number[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** How many of the next `n` draws from `state` take the carry ⌊p⌋ + 1 (the kernel's rare branch). */
function carriesAboveFloor(state: AleaState, n: number): number {
  let { c, s0, s1, s2 } = state;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const p = 2091639 * s0;
    const t = p + c * 2.3283064365386963e-10;
    if (Math.floor(t) !== Math.floor(p)) count++;
    c = t | 0;
    [s0, s1, s2] = [s1, s2, t - c];
  }
  return count;
}

describe('the engine alea stream', () => {
  it('draws what seedrandom draws, over many seeds and long sequences', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 20_000 }), (seed, n) => {
        expect(draws(aleaStream(seed), n)).toEqual(draws(seedrandomAlea(seed), n));
      }),
      { numRuns: 60 },
    );
  });

  it('saves and restores states in seedrandom format, both ways', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 5_000 }), (seed, skip) => {
        const ours = aleaStream(seed);
        const theirs = seedrandomAlea(seed, { state: true });
        draws(ours, skip);
        draws(theirs, skip);
        expect(ours.state()).toEqual(theirs.state());
        expect(Object.keys(ours.state())).toEqual(Object.keys(theirs.state()));
        const ourState = JSON.parse(JSON.stringify(ours.state()));
        expect(draws(seedrandomAlea('', { state: ourState }), 100)).toEqual(draws(aleaStream(theirs.state() as AleaState), 100));
      }),
      { numRuns: 40 },
    );
  });

  it('shuffles into the permutation seedrandom draws give, and leaves the stream where they leave it', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 30_000 }), fc.boolean(), (seed, n, typed) => {
        const ids = Array.from({ length: n }, (_, i) => i);
        const ours = aleaStream(seed);
        const theirs = seedrandomAlea(seed);
        const shuffled = shuffle(ours, typed ? Int32Array.from(ids) : [...ids]);
        expect(Array.from(shuffled)).toEqual(referenceShuffle(theirs, ids));
        expect(draws(ours, 10)).toEqual(draws(theirs, 10));
      }),
      { numRuns: 40 },
    );
  });

  it('covers the rare carry: long runs of draws and a long shuffle take it dozens of times and still match', () => {
    const seed = 's/0#households';
    const n = 200_000;
    expect(carriesAboveFloor(seedrandomAlea(seed, { state: true }).state() as AleaState, n - 1)).toBeGreaterThan(10);
    expect(draws(aleaStream(seed), n)).toEqual(draws(seedrandomAlea(seed), n));
    const ids = Array.from({ length: n }, (_, i) => i);
    expect(Array.from(shuffle(aleaStream(seed), Int32Array.from(ids)))).toEqual(referenceShuffle(seedrandomAlea(seed), ids));
  });

  it('leaves the stream where seedrandom leaves it whatever the length: at, just before and just after the kernel\'s write-backs of the state', () => {
    // fisherYates writes the state back after each block of 256 draws (n − 1 draws for n entries)
    for (const n of [0, 1, 2, 3, 255, 256, 257, 258, 511, 512, 513, 514, 769, 1025, 4097]) {
      const ids = Array.from({ length: n }, (_, i) => i);
      const ours = aleaStream(`edge/${n}`);
      const theirs = seedrandomAlea(`edge/${n}`, { state: true });
      expect(Array.from(shuffle(ours, Int32Array.from(ids)))).toEqual(referenceShuffle(theirs, [...ids]));
      expect(ours.state()).toEqual(theirs.state());
      // a second shuffle continues from there
      expect(shuffle(ours, [...ids])).toEqual(referenceShuffle(theirs, [...ids]));
      expect(draws(ours, 3)).toEqual(draws(theirs, 3));
    }
  });

  it('shuffles the first n entries only, and with any generator', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    shuffle(aleaStream('x'), items, 4);
    expect(items.slice(4)).toEqual([4, 5, 6, 7]);
    expect([...items.slice(0, 4)].sort()).toEqual([0, 1, 2, 3]);
    const fixed = (() => 0) as unknown as Rng;
    expect(shuffle(fixed, [1, 2, 3])).toEqual([2, 3, 1]);
  });
});

describe('skip', () => {
  it('leaves a stream where as many draws would, over seeds and lengths (the rare carry included)', () => {
    for (let k = 0; k < 40; k++) {
      for (const n of [0, 1, 2, 255, 256, 257, 4_000 + 37 * k]) {
        const ours = aleaStream(`skip/${k}/${n}`);
        const theirs = seedrandomAlea(`skip/${k}/${n}`, { state: true });
        skip(ours, n);
        draws(theirs, n);
        expect(ours.state()).toEqual(theirs.state());
        expect(draws(ours, 5)).toEqual(draws(theirs, 5));
      }
    }
  });

  it('calls any other generator as many times', () => {
    let calls = 0;
    const counting = (() => (calls++, 0.5)) as unknown as Rng;
    skip(counting, 7);
    expect(calls).toBe(7);
  });
});
