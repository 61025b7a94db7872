/**
 * Merchants (paper 000): the community's supermarkets, each restocking every day up to what it
 * can hold. In the early regime only the residents' committee's partner supermarket sells to the
 * community; in the later one the committee coordinates all of them — which of them supply is
 * the provision module's choice. This module keeps their stock and their delivery staff.
 *
 * A supermarket's restock and its staff scale with the residents it serves: the scenario gives
 * them per 1,000 residents (restock) and per 1,000 packages of daily restock (delivery staff), so
 * a community twice the size has supermarkets twice as large, not the same ones facing twice the
 * demand. No supermarket alone is sized to the whole community's basic needs (about 142 packages
 * per 1,000 residents a day at the packages' person-days), so a regime that buys from one
 * supermarket runs short, and one that coordinates all of them does not.
 */
import { defineModule, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import { atLeast, count, nonNegative, p, section, sections, U } from '../../scenario/params.js';

export const params = sections({
  merchants: () => section('supermarkets supplying the community', {
    partnerRestockPer1000Residents: p(nonNegative, "packages the RC's partner supermarket receives each day, per 1,000 residents of the community", U.packagesPerThousandResidents),
    otherSupermarkets: p(count, 'other supermarkets in the community, which supply when suppliers is "all"', U.count),
    otherRestockPer1000Residents: p(nonNegative, 'packages each other supermarket receives each day, per 1,000 residents of the community', U.packagesPerThousandResidents),
    initialStockDays: p(nonNegative, "opening stock as days of each merchant's restock", U.days),
    maxStockDays: p(atLeast(0.01), "most stock a merchant holds, as days of its restock (fresh produce does not keep)", U.days),
    deliveryStaffPer1000Packages: p(nonNegative, "a supermarket's delivery staff, who carry to doors when it supplies, per 1,000 packages of its daily restock", U.staffPerThousandPackages),
  }),
});

export interface Merchant {
  name: string;
  /** The supermarket the RC partnered in the early regime. */
  partner: boolean;
  stock: number;
  restockPerDay: number;
  maxStock: number;
  /** Delivery staff it can send to carry goods to doors (fractional: staff-days). */
  deliveryStaff: number;
}

/** Scratch for `takeFromStock`: packages (whole numbers, < 2^16 an order) read back as a double. */
const packagesLeft = new Float64Array(1);

/**
 * Takes `packages` off the suppliers' shelves, the first supplier's first (the caller has checked
 * that together they hold enough): an order and a group buy draw on the same stock.
 */
export function takeFromStock(suppliers: readonly Merchant[], packages: number): void {
  // What is left to take is read back from a Float64Array, so that the subtraction's first type
  // feedback is a double's: from `packages` (whole numbers) V8 compiled it for small integers and
  // threw away the code of this function, `deliver` and `deliverInTurn` (the afternoon's largest)
  // when a shelf first held less than an order, a fraction ("lost precision or NaN"). The same value.
  packagesLeft[0] = packages;
  let left = packagesLeft[0];
  for (const m of suppliers) {
    const take = Math.min(m.stock, left);
    m.stock -= take;
    left -= take;
    if (left === 0) break;
  }
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

/** A supermarket whose restock serves `residents` at `per1000` packages per 1,000 residents a day. */
function supermarket(name: string, partner: boolean, per1000: number, residents: number, m: CommunityWorld['scenario']['merchants']): Merchant {
  const restockPerDay = (per1000 * residents) / 1000;
  return {
    name,
    partner,
    stock: restockPerDay * m.initialStockDays,
    restockPerDay,
    maxStock: restockPerDay * m.maxStockDays,
    deliveryStaff: (m.deliveryStaffPer1000Packages * restockPerDay) / 1000,
  };
}

export const merchants = defineModule<CommunityWorld, MerchantsState>({
  name: 'merchants',
  description: "The community's supermarkets, their daily restock and delivery staff, sized per resident (paper 000: one partner supermarket, then all of them).",
  params,
  init(world) {
    const m = world.scenario.merchants;
    const residents = world.residents.count;
    const list: Merchant[] = [supermarket('partner supermarket', true, m.partnerRestockPer1000Residents, residents, m)];
    for (let i = 0; i < m.otherSupermarkets; i++) list.push(supermarket(`supermarket ${i + 2}`, false, m.otherRestockPer1000Residents, residents, m));
    return { merchants: list, supplied: list.reduce((n, x) => n + x.stock, 0) };
  },
  processes: [restock],
  counters: [{ name: 'packagesSupplied', unit: 'packages', description: 'Packages merchants restocked today' }],
  metrics: [
    { name: 'merchantStock', unit: 'packages', description: "Packages in all merchants' stock at the end of the day", sample: (w) => (w.state.merchants as MerchantsState).merchants.reduce((n, m) => n + m.stock, 0) },
  ],
});
