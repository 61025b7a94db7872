/**
 * The terms of the orders taken each evening: what a household pays per package of each kind,
 * the subsidy paid on it, the quality and variety of what will come, and the regime that took
 * it (paper 000: prices are fixed when an order is taken). Every order of an evening has the
 * same terms, so they are kept once per day and an order keeps only the day it was taken
 * (`orderDay`), rather than seven columns written per order.
 *
 * Plain typed arrays indexed by day, grown as the run goes on (a snapshot clones them).
 */
import { grown } from '../../engine/index.js';

export interface OrderTerms {
  vegetablePrice: Float64Array;
  porkPrice: Float64Array;
  vegetableSubsidy: Float64Array;
  porkSubsidy: Float64Array;
  quality: Float64Array;
  variety: Float64Array;
  /** 0 early, 1 later. */
  regime: Uint8Array;
}

export function emptyOrderTerms(days = 128): OrderTerms {
  return {
    vegetablePrice: new Float64Array(days),
    porkPrice: new Float64Array(days),
    vegetableSubsidy: new Float64Array(days),
    porkSubsidy: new Float64Array(days),
    quality: new Float64Array(days),
    variety: new Float64Array(days),
    regime: new Uint8Array(days),
  };
}

/** The terms with room for `day`: doubled when the run outgrows them. */
export function termsWithRoomFor(terms: OrderTerms, day: number): OrderTerms {
  if (day < terms.regime.length) return terms;
  let days = terms.regime.length * 2;
  while (day >= days) days *= 2;
  return {
    vegetablePrice: grown(terms.vegetablePrice, days),
    porkPrice: grown(terms.porkPrice, days),
    vegetableSubsidy: grown(terms.vegetableSubsidy, days),
    porkSubsidy: grown(terms.porkSubsidy, days),
    quality: grown(terms.quality, days),
    variety: grown(terms.variety, days),
    regime: grown(terms.regime, days),
  };
}
