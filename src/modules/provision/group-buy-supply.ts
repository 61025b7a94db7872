/**
 * Basic goods for residents' group buys under closed management (paper 000 二(二)2): the owners'
 * committee had owners with purchase channels buy supplies (联系商贩采购物资) and owner volunteers
 * did the pick-up and the handing out (取货和分发); the group buys served public as well as
 * individual needs and raised the efficiency of supply (兼顾了…公共需求和个性化需求，提高了物资的供给效率).
 *
 * Here a group buy buys from the supermarkets that supply under today's regime — the partner
 * alone in the early regime, all of them in the later — out of the same stock the regime's orders
 * draw on, at the regime's prices (subsidy included), each joiner's share cut to what its cash
 * pays for. What it saves is handling, not goods: pooled, the compound's shares are one order the
 * owners' volunteers collect and hand out, so they take no RC time (tallying, procurement) and no
 * carrier from the gate to the door — the capacities that run out in the early regime. Not
 * pooled, each share is handled like any order: RC staff time and a carrier, or it is not bought.
 * A household with an order pending waits for it.
 */
import { affordable, packagesToCover, takeInPackages, type Basket } from '../households/index.js';
import { takeFromStock, type Merchant, type MerchantsState } from '../merchants/index.js';
import type { RcState } from '../residents-committee/index.js';
import type { Carrier, DeliveryNeed, GroupBuySupplier } from './contributions.js';
import { packagePrice, type PackagePrice } from './pricing.js';
import { bookSale, type ProvisionState, type ProvisionWorld, type RegimeLedger } from './state.js';

/** The terms of one group buy's shares, the same for every joiner: prices, quality and variety, and the ledger of the regime. */
interface ShareTerms {
  vegetablePrice: PackagePrice;
  porkPrice: PackagePrice;
  quality: number;
  variety: number;
  byRegime: RegimeLedger;
}

/** A pooled group buy's buyers, listed by `listBuyers` (reused, grown for a larger compound): who, and the packages of each kind. */
let buyers = new Int32Array(0);
let buyerVegetable = new Float64Array(0);
let buyerPork = new Float64Array(0);

export const groupBuySupplier: GroupBuySupplier<ProvisionWorld> = {
  name: 'provision',
  supply(world, joiners, pooled, carriers) {
    const own = world.state.provision as ProvisionState;
    const which = own.regime;
    if (!which) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const hh = world.households;
    const t = world.today;
    const rc = world.state.residentsCommittee as RcState;
    const suppliers = (world.state.merchants as MerchantsState).merchants.filter((m) => regime.suppliers === 'all' || m.partner);
    const vegetablePrice = packagePrice(s, regime, 'vegetable');
    const porkPrice = packagePrice(s, regime, 'pork');
    const variety = Math.min(1, own.packageKinds / s.packageRange.fullRangeKinds);
    const need: DeliveryNeed = { regime, orderHours: s.residentsCommittee.orderMinutes / 60, carryHours: 1 / s.lastMile.deliveriesPerHour };
    const terms: ShareTerms = { vegetablePrice, porkPrice, quality: regime.quality, variety, byRegime: own.ledger.byRegime[which] };
    let stock = 0;
    for (const m of suppliers) stock += m.stock;
    // Per joiner, so one basket is reused and the packages are handed over field by field (no object per joiner).
    const basket: Basket = { vegetable: 0, pork: 0 };
    if (pooled) {
      const n = listBuyers(world, joiners, stock, basket, vegetablePrice.paid, porkPrice.paid);
      for (let i = 0; i < n; i++) handOver(world, own, suppliers, terms, buyers[i], buyerVegetable[i], buyerPork[i]);
      return;
    }
    for (let j = 0; j < joiners.length; j++) {
      const h = joiners[j];
      if (hh.orderDay[h] >= 0) continue;
      const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePrice.paid, porkPrice.paid);
      const packages = vegetable + pork;
      if (packages === 0 || packages > stock) continue;
      // Handled as an order of its own: the RC tallies it and someone carries it to the door.
      t.staffHoursDemanded += need.orderHours;
      if (rc.hoursFree < need.orderHours) continue;
      let carrier: Carrier<ProvisionWorld> | undefined;
      for (let k = 0; k < carriers.length; k++) if (carriers[k].canCarry(world, h, need)) { carrier = carriers[k]; break; }
      if (!carrier) continue;
      rc.hoursFree -= need.orderHours;
      carrier.carry(world, h, need);
      stock -= packages;
      handOver(world, own, suppliers, terms, h, vegetable, pork);
    }
  },
};

/**
 * The joiners of a pooled group buy who buy, in order, into `buyers` (and their packages into
 * `buyerVegetable`, `buyerPork`); returns how many. A joiner buys if it has no order pending, its
 * cash pays for a package, and the stock left after the joiners before it holds its share.
 *
 * Branch-free, a pass of its own: whether a joiner buys varied from joiner to joiner (a pending
 * order for a tenth of them, nothing to buy or not enough stock for a fifth each, in the Q model
 * at 1M) and was mispredicted; every joiner is written to the list, which grows by 0 or 1, and
 * the stock falls by 0 or its share. The shares are handed over after, in the same order: a
 * joiner's share depends on its own stocks and cash alone, which only its own share changes.
 */
function listBuyers(world: ProvisionWorld, joiners: readonly number[], stock: number, basket: Basket, vegetablePaid: number, porkPaid: number): number {
  const s = world.scenario;
  const hh = world.households;
  const orderDay = hh.orderDay;
  if (buyers.length < joiners.length) {
    buyers = new Int32Array(hh.count);
    buyerVegetable = new Float64Array(hh.count);
    buyerPork = new Float64Array(hh.count);
  }
  let n = 0;
  let left = stock;
  for (let j = 0; j < joiners.length; j++) {
    const h = joiners[j];
    const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePaid, porkPaid);
    const packages = vegetable + pork;
    const buys = +(orderDay[h] < 0) & +(packages > 0) & +(packages <= left);
    buyers[n] = h;
    buyerVegetable[n] = vegetable;
    buyerPork[n] = pork;
    n += buys;
    left -= packages * buys;
  }
  return n;
}

/** Household h's share handed over: taken from the suppliers' stock, into its home, paid at the group buy's terms, and booked. */
function handOver(world: ProvisionWorld, own: ProvisionState, suppliers: readonly Merchant[], terms: ShareTerms, h: number, vegetable: number, pork: number): void {
  const t = world.today;
  const packages = vegetable + pork;
  takeFromStock(suppliers, packages);
  const vegPaid = vegetable * terms.vegetablePrice.paid;
  const porkPaid = pork * terms.porkPrice.paid;
  const subsidy = vegetable * terms.vegetablePrice.subsidy + pork * terms.porkPrice.subsidy;
  takeInPackages(world, h, vegetable, pork, vegPaid, porkPaid, terms.quality, terms.variety);
  t.groupBuyPackages += packages;
  t.residentPayments += vegPaid + porkPaid;
  t.subsidyPaid += subsidy;
  bookSale(own.ledger, terms.byRegime, vegetable, pork, vegPaid, porkPaid, subsidy);
}
