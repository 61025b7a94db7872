/**
 * Delivery, the afternoon of each day (paper 000). Orders taken the evening before wait in one
 * queue, oldest first. Each needs RC staff time (tallying, procurement, delivery to the compound
 * gate), packages in a merchant's stock, and someone to carry it from the gate to the door: the
 * building's double-reporting party members first, then the compound's volunteers, then
 * supermarket staff, and RC staff where the regime has them carry. An order that cannot be
 * finished today waits for tomorrow; the backlog is the RC's unmet workload.
 */
import type { Process } from '../../engine/process.js';
import { receivePackages } from '../receipts.js';
import { REGIMES, type World } from '../world.js';

/** Who carried an order from the gate to the door. */
const CARRIER = { none: 0, party: 1, volunteer: 2, merchant: 3, rc: 4 } as const;

export const delivery: Process<World> = {
  name: 'delivery',
  step(world) {
    const which = world.deliveringRegime;
    const queue = world.orders;
    if (!which || queue.length === 0) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const hh = world.households;
    const L = world.labour;
    const today = world.today;
    const orderHours = s.residentsCommittee.orderMinutes / 60;
    const carryHours = 1 / s.lastMile.deliveriesPerHour;
    const suppliers = world.merchants.filter((m) => regime.suppliers === 'all' || m.partner);

    // Workload demanded of RC staff: every waiting order, and carrying what others cannot.
    let otherCarriers = L.merchantDeliveries;
    for (let b = 0; b < L.partyDeliveries.length; b++) otherCarriers += L.partyDeliveries[b];
    for (let c = 0; c < L.volunteerHours.length; c++) otherCarriers += L.volunteerHours[c] * s.lastMile.deliveriesPerHour;
    today.staffHoursDemanded += queue.length * orderHours +
      (regime.rcCarriesToDoor ? Math.max(0, queue.length - otherCarriers) * carryHours : 0);

    const n = queue.length;
    for (let i = 0; i < n; i++) {
      const h = queue.items[queue.head];
      queue.head = (queue.head + 1) % queue.items.length;
      queue.length--;
      if (!deliver(world, h, suppliers, orderHours, carryHours, regime.rcCarriesToDoor)) {
        queue.items[(queue.head + queue.length) % queue.items.length] = h;
        queue.length++;
      }
    }

    function deliver(world: World, h: number, sources: typeof suppliers, orderHours: number, carryHours: number, rcCarries: boolean): boolean {
      if (L.rcHoursFree < orderHours) return false;
      const packages = hh.orderVegetable[h] + hh.orderPork[h];
      let inStock = 0;
      for (const m of sources) inStock += m.stock;
      if (inStock < packages) return false;
      const b = hh.building[h];
      const c = hh.compound[h];
      let carrier: number = CARRIER.none;
      if (L.partyDeliveries[b] >= 1) carrier = CARRIER.party;
      else if (L.volunteerHours[c] >= carryHours) carrier = CARRIER.volunteer;
      else if (L.merchantDeliveries >= 1) carrier = CARRIER.merchant;
      else if (rcCarries && L.rcHoursFree >= orderHours + carryHours) carrier = CARRIER.rc;
      if (carrier === CARRIER.none) return false;

      L.rcHoursFree -= orderHours;
      if (carrier === CARRIER.party) { L.partyDeliveries[b] -= 1; today.deliveredByPartyMembers++; }
      else if (carrier === CARRIER.volunteer) { L.volunteerHours[c] -= carryHours; today.deliveredByVolunteers++; }
      else if (carrier === CARRIER.merchant) { L.merchantDeliveries -= 1; today.deliveredByMerchants++; }
      else { L.rcHoursFree -= carryHours; today.deliveredByRcStaff++; }

      let needed = packages;
      for (const m of sources) {
        const take = Math.min(m.stock, needed);
        m.stock -= take;
        needed -= take;
        if (needed === 0) break;
      }
      receive(world, h);
      return true;
    }
  },
};

/** The household takes in its order and pays the prices fixed when it was taken. */
function receive(world: World, h: number): void {
  const hh = world.households;
  const t = world.today;
  const veg = hh.orderVegetable[h];
  const pork = hh.orderPork[h];
  const vegPaid = veg * hh.orderVegetablePrice[h];
  const porkPaid = pork * hh.orderPorkPrice[h];
  const subsidy = veg * hh.orderVegetableSubsidy[h] + pork * hh.orderPorkSubsidy[h];
  receivePackages(world, h, { vegetable: veg, pork, vegetablePaid: vegPaid, porkPaid, quality: hh.orderQuality[h], variety: hh.orderVariety[h] });
  t.residentPayments += vegPaid + porkPaid;
  t.subsidyPaid += subsidy;
  t.deliveriesMade++;

  const ledger = world.ledger;
  ledger.packagesDelivered += veg + pork;
  ledger.residentPayments += vegPaid + porkPaid;
  ledger.subsidyPaid += subsidy;
  const byRegime = ledger.byRegime[REGIMES[hh.orderRegime[h]]];
  byRegime.vegetable += veg;
  byRegime.pork += pork;
  byRegime.vegetablePayments += vegPaid;
  byRegime.porkPayments += porkPaid;
  byRegime.residentPayments += vegPaid + porkPaid;
  byRegime.subsidyPaid += subsidy;

  hh.orderDay[h] = -1;
  hh.orderVegetable[h] = 0;
  hh.orderPork[h] = 0;
}
