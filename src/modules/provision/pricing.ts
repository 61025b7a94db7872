/**
 * Supply and price (paper 000). Early regime: the sole partner supplier's bargaining power sets
 * the price above normal (price = normal × markup). Later regime: fixed-point fair-price packages
 * at list price, of which the government subsidy pays part — Q community: vegetable package
 * list ¥52, subsidy ¥12, resident pays ¥40; pork package list ¥66, subsidy ¥6, resident pays ¥60.
 * A subsidised regime pays the same subsidy per package under bargained prices too.
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
  const list = regime.pricing === 'bargained' ? p.normalPrice * regime.priceMarkup : p.listPrice;
  // The subsidy is per package, paid by the government whoever sets the price; never more than it.
  const subsidy = regime.subsidised ? Math.min(p.subsidy, list) : 0;
  return { list, subsidy, paid: list - subsidy };
}
