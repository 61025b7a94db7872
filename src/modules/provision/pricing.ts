/**
 * Supply and price (paper 000). Early regime: the sole partner supplier's bargaining power sets
 * the price above normal (price = normal × markup). Later regime: fixed-point fair-price packages
 * at list price, of which the government subsidy pays part — Q community: vegetable package
 * list ¥52, subsidy ¥12, resident pays ¥40; pork package list ¥66, subsidy ¥6, resident pays ¥60.
 */
import type { Scenario } from '../../scenario/schema.js';
import type { Regime } from './params.js';

export type PackageKind = 'vegetable' | 'pork';

export interface PackagePrice {
  list: number;
  subsidy: number;
  /** What the resident pays: list − subsidy. */
  paid: number;
}

export function packagePrice(s: Scenario, regime: Regime, kind: PackageKind): PackagePrice {
  const p = s.packages[kind];
  if (regime.pricing === 'bargained') {
    const list = p.normalPrice * regime.priceMarkup;
    return { list, subsidy: 0, paid: list };
  }
  const subsidy = regime.subsidised ? p.subsidy : 0;
  return { list: p.listPrice, subsidy, paid: p.listPrice - subsidy };
}
