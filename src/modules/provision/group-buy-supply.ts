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
import { takeFromStock, type MerchantsState } from '../merchants/index.js';
import type { RcState } from '../residents-committee/index.js';
import type { Carrier, DeliveryNeed, GroupBuySupplier } from './contributions.js';
import { packagePrice } from './pricing.js';
import { bookSale, type ProvisionState, type ProvisionWorld } from './state.js';

export const groupBuySupplier: GroupBuySupplier<ProvisionWorld> = {
  name: 'provision',
  supply(world, joiners, pooled, carriers) {
    const own = world.state.provision as ProvisionState;
    const which = own.regime;
    if (!which) return;
    const s = world.scenario;
    // Both regimes (and below both ledgers) read, one chosen by a compare: looked up by the
    // regime's name, V8 compiled the look-up for the early regime's name alone and threw this
    // function's code away at the later regime's first group buy ("wrong name").
    const { early, later } = s.regimes;
    const regime = which === 'early' ? early : later;
    const hh = world.households;
    const t = world.today;
    const rc = world.state.residentsCommittee as RcState;
    const suppliers = (world.state.merchants as MerchantsState).merchants.filter((m) => regime.suppliers === 'all' || m.partner);
    const vegetablePrice = packagePrice(s, regime, 'vegetable');
    const porkPrice = packagePrice(s, regime, 'pork');
    const variety = Math.min(1, own.packageKinds / s.packageRange.fullRangeKinds);
    const need: DeliveryNeed = { regime, orderHours: s.residentsCommittee.orderMinutes / 60, carryHours: 1 / s.lastMile.deliveriesPerHour };
    const ledgers = own.ledger.byRegime;
    const byRegime = which === 'early' ? ledgers.early : ledgers.later;
    let stock = 0;
    for (const m of suppliers) stock += m.stock;
    // Per joiner, so one basket is reused and the packages are handed over field by field (no object per joiner).
    const basket: Basket = { vegetable: 0, pork: 0 };
    // Once the stock is below a package, no share after fits it (one with no package is skipped as
    // well), and a skipped joiner changes nothing: the rest are not gone through. In the Q model at
    // 1M, 0.65 of the 1.75 million joiners came after the stock had run out (part 16ai).
    for (let j = 0; j < joiners.length && !(stock < 1); j++) {
      const h = joiners[j];
      if (hh.orderDay[h] >= 0) continue;
      const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePrice.paid, porkPrice.paid);
      const packages = vegetable + pork;
      if (packages === 0 || packages > stock) continue;
      if (!pooled) {
        // Handled as an order of its own: the RC tallies it and someone carries it to the door.
        t.staffHoursDemanded += need.orderHours;
        if (rc.hoursFree < need.orderHours) continue;
        let carrier: Carrier<ProvisionWorld> | undefined;
        for (let k = 0; k < carriers.length; k++) if (carriers[k].canCarry(world, h, need)) { carrier = carriers[k]; break; }
        if (!carrier) continue;
        rc.hoursFree -= need.orderHours;
        carrier.carry(world, h, need);
      }
      stock -= packages;
      takeFromStock(suppliers, packages);
      const vegPaid = vegetable * vegetablePrice.paid;
      const porkPaid = pork * porkPrice.paid;
      const subsidy = vegetable * vegetablePrice.subsidy + pork * porkPrice.subsidy;
      takeInPackages(world, h, vegetable, pork, vegPaid, porkPaid, regime.quality, variety);
      t.groupBuyPackages += packages;
      t.residentPayments += vegPaid + porkPaid;
      t.subsidyPaid += subsidy;
      bookSale(own.ledger, byRegime, vegetable, pork, vegPaid, porkPaid, subsidy);
    }
  },
};
