import { describe, expect, it } from 'vitest';
import { clamp01, positivePart, select } from '../../src/engine/branch-free.js';

// Edge values and a spread of ordinary ones: each function must give the same bits (Object.is,
// so +0 and −0 differ) as the branching form it replaces.
const values = [0, -0, 1, -1, 0.5, -0.5, 1 - 2 ** -53, 1 + 2 ** -52, 2 ** -1074, -(2 ** -1074), 1e300, -1e300, 3.7, -3.7, 0.1 + 0.2];
for (let i = 0; i < 200; i++) values.push(Math.sin(i * 12.9898) * 3);

describe('branch-free selections', () => {
  it('positivePart is x > 0 ? x : 0, bit for bit', () => {
    for (const x of values) expect(Object.is(positivePart(x), x > 0 ? x : 0), `x = ${x}`).toBe(true);
  });
  it('select is c === 1 ? a : b, bit for bit, for a and b not −0', () => {
    const finite = values.filter((v) => !Object.is(v, -0));
    for (const a of finite.slice(0, 40)) {
      for (const b of finite.slice(0, 40)) {
        expect(Object.is(select(1, a, b), a), `select(1, ${a}, ${b})`).toBe(true);
        expect(Object.is(select(0, a, b), b), `select(0, ${a}, ${b})`).toBe(true);
      }
    }
  });
  it('clamp01 is Math.min(1, Math.max(0, x)), bit for bit', () => {
    for (const x of values) expect(Object.is(clamp01(x), Math.min(1, Math.max(0, x))), `x = ${x}`).toBe(true);
  });
});
