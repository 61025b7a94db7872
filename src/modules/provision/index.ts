/**
 * Provision under closed management (paper 000, Xiao & Huang 2022): the early regime (前期) — one
 * partner supermarket, app-only ordering, prices bargained up — and the later regime (后期) —
 * fair-price subsidised packages from every supermarket, ordering through WeChat chains and at
 * the door, carried by whoever modules contribute. Evening orders wait in one queue for the next
 * afternoon's delivery; prices are fixed when an order is taken. It knows the regimes and the
 * queue; who carries and who visits doors is contributed by other modules (see contributions.ts).
 */
import { defineModule, max, sum } from '../../engine/index.js';
import type { MerchantsState } from '../merchants/index.js';
import type { RcState } from '../residents-committee/index.js';
import { CARRIERS, DOOR_VISITORS, GROUP_BUY_SUPPLIERS, type Carrier, type DoorVisitor } from './contributions.js';
import { groupBuySupplier } from './group-buy-supply.js';
import { delivery } from './delivery.js';
import { ordering } from './ordering.js';
import { packageRange } from './package-range.js';
import { params } from './params.js';
import { packagePrice } from './pricing.js';
import { merchantCarriers, provisionRegime } from './regime.js';
import { initialState, orderColumns, REGIMES, type ProvisionState, type ProvisionWorld } from './state.js';

/** The supplying supermarkets' delivery staff carrying goods to doors. */
const merchantCarrier: Carrier<ProvisionWorld> = {
  name: 'merchants',
  priority: 30,
  capacity: (w) => (w.state.provision as ProvisionState).merchantDeliveries,
  canCarry: (w) => (w.state.provision as ProvisionState).merchantDeliveries >= 1,
  sameForEveryOrder: true,
  carry(w) {
    (w.state.provision as ProvisionState).merchantDeliveries -= 1;
    w.today.deliveredByMerchants++;
  },
};

/**
 * RC staff carry to the door what no one else can, with the hours left after the order itself,
 * where the regime has them do so (paper 000's early regime: "we had to do everything"; in the
 * later one the RC delivered to the compound gate and party members carried).
 */
const rcCarrier: Carrier<ProvisionWorld> = {
  name: 'rcStaff',
  priority: 40,
  capacity: () => 0,
  staffHoursFor: (_w, uncarried, need) => (need.regime.rcCarriesToDoor ? uncarried * need.carryHours : 0),
  canCarry: (w, _h, need) => need.regime.rcCarriesToDoor && (w.state.residentsCommittee as RcState).hoursFree >= need.orderHours + need.carryHours,
  sameForEveryOrder: true,
  carry(w, _h, need) {
    (w.state.residentsCommittee as RcState).hoursFree -= need.carryHours;
    w.today.deliveredByRcStaff++;
  },
};

/**
 * RC staff take orders at the door, or by phone, for households that cannot order online, with
 * the hours left after the day's work (paper 000's early regime: "we had to do everything", and
 * elderly without smartphones could not order — here because the staff had no hours left).
 */
const rcVisitor: DoorVisitor<ProvisionWorld> = {
  name: 'rcStaff',
  priority: 40,
  staffHoursFor: (w, unreached) => unreached / w.scenario.lastMile.doorVisitsPerHour,
  visit(w) {
    const rc = w.state.residentsCommittee as RcState;
    const cost = 1 / w.scenario.lastMile.doorVisitsPerHour;
    if (rc.hoursFree < cost) return false;
    rc.hoursFree -= cost;
    w.today.staffHoursDemanded += cost;
    w.today.doorVisitsByRcStaff++;
    return true;
  },
};

const MEASURES = {
  prices: REGIMES.flatMap((r) => ['vegetable', 'pork', 'vegetableList', 'porkList'].map((k) => `prices.byRegime.${r}.${k}`)),
  deliveries: ['made', 'peakPending', 'pendingOrderDays', 'overdueOrderDays', 'pendingAtEnd', 'byRcStaff', 'byMerchants'].map((k) => `deliveries.${k}`),
  ledger: [
    'ledger.packagesSupplied', 'ledger.packagesDelivered', 'ledger.residentPayments', 'ledger.subsidyPaid',
    ...REGIMES.flatMap((r) => ['vegetable', 'pork', 'vegetablePayments', 'porkPayments', 'residentPayments', 'subsidyPaid'].map((k) => `ledger.byRegime.${r}.${k}`)),
  ],
};

