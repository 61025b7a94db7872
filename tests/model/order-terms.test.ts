import { describe, expect, it } from 'vitest';
import { emptyOrderTerms, termsWithRoomFor } from '../../src/modules/provision/order-terms.js';

describe('order terms by day', () => {
  it('grow to hold a later day and keep the terms of the days before', () => {
    let terms = emptyOrderTerms(4);
    terms.vegetablePrice[3] = 40;
    terms.regime[3] = 1;
    expect(termsWithRoomFor(terms, 3)).toBe(terms);
    terms = termsWithRoomFor(terms, 9);
    expect(terms.vegetablePrice.length).toBeGreaterThan(9);
    expect(terms.regime.length).toBe(terms.vegetablePrice.length);
    expect(terms.vegetablePrice[3]).toBe(40);
    expect(terms.regime[3]).toBe(1);
    expect(terms.regime).toBeInstanceOf(Uint8Array);
  });
});
