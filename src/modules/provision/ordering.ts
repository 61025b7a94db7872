/**
 * Ordering under closed management, each evening (paper 000). A household running low orders
 * through the channels its regime offers: the building's WeChat sign-up chain (接龙), where a
 * contributed organiser runs one, or the merchant's phone mini-program — both need a smartphone
 * user, and elderly users succeed less often. Whoever cannot order online waits for a
 * door-to-door visit from the contributed visitors (the building's party members, the compound's
 * volunteers), as far as their evening hours go. Prices and quality are fixed when the order is
 * taken, and the order is cut to what the household's food cash pays for; one that can pay for
 * no package at all orders nothing tonight.
 */
import { bernoulli, shuffle, type ModuleProcess } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { affordable, lowOnBasicGoods, packagesToCover, type Basket } from '../households/index.js';
import { CLOSED_PHASES } from '../lockdown/index.js';
import { CONTACT_SINKS, type ContactSink } from '../contacts.js';
import { byPriority, CHAIN_ORGANISERS, DOOR_VISITORS, type ChainOrganiser, type DoorVisitor } from './contributions.js';
import { termsWithRoomFor } from './order-terms.js';
import { packagePrice } from './pricing.js';
import type { ProvisionState, ProvisionWorld } from './state.js';

const CHANNEL = { app: 1, wechatChain: 2, doorToDoor: 3 } as const;

export const ordering: ModuleProcess<ProvisionWorld, ProvisionState> = {
  name: 'ordering',
  slot: 'evening',
  phases: CLOSED_PHASES,
  step(world, own, ctx) {
    const which = own.regime;
    if (!which) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const hh = world.households;
    const vegetablePrice = packagePrice(s, regime, 'vegetable');
    const porkPrice = packagePrice(s, regime, 'pork');
    const variety = Math.min(1, own.packageKinds / s.packageRange.fullRangeKinds);

    // Tonight's terms, the same for every order taken tonight: kept once, under today's date.
    const day = ctx.day;
    const terms = (own.orderTerms = termsWithRoomFor(own.orderTerms, day));
    terms.vegetablePrice[day] = vegetablePrice.paid;
    terms.porkPrice[day] = porkPrice.paid;
    terms.vegetableSubsidy[day] = vegetablePrice.subsidy;
    terms.porkSubsidy[day] = porkPrice.subsidy;
    terms.quality[day] = regime.quality;
    terms.variety[day] = variety;
    terms.regime[day] = which === 'early' ? 0 : 1;

    // One basket for the evening, refilled per order: nothing is allocated per order.
    const basket: Basket = { vegetable: 0, pork: 0 };
    const vegetablePaid = vegetablePrice.paid;
    const porkPaid = porkPrice.paid;
    const place = (h: number, channel: number) => {
      // What the household's food cash pays for at tonight's prices (households/budget.ts).
      const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePaid, porkPaid);
      if (vegetable + pork === 0) { world.today.ordersUnaffordable++; return; }
      hh.orderVegetable[h] = vegetable;
      hh.orderPork[h] = pork;
      hh.orderDay[h] = day;
      const q = own.orders;
      q.items[(q.head + q.length) % q.items.length] = h;
      q.length++;
      if (channel === CHANNEL.app) world.today.ordersApp++;
      else if (channel === CHANNEL.wechatChain) world.today.ordersWechatChain++;
      else world.today.ordersDoorToDoor++;
    };

    const nBuildings = world.buildings.count;
    const B = world.buildings;
    // Households whose online order failed tonight ask for a visit; they are seen first.
    const asked: number[][] = Array.from({ length: nBuildings }, () => []);
    // Whether each building's WeChat chain runs today: decided once, not per household.
    const organisers = ctx.provided<ChainOrganiser<ProvisionWorld>>(CHAIN_ORGANISERS);
    const chainRuns = Array.from({ length: nBuildings }, (_, b) => regime.channels.wechatChain && organisers.some((o) => o.runsChain(world, b)));
    const lowOnBasics = lowOnBasicGoods(s, hh);
    const { orderDay, digital } = hh;
    for (let h = 0; h < hh.count; h++) {
      // A household with no smartphone user cannot order online: it waits for the round below.
      if (orderDay[h] >= 0 || digital[h] === DIGITAL.none || !lowOnBasics(h)) continue;
      const skill = digital[h] === DIGITAL.adult ? 'adult' : 'elderly';
      if (chainRuns[hh.building[h]] && bernoulli(ctx.rng, s.digitalOrdering.chainSuccess[skill])) { place(h, CHANNEL.wechatChain); continue; }
      if (regime.channels.app && bernoulli(ctx.rng, s.digitalOrdering.appSuccess[skill])) { place(h, CHANNEL.app); continue; }
      if (regime.channels.doorToDoor) asked[hh.building[h]].push(h);
    }
    if (!regime.channels.doorToDoor) return;

    // The evening round (paper 000: door to door for elderly who cannot use phones): the
    // building's visitors knock on every door without a smartphone user, in turn from where last
    // evening's round stopped, and take an order where one is needed. A visit costs time whether
    // or not the household needs anything, so a building with many such households may not be
    // gone round in one evening; whoever is not reached and is running low goes without tonight.
    const visitors = byPriority(ctx.provided<DoorVisitor<ProvisionWorld>>(DOOR_VISITORS));
    const sinks = ctx.provided<ContactSink<ProvisionWorld>>(CONTACT_SINKS);
    const visit = (b: number, h: number): boolean => {
      for (let k = 0; k < visitors.length; k++) {
        if (!visitors[k].visit(world, b)) continue;
        for (const sink of sinks) sink.report(world, 'doorVisit', h, visitors[k].name);
        return true;
      }
      return false;
    };
    const cursor = own.doorRound;
    let missed = 0;
    for (let b = 0; b < nBuildings; b++) {
      let open = true;
      for (const h of shuffle(ctx.rng, asked[b])) {
        if (open && visit(b, h)) place(h, CHANNEL.doorToDoor);
        else { open = false; world.today.doorVisitsMissed++; missed++; }
      }
      const first = B.firstHousehold[b];
      const n = B.households[b];
      let k = 0;
      for (; k < n && open; k++) {
        const h = first + ((cursor[b] + k) % n);
        if (digital[h] !== DIGITAL.none || orderDay[h] >= 0) continue;
        if (!visit(b, h)) { open = false; break; }
        if (lowOnBasics(h)) place(h, CHANNEL.doorToDoor);
      }
      // Not reached tonight: those running low would have ordered.
      let unreached = 0;
      for (let j = k; j < n; j++) {
        const h = first + ((cursor[b] + j) % n);
        if (digital[h] === DIGITAL.none && orderDay[h] < 0 && lowOnBasics(h)) unreached++;
      }
      cursor[b] = (cursor[b] + k) % n;
      world.today.doorVisitsMissed += unreached;
      missed += unreached;
    }
    // Households no one reached tonight are work the RC was asked for, where its staff visit.
    for (const v of visitors) if (v.staffHoursFor) world.today.staffHoursDemanded += v.staffHoursFor(world, missed);
  },
};
