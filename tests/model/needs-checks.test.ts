import { describe, expect, it } from 'vitest';
import { lowOnBasicGoods, lowOnBasics, lowOnPersonal } from '../../src/modules/households/needs.js';

// The needs checks as numbers (0 or 1), which outings' and ordering's branch-free scans add up:
// strictly below reorderBelowDays of consumption is low, at it is not, NaN is never low; the
// closure that care and charity use gives the same answers as booleans.
describe('needs checks', () => {
  const members = Uint8Array.of(2, 2, 2, 3, 1);
  const vegetableStock = Float64Array.of(6, 5.999, 6, 100, NaN);
  const porkStock = Float64Array.of(6, 6, 5.5, 8.999, NaN);
  const personalStock = Float64Array.of(3, 2.999, 0, 100, NaN);
  const days = 3;

  it('are 0 or 1, low strictly below the threshold', () => {
    const basics = Array.from(members, (_, h) => lowOnBasics(days, members, vegetableStock, porkStock, h));
    const personal = Array.from(members, (_, h) => lowOnPersonal(days, personalStock, h));
    expect(basics).toEqual([0, 1, 1, 1, 0]);
    expect(personal).toEqual([0, 1, 1, 0, 0]);
  });

  it('agree with the closure over a household table', () => {
    const s = { needs: { reorderBelowDays: days } } as never;
    const hh = { members, vegetableStock, porkStock } as never;
    const basic = lowOnBasicGoods(s, hh);
    for (let h = 0; h < members.length; h++) {
      expect(basic(h)).toBe(lowOnBasics(days, members, vegetableStock, porkStock, h) === 1);
    }
  });
});
