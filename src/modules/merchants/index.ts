/**
 * Merchants (paper 000): the community's supermarkets, each restocking every day up to what it
 * can hold. In the early regime only the residents' committee's partner supermarket sells to the
 * community; in the later one the committee coordinates all of them — which of them supply is
 * the provision module's choice. This module only keeps their stock.
 */
import { defineModule, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import { atLeast, count, nonNegative, p, section, U } from '../../scenario/params.js';

export const params = {
  merchants: section('supermarkets supplying the community', {
    partnerRestockPerDay: p(count, "packages the RC's partner supermarket receives each day", U.packagesPerDay),
    otherSupermarkets: p(count, 'other supermarkets in the community, which supply when suppliers is "all"', U.count),
    otherRestockPerDay: p(count, 'packages each other supermarket receives each day', U.packagesPerDay),
    initialStockDays: p(nonNegative, "opening stock as days of each merchant's restock", U.days),
    maxStockDays: p(atLeast(0.01), "most stock a merchant holds, as days of its restock (fresh produce does not keep)", U.days),
  }),
};

export interface Merchant {
  name: string;
  /** The supermarket the RC partnered in the early regime. */
  partner: boolean;
  stock: number;
  restockPerDay: number;
  maxStock: number;
}

export interface MerchantsState {
  merchants: Merchant[];
  /** Packages supplied so far, opening stock included (for conservation checks). */
  supplied: number;
}

const restock: ModuleProcess<CommunityWorld, MerchantsState> = {
  name: 'restock',
  slot: 'dawn',
  step(world, own) {
    for (const m of own.merchants) {
      const added = Math.max(0, Math.min(m.restockPerDay, m.maxStock - m.stock));
      m.stock += added;
      own.supplied += added;
      world.today.packagesSupplied += added;
    }
  },
};

export const merchants = defineModule<CommunityWorld, MerchantsState>({
  name: 'merchants',
  description: "The community's supermarkets and their daily restock (paper 000: one partner supermarket, then all of them).",
  params,
  init(world) {
    const m = world.scenario.merchants;
    const list: Merchant[] = [
      { name: 'partner supermarket', partner: true, stock: m.partnerRestockPerDay * m.initialStockDays, restockPerDay: m.partnerRestockPerDay, maxStock: m.partnerRestockPerDay * m.maxStockDays },
    ];
    for (let i = 0; i < m.otherSupermarkets; i++) {
      list.push({ name: `supermarket ${i + 2}`, partner: false, stock: m.otherRestockPerDay * m.initialStockDays, restockPerDay: m.otherRestockPerDay, maxStock: m.otherRestockPerDay * m.maxStockDays });
    }
    return { merchants: list, supplied: list.reduce((n, x) => n + x.stock, 0) };
  },
  processes: [restock],
  counters: [{ name: 'packagesSupplied', unit: 'packages', description: 'Packages merchants restocked today' }],
  metrics: [
    { name: 'merchantStock', unit: 'packages', description: "Packages in all merchants' stock at the end of the day", sample: (w) => (w.state.merchants as MerchantsState).merchants.reduce((n, m) => n + m.stock, 0) },
  ],
});
