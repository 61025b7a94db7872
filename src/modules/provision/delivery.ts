/**
 * Delivery, the afternoon of each day (paper 000). Orders taken the evening before wait in one
 * queue, oldest first. Each needs RC staff time (tallying, procurement, delivery to the compound
 * gate), packages in a supplying merchant's stock, and someone to carry it from the gate to the
 * door: the carriers modules contribute, tried in order of priority — in the Q community the
 * building's double-reporting party members, then the compound's volunteers, then supermarket
 * staff, then RC staff where the regime has them carry. An order that cannot be finished today
 * waits for tomorrow; the backlog is the RC's unmet workload.
 */
import type { ModuleProcess } from '../../engine/index.js';
import { takeInPackages } from '../households/index.js';
import { takeFromStock, type Merchant, type MerchantsState } from '../merchants/index.js';
import type { RcState } from '../residents-committee/index.js';
import { CONTACT_SINKS, closeLog, contactLog, meet, openLog, type ContactLog, type ContactSink } from '../contacts.js';
import { byPriority, CARRIERS, type Carrier, type DeliveryNeed } from './contributions.js';
import { keepPlaces } from './order-queue.js';
import { bookSale, type ProvisionState, type ProvisionWorld } from './state.js';

/** The deliveries reported to the contact sinks, in batches (../contacts.ts): who carried is the place in `asked`. */
const deliveriesMet = contactLog<ProvisionWorld>('delivery');

export const delivery: ModuleProcess<ProvisionWorld, ProvisionState> = {
  name: 'delivery',
  slot: 'afternoon',
  step(world, own, ctx) {
    const which = own.deliveringRegime;
    const queue = own.orders;
    if (!which || queue.length === 0) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const rc = world.state.residentsCommittee as RcState;
    const today = world.today;
    const need: DeliveryNeed = { regime, orderHours: s.residentsCommittee.orderMinutes / 60, carryHours: 1 / s.lastMile.deliveriesPerHour };
    const suppliers = (world.state.merchants as MerchantsState).merchants.filter((m) => regime.suppliers === 'all' || m.partner);
    const carriers = byPriority(ctx.provided<Carrier<ProvisionWorld>>(CARRIERS));

    // Workload demanded of RC staff: the waiting orders today's stock can fill, oldest first, and
    // carrying what others cannot. An order waiting for goods asks no staff time today.
    let stock = 0;
    for (const m of suppliers) stock += m.stock;
    const { orderVegetable, orderPork } = world.households;
    const fillable = fillableOrders(queue.items, queue.head, queue.length, orderVegetable, orderPork, stock);
    let otherCarriers = 0;
    for (const c of ctx.provided<Carrier<ProvisionWorld>>(CARRIERS)) if (!c.staffHoursFor) otherCarriers += c.capacity(world);
    let staffCarrying = 0;
    for (const c of carriers) if (c.staffHoursFor) staffCarrying += c.staffHoursFor(world, Math.max(0, fillable - otherCarriers), need);
    today.staffHoursDemanded += fillable * need.orderHours + staffCarrying;
    // A carrier with no deliveries left today can carry none of today's orders (its capacity only
    // falls in the afternoon), so it is not asked for each one: in the early regime the party
    // members and volunteers have none, two calls per order through a megamorphic site.
    const asked = carriers.filter((c) => c.staffHoursFor !== undefined || c.capacity(world) > 0);
    const sameForEveryOrder = asked.every((c) => c.sameForEveryOrder === true);

    // Each waiting order is tried once, oldest first; one not delivered keeps its place. Every
    // order takes RC time, which only goes down here: once it is too little for one order, none of
    // the orders after it can be delivered today, and they are not tried (a try draws nothing and
    // changes nothing, so skipping them changes no output).
    kept[0] = 0;
    openLog(deliveriesMet, ctx.provided<ContactSink<ProvisionWorld>>(CONTACT_SINKS), asked.map((c) => c.name));
    const tried = deliverInTurn(world, own, queue, rc, need, suppliers, asked, sameForEveryOrder, deliveriesMet, orderVegetable, orderPork);
    closeLog(world, deliveriesMet);
    keepPlaces(queue, tried, kept[0]);
  },
};

/**
 * How many of the waiting orders, oldest first, `stock` packages fill. A function of its own, for
 * the reason `deliverInTurn` gives.
 */
function fillableOrders(items: Int32Array, head: number, length: number, orderVegetable: Uint16Array, orderPork: Uint16Array, stock: number): number {
  // The queue is a ring: positions wrap at its end (a compare, not a division per order).
  const size = items.length;
  let left = stock;
  let fillable = 0;
  for (let i = 0, at = head; i < length; i++, at = at + 1 === size ? 0 : at + 1) {
    const h = items[at];
    const packages = orderVegetable[h] + orderPork[h];
    if (packages > left) break;
    left -= packages;
    fillable++;
  }
  return fillable;
}

/** How many of the orders `deliverInTurn` tried it could not deliver (zeroed by the step before it). */
const kept = new Int32Array(1);

