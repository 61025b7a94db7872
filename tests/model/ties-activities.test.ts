/**
 * ties.ts's `afterActivities`, the growth of a household's ties with the night's shared
 * activities, the first without a branch: the same bits (Object.is) as the loop it replaced,
 * `for (; k > 0; k--) x += growth * (1 - x)`, for ties in [0, 1] (+0 and 1 included) and the
 * activity counts a Uint8Array holds.
 */
import { describe, expect, it } from 'vitest';
import { afterActivities } from '../../src/modules/self-organisation/ties.js';

function loop(x: number, k: number, growth: number): number {
  for (; k > 0; k--) x += growth * (1 - x);
  return x;
}

const ties = [0, 1, 0.5, 2 ** -1074, 1 - 2 ** -53, 0.1 + 0.2, 0.999];
for (let i = 0; i < 50; i++) ties.push(Math.abs(Math.sin(i * 12.9898)));
const growths = [0, 0.05, 0.5, 1, 1 / 3];
const counts = [0, 1, 2, 3, 7, 255];

describe('afterActivities', () => {
  it('gives the bits of the loop it replaced', () => {
    for (const x of ties) {
      for (const g of growths) {
        for (const k of counts) {
          expect(Object.is(afterActivities(x, k, g), loop(x, k, g)), `x = ${x}, k = ${k}, growth = ${g}`).toBe(true);
        }
      }
    }
  });
});