export const provision = defineModule<ProvisionWorld, ProvisionState>({
  name: 'provision',
  description: 'The two provision regimes of closed management in paper 000: ordering channels, the order queue, delivery through contributed carriers, package range, prices and subsidy.',
  requires: ['lockdown', 'community', 'households', 'merchants', 'residentsCommittee'],
  // ─── parameters ───
  params,
  // ─── state ───
  columns: { households: orderColumns },
  init(world) {
    world.households.orderDay.fill(-1);
    return initialState(world.households.count, world.buildings.count);
  },
  // ─── behaviour ───
  processes: [provisionRegime, merchantCarriers, delivery, ordering, packageRange],
  provides: { [CARRIERS]: [merchantCarrier, rcCarrier], [DOOR_VISITORS]: [rcVisitor], [GROUP_BUY_SUPPLIERS]: [groupBuySupplier] },
  counters: [
    { name: 'ordersApp', unit: 'orders', description: 'Orders placed through the merchant mini-program' },
    { name: 'ordersWechatChain', unit: 'orders', description: "Orders placed through the building's WeChat sign-up chain" },
    { name: 'ordersDoorToDoor', unit: 'orders', description: 'Orders taken at the door by party members or volunteers' },
    { name: 'ordersUnaffordable', unit: 'households', description: 'Households low on basic goods who could reach a channel but not pay for a single package tonight' },
    { name: 'doorVisitsMissed', unit: 'households', description: 'Households running low who could not order online and whom the evening door-to-door round did not reach' },
    { name: 'doorVisitsByRcStaff', unit: 'households', description: 'Households whose order RC staff took at the door or by phone this evening' },
    { name: 'deliveriesMade', unit: 'orders', description: 'Orders delivered to the door today' },
    { name: 'deliveredByRcStaff', unit: 'orders', description: 'Deliveries carried by RC staff' },
    { name: 'deliveredByMerchants', unit: 'orders', description: 'Deliveries carried by supermarket staff' },
    { name: 'groupBuyPackages', unit: 'packages', description: "Basic packages residents' group buys bought from the supplying supermarkets today" },
    { name: 'residentPayments', unit: '¥', description: 'Money residents paid for delivered packages today' },
    { name: 'subsidyPaid', unit: '¥', description: 'Government subsidy paid on delivered packages today' },
  ],
  metrics: [
    {
      name: 'deliveriesPending', unit: 'orders', description: 'Orders taken and not yet delivered at the end of the day',
      sample: (w) => (w.state.provision as ProvisionState).orders.length,
    },
    {
      name: 'deliveriesOverdue', unit: 'orders', description: 'Pending orders taken before this evening: they missed their next-afternoon delivery',
      // Every order taken tonight is still in the queue (delivery is in the afternoon) and every
      // other one was taken before: the pending orders less tonight's, without a pass over the queue.
      sample: (w) => (w.state.provision as ProvisionState).orders.length - (w.today.ordersApp + w.today.ordersWechatChain + w.today.ordersDoorToDoor),
    },
    {
      name: 'packageKinds', unit: 'kinds', description: 'Kinds of basic package on offer (0 outside closed management)',
      sample: (w) => {
        const own = w.state.provision as ProvisionState;
        return own.regime ? own.packageKinds : 0;
      },
    },
  ],
  measures: {
    names: [...MEASURES.prices, ...MEASURES.deliveries, ...MEASURES.ledger],
    summarise(world, own, { columns }) {
      const s = world.scenario;
      const byRegime = Object.fromEntries(REGIMES.map((r) => {
        const l = own.ledger.byRegime[r];
        return [r, {
          vegetable: l.vegetable > 0 ? l.vegetablePayments / l.vegetable : null,
          pork: l.pork > 0 ? l.porkPayments / l.pork : null,
          vegetableList: packagePrice(s, s.regimes[r], 'vegetable').list,
          porkList: packagePrice(s, s.regimes[r], 'pork').list,
        }];
      }));
      return {
        prices: { byRegime },
        deliveries: {
          made: sum(columns.deliveriesMade),
          peakPending: max(columns.deliveriesPending),
          pendingOrderDays: sum(columns.deliveriesPending),
          overdueOrderDays: sum(columns.deliveriesOverdue),
          pendingAtEnd: own.orders.length,
          byRcStaff: sum(columns.deliveredByRcStaff),
          byMerchants: sum(columns.deliveredByMerchants),
        },
        ledger: { packagesSupplied: (world.state.merchants as MerchantsState).supplied, ...structuredClone(own.ledger) },
      };
    },
  },
});

export { CARRIERS, DOOR_VISITORS, CHAIN_ORGANISERS, GROUP_BUY_SUPPLIERS, type GroupBuySupplier, type Carrier, type DoorVisitor, type ChainOrganiser, type DeliveryNeed } from './contributions.js';
export { packagePrice, type PackagePrice, type PackageKind } from './pricing.js';
export { REGIMES, provisionOf, type ProvisionState, type ProvisionWorld, type RegimeName, type Ledger, type RegimeLedger } from './state.js';
export { params as provisionParams, type Regime } from './params.js';