/**
 * The afternoon's deliveries, oldest order first, while the RC has time for one more and some
 * order can still be delivered (`noneDeliverable`); returns how many orders were tried, and those
 * not delivered are written back at the front of the queue, in order (order-queue.ts). A
 * function of its own that reads nothing of the world before its loop and writes nothing after it
 * but its return: as the step's loop (with `deliver` a closure in the step), V8 compiled the whole
 * step on stack replacement, then again with the first afternoon's feedback alone, and dropped it
 * at the step's first lines the next afternoon (six compilations of the step a run at 100k in a
 * fresh process; docs/performance.md, part 16o).
 */
function deliverInTurn(
  world: ProvisionWorld,
  own: ProvisionState,
  queue: ProvisionState['orders'],
  rc: RcState,
  need: DeliveryNeed,
  suppliers: readonly Merchant[],
  asked: readonly Carrier<ProvisionWorld>[],
  sameForEveryOrder: boolean,
  met: ContactLog<ProvisionWorld>,
  orderVegetable: Uint16Array,
  orderPork: Uint16Array,
): number {
  // The queue is a ring: positions wrap at its end (a compare, not a division per order).
  const items = queue.items;
  const size = items.length;
  const n = queue.length;
  let tried = 0;
  for (let at = queue.head, to = queue.head; tried < n && rc.hoursFree >= need.orderHours; tried++, at = at + 1 === size ? 0 : at + 1) {
    const h = items[at];
    if (deliver(world, own, h, rc, need, suppliers, asked, met, orderVegetable, orderPork)) continue;
    // Not delivered: back to the front of the queue, in order (order-queue.ts).
    items[to] = h;
    to = to + 1 === size ? 0 : to + 1;
    kept[0]++;
    if (noneDeliverable(world, h, need, suppliers, asked, sameForEveryOrder)) return tried + 1;
  }
  return tried;
}

/**
 * Whether none of the orders after one that could not be delivered can be today: the suppliers
 * hold less than a package (every order holds one at least: ordering queues none without), or
 * every carrier asked answers the same for every order (`sameForEveryOrder`) and none can carry
 * now. What both read only falls while orders are delivered, and a try that fails draws nothing
 * and changes nothing, so the orders after are not tried and keep their places, as when the RC's
 * time runs out. In the Q model at 1M, 1.6 of the 3.9 million tries were such: the stock gone, or
 * the early regime's supermarket carriers and RC staff (its only carriers) out of deliveries and
 * hours, with a backlog of 100,000–190,000 orders tried every afternoon (part 16ai).
 */
function noneDeliverable(
  world: ProvisionWorld,
  h: number,
  need: DeliveryNeed,
  suppliers: readonly Merchant[],
  asked: readonly Carrier<ProvisionWorld>[],
  sameForEveryOrder: boolean,
): boolean {
  let stock = 0;
  for (const m of suppliers) stock += m.stock;
  if (stock < 1) return true;
  if (!sameForEveryOrder) return false;
  for (let k = 0; k < asked.length; k++) if (asked[k].canCarry(world, h, need)) return false;
  return true;
}

/** Delivers household h's order if the suppliers hold its packages and a carrier can take it; false otherwise. */
function deliver(
  world: ProvisionWorld,
  own: ProvisionState,
  h: number,
  rc: RcState,
  need: DeliveryNeed,
  suppliers: readonly Merchant[],
  asked: readonly Carrier<ProvisionWorld>[],
  met: ContactLog<ProvisionWorld>,
  orderVegetable: Uint16Array,
  orderPork: Uint16Array,
): boolean {
  const packages = orderVegetable[h] + orderPork[h];
  let inStock = 0;
  for (const m of suppliers) inStock += m.stock;
  if (inStock < packages) return false;
  // A plain loop, not find(): this runs once per order, and a closure per order shows in profiles.
  let k = 0;
  while (k < asked.length && !asked[k].canCarry(world, h, need)) k++;
  if (k === asked.length) return false;
  rc.hoursFree -= need.orderHours;
  asked[k].carry(world, h, need);
  meet(world, met, h, k);
  takeFromStock(suppliers, packages);
  receive(world, own, h);
  return true;
}

/** The household takes in its order and pays the prices fixed when it was taken (the terms of its day). */
function receive(world: ProvisionWorld, own: ProvisionState, h: number): void {
  const hh = world.households;
  const t = world.today;
  const terms = own.orderTerms;
  const day = hh.orderDay[h];
  const veg = hh.orderVegetable[h];
  const pork = hh.orderPork[h];
  const vegPaid = veg * terms.vegetablePrice[day];
  const porkPaid = pork * terms.porkPrice[day];
  const subsidy = veg * terms.vegetableSubsidy[day] + pork * terms.porkSubsidy[day];
  takeInPackages(world, h, veg, pork, vegPaid, porkPaid, terms.quality[day], terms.variety[day]);
  t.residentPayments += vegPaid + porkPaid;
  t.subsidyPaid += subsidy;
  t.deliveriesMade++;

  // By index, not by the regime's name: this runs once per order. Both ledgers are read for every
  // order: read only for the orders of its regime, the later one's had no type feedback when V8
  // compiled the afternoon's loop under the early regime, and the first later order dropped it.
  const ledger = own.ledger;
  const { early, later } = ledger.byRegime;
  bookSale(ledger, terms.regime[day] === 0 ? early : later, veg, pork, vegPaid, porkPaid, subsidy);

  hh.orderDay[h] = -1;
  hh.orderVegetable[h] = 0;
  hh.orderPork[h] = 0;
}
