/**
 * The budget cut (households/budget.ts `affordable`) is branch-free for V8's sake; this checks it
 * against the cut written with branches, as it was, over random baskets, prices and cash, including
 * nothing wanted, cash that covers exactly, and cash that covers nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affordable } from '../../src/modules/households/budget.js';
import type { Basket } from '../../src/modules/households/needs.js';

function withBranches(cash: number, want: Basket, vegetablePrice: number, porkPrice: number): Basket {
  const cost = want.vegetable * vegetablePrice + want.pork * porkPrice;
  if (cost <= cash) return { ...want };
  const k = cash / cost;
  let vegetable = Math.floor(want.vegetable * k);
  let pork = Math.floor(want.pork * k);
  const left = cash - vegetable * vegetablePrice - pork * porkPrice;
  if (want.vegetable - vegetable > want.pork - pork) { if (left >= vegetablePrice) vegetable++; }
  else if (want.pork > pork && left >= porkPrice) pork++;
  return { vegetable, pork };
}

describe('affordable', () => {
  it('cuts a basket to the cash exactly as the branching cut did', () => {
    const price = fc.oneof(fc.constantFrom(0.5, 10, 25, 39.9), fc.double({ min: 0.01, max: 200, noNaN: true }));
    const cash = fc.oneof(fc.constantFrom(0, 10, 25, 50, 1000), fc.double({ min: 0, max: 2000, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), price, price, cash, (v, p, vp, pp, c) => {
        const hh = { cash: Float64Array.of(c) } as never;
        const got = affordable(hh, 0, { vegetable: v, pork: p }, vp, pp);
        expect(got).toEqual(withBranches(c, { vegetable: v, pork: p }, vp, pp));
      }),
      { numRuns: 5000 },
    );
  });
});
