/**
 * The delivery queue (provision/delivery.ts): first come, first served. The afternoon tries the
 * waiting orders oldest first and stops trying once the RC's hours cannot handle another order
 * (issue 16: the orders after that are not tried, since a try cannot succeed); those not delivered
 * must keep their places, so the queue still holds every pending order once, oldest first. The
 * golden digests' seeds never run the RC out of hours while orders wait, so this is checked here,
 * day by day, on a seed that does. It also stops once no order left can be delivered today (part
 * 16ai: the suppliers' stock gone, or the early regime's carriers, which answer alike for every
 * order, out of deliveries and hours); the seed has such afternoons too.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { createSimulation } from '../../src/model/index.js';
import { CARRIERS, provision, type Carrier } from '../../src/modules/provision/index.js';
import type { OrderQueue } from '../../src/modules/provision/state.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { qScenario } from '../helpers.js';

describe('the delivery queue', () => {
  it('holds every pending order once, oldest first, also on days the RC runs out of hours for orders or nothing more can be delivered', () => {
    const scenario = qScenario('lockdown-2020');
    const sim = createSimulation(scenario, 'x');
    const world = sim.world as any;
    const orderHours = scenario.residentsCommittee.orderMinutes / 60;
    const delivery = sim.processes.find((p) => p.name === 'delivery')!;
    const step = delivery.step.bind(delivery);
    let stoppedWithOrdersLeft = 0;
    let stoppedUndeliverable = 0;
    // The first thing wrong with the queue, or '' (one expect per check: this runs twice a day).
    const problem = (): string => {
      const queue: OrderQueue = world.state.provision.orders;
      const { orderDay } = world.households;
      const seen = new Set<number>();
      let last = -1;
      for (let i = 0; i < queue.length; i++) {
        const h = queue.items[(queue.head + i) % queue.items.length];
        if (seen.has(h)) return `household ${h} twice`;
        seen.add(h);
        if (orderDay[h] < last) return `household ${h}'s order (day ${orderDay[h]}) after one of day ${last}`;
        last = orderDay[h];
      }
      for (let h = 0; h < orderDay.length; h++) if (orderDay[h] >= 0 !== seen.has(h)) return `household ${h}: order day ${orderDay[h]}, ${seen.has(h) ? '' : 'not '}in the queue`;
      return '';
    };
    const check = () => expect(problem(), `day ${sim.day}`).toBe('');
    (delivery as { step: typeof delivery.step }).step = (w, ctx) => {
      step(w, ctx);
      if (world.state.provision.orders.length > 0 && world.state.residentsCommittee.hoursFree < orderHours) stoppedWithOrdersLeft++;
      const stock = world.state.merchants.merchants.reduce((n: number, m: { stock: number }) => n + m.stock, 0);
      const early = scenario.regimes.early;
      const rcCarries = early.rcCarriesToDoor && world.state.residentsCommittee.hoursFree >= orderHours + 1 / scenario.lastMile.deliveriesPerHour;
      const carriersOut = world.state.provision.deliveringRegime === 'early' && world.state.provision.merchantDeliveries < 1 && !rcCarries;
      if (world.state.provision.orders.length > 0 && world.state.residentsCommittee.hoursFree >= orderHours && (stock < 1 || carriersOut)) stoppedUndeliverable++;
      check();
    };
    try {
      while (!sim.done) {
        sim.step();
        check();
      }
    } finally {
      (delivery as { step: typeof delivery.step }).step = step;
    }
    expect(stoppedWithOrdersLeft).toBeGreaterThan(5);
    expect(stoppedUndeliverable).toBeGreaterThan(0);
  });

  it('leaves no order it could have delivered on an afternoon the RC still had time for one (its stops skip only orders that cannot be delivered)', () => {
    // Stock, carriers' capacities and the RC's hours only fall in the afternoon, so an order tried
    // and not delivered stays undeliverable: after a correct afternoon with the RC's time not run
    // out, every order left is short of stock or finds no carrier, whether it was tried or skipped
    // by a stop (the suppliers below one package, or carriers that answer alike all unable). A
    // stop that fires too soon leaves an order that could have gone. Checked on the shipped
    // lockdown; on the early regime with partners short of stock, where the stock runs out on
    // afternoons with orders waiting; and on the lockdown with few supermarket carriers, where in
    // the later regime orders wait for their own building's party members or compound's
    // volunteers, who do not answer alike for every order.
    const cases: [Scenario, string][] = [
      [qScenario('lockdown-2020'), 'x'],
      [qScenario('lockdown-2020', { 'merchants.deliveryStaffPer1000Packages': 0.2 }), 'x'],
      [qScenario('early-regime-only', { 'merchants.partnerRestockPer1000Residents': 40, 'merchants.deliveryStaffPer1000Packages': 20 }), 'x'],
    ];
    let checkedOrders = 0;
    let stockGone = 0;
    for (const [scenario, runSeed] of cases) {
      const sim = createSimulation(scenario, runSeed);
      const world = sim.world as any;
      const delivery = sim.processes.find((p) => p.name === 'delivery')!;
      const step = delivery.step.bind(delivery);
      const deliverable: string[] = [];
      (delivery as { step: typeof delivery.step }).step = (w, ctx) => {
        step(w, ctx);
        const own = world.state.provision;
        const queue: OrderQueue = own.orders;
        const orderHours = scenario.residentsCommittee.orderMinutes / 60;
        if (!own.deliveringRegime || queue.length === 0 || world.state.residentsCommittee.hoursFree < orderHours) return;
        const regime = scenario.regimes[own.deliveringRegime as 'early' | 'later'];
        const need = { regime, orderHours, carryHours: 1 / scenario.lastMile.deliveriesPerHour };
        const stock = world.state.merchants.merchants.reduce((n: number, m: { stock: number; partner: boolean }) => n + (regime.suppliers === 'all' || m.partner ? m.stock : 0), 0);
        if (stock < 1) stockGone++;
        const carriers = ctx.provided<Carrier>(CARRIERS);
        const { orderVegetable, orderPork } = world.households;
        for (let i = 0; i < queue.length; i++) {
          const h = queue.items[(queue.head + i) % queue.items.length];
          checkedOrders++;
          if (orderVegetable[h] + orderPork[h] <= stock && carriers.some((c) => c.canCarry(world, h, need))) deliverable.push(`day ${sim.day}: household ${h}`);
        }
      };
      try {
        sim.run();
      } finally {
        (delivery as { step: typeof delivery.step }).step = step;
      }
      expect(deliverable.slice(0, 5)).toEqual([]);
    }
    expect(stockGone).toBeGreaterThan(0);
    expect(checkedOrders).toBeGreaterThan(1000);
  });

  it('gives the same runs when its carriers do not say they answer alike for every order (the stop changes nothing)', () => {
    // The afternoon stops early only where every carrier asked says `sameForEveryOrder` and none
    // can carry: with the flag taken off the built-in carriers, every waiting order is tried as
    // before part 16ai, and every series and the summary must be the same. The cases are ones
    // where a wrong stop shows (checked by breaking noneDeliverable to stop at any failed order
    // when the carriers are flagged: 24–34 series changed in each): the shipped lockdown with
    // seed 'y', and the early regime alone with a partner short of stock. (The stop for stock
    // under one package is the same in both runs, so this does not test it; the test before does.)
    const cases: [Scenario, string][] = [
      [qScenario('lockdown-2020'), 'y'],
      [qScenario('early-regime-only', { 'merchants.partnerRestockPer1000Residents': 40, 'merchants.deliveryStaffPer1000Packages': 20 }), 'x'],
    ];
    const carriers = provision.provides![CARRIERS] as Carrier[];
    const flagged = carriers.filter((c) => c.sameForEveryOrder);
    expect(flagged.length).toBeGreaterThan(0);
    for (const [scenario, runSeed] of cases) {
      const withStop = runScenario(scenario, { runSeed });
      let withoutStop: RunResult;
      try {
        for (const c of flagged) c.sameForEveryOrder = false;
        withoutStop = runScenario(scenario, { runSeed });
      } finally {
        for (const c of flagged) c.sameForEveryOrder = true;
      }
      expect(JSON.stringify(withoutStop.summary)).toBe(JSON.stringify(withStop.summary));
      for (const name of Object.keys(withStop.series)) expect(Array.from(withoutStop.series[name]), name).toEqual(Array.from(withStop.series[name]));
    }
  });
});
