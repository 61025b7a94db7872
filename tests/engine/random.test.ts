import { describe, expect, it } from 'vitest';
import { RandomStreams, deriveSeed, randomInt, shuffle } from '../../src/engine/random.js';

describe('seeded random streams', () => {
  it('gives the same numbers for the same seed and name', () => {
    const a = new RandomStreams('s').get('ordering');
    const b = new RandomStreams('s').get('ordering');
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('keeps streams independent: drawing from one does not shift another', () => {
    const quiet = new RandomStreams('s');
    const busy = new RandomStreams('s');
    for (let i = 0; i < 1000; i++) busy.get('outings')();
    expect(busy.get('ordering')()).toBe(quiet.get('ordering')());
  });

  it('derives distinct run seeds for distinct replicates', () => {
    const draws = [0, 1, 2].map((r) => new RandomStreams(deriveSeed(7, r)).get('x')());
    expect(new Set(draws).size).toBe(3);
  });

  it('restores saved states exactly', () => {
    const streams = new RandomStreams('s');
    const rng = streams.get('a');
    rng();
    const restored = new RandomStreams('s', streams.states()).get('a');
    expect(restored()).toBe(rng());
  });

  it('draws integers within bounds and shuffles without losing items', () => {
    const rng = new RandomStreams('s').get('a');
    for (let i = 0; i < 200; i++) {
      const x = randomInt(rng, 2, 3);
      expect(x === 2 || x === 3).toBe(true);
    }
    expect(shuffle(rng, [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
