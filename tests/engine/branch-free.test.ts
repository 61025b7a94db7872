import { describe, expect, it } from 'vitest';
import { select } from '../../src/engine/branch-free.js';

// Edge values and a spread of ordinary ones: select must give the same bits (Object.is, so +0
// and −0 differ) as the ternary it replaces, for the values it is documented for.
const values = [0, 1, -1, 0.5, -0.5, 1 - 2 ** -53, 1 + 2 ** -52, 2 ** -1074, -(2 ** -1074), 1e300, -1e300, 3.7, -3.7, 0.1 + 0.2];
for (let i = 0; i < 40; i++) values.push(Math.sin(i * 12.9898) * 3);

describe('branch-free select', () => {
  it('is c === 1 ? a : b, bit for bit, for finite a and b not −0', () => {
    for (const a of values) {
      for (const b of values) {
        expect(Object.is(select(1, a, b), a), `select(1, ${a}, ${b})`).toBe(true);
        expect(Object.is(select(0, a, b), b), `select(0, ${a}, ${b})`).toBe(true);
      }
    }
  });
});
