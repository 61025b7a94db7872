/**
 * Ordering under closed management, each evening (paper 000). A household running low orders
 * through the channels its regime offers: the building's WeChat sign-up chain (接龙) run by the
 * double-reporting party members, or the merchant's phone mini-program — both need a smartphone
 * user, and elderly users succeed less often. Whoever cannot order online waits for a
 * door-to-door visit from the building's party members or the compound's volunteers, as far as
 * their evening hours go. Prices and quality are fixed when the order is taken.
 */
import type { Process } from '../../engine/process.js';
import { bernoulli, shuffle } from '../../engine/random.js';
import { lowOnBasicGoods, packagesToCover } from '../needs.js';
import { CLOSED_PHASES } from '../phases.js';
import { packagePrice } from '../pricing.js';
import { activePartyMembers, CHANNEL, DIGITAL, type World } from '../world.js';

export const ordering: Process<World> = {
  name: 'ordering',
  phases: CLOSED_PHASES,
  step(world, ctx) {
    const which = world.regime;
    if (!which) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const hh = world.households;
    const L = world.labour;
    const vegetablePrice = packagePrice(s, regime, 'vegetable');
    const porkPrice = packagePrice(s, regime, 'pork');
    const variety = Math.min(1, world.packageKinds / s.regimes.later.maxPackageKinds);

    const place = (h: number, channel: number) => {
      const { vegetable, pork } = packagesToCover(s, hh, h);
      hh.orderVegetable[h] = vegetable;
      hh.orderPork[h] = pork;
      hh.orderDay[h] = ctx.day;
      hh.orderRegime[h] = which === 'early' ? 0 : 1;
      hh.orderVegetablePrice[h] = vegetablePrice.paid;
      hh.orderPorkPrice[h] = porkPrice.paid;
      hh.orderVegetableSubsidy[h] = vegetablePrice.subsidy;
      hh.orderPorkSubsidy[h] = porkPrice.subsidy;
      hh.orderQuality[h] = regime.quality;
      hh.orderVariety[h] = variety;
      const q = world.orders;
      q.items[(q.head + q.length) % q.items.length] = h;
      q.length++;
      if (channel === CHANNEL.app) world.today.ordersApp++;
      else if (channel === CHANNEL.wechatChain) world.today.ordersWechatChain++;
      else world.today.ordersDoorToDoor++;
    };

    const waitingForVisit: number[][] = world.buildings.map(() => []);
    // Whether each building's WeChat chain runs today: decided once, not per household.
    const chainRuns = world.buildings.map((b) => regime.channels.wechatChain && activePartyMembers(world, b) > 0);
    const lowOnBasics = lowOnBasicGoods(s, hh);
    const { orderDay } = hh;
    for (let h = 0; h < hh.count; h++) {
      if (orderDay[h] >= 0 || !lowOnBasics(h)) continue;
      const digital = hh.digital[h];
      if (digital !== DIGITAL.none) {
        const skill = digital === DIGITAL.adult ? 'adult' : 'elderly';
        if (chainRuns[hh.building[h]] && bernoulli(ctx.rng, s.digitalOrdering.chainSuccess[skill])) { place(h, CHANNEL.wechatChain); continue; }
        if (regime.channels.app && bernoulli(ctx.rng, s.digitalOrdering.appSuccess[skill])) { place(h, CHANNEL.app); continue; }
      }
      if (regime.channels.doorToDoor) waitingForVisit[hh.building[h]].push(h);
    }

    const visitCost = 1 / s.lastMile.doorVisitsPerHour;
    for (const building of world.buildings) {
      const waiting = shuffle(ctx.rng, waitingForVisit[building.id]);
      for (const h of waiting) {
        if (L.partyVisits[building.id] >= 1) L.partyVisits[building.id] -= 1;
        else if (L.volunteerHours[building.compound] >= visitCost) L.volunteerHours[building.compound] -= visitCost;
        else { world.today.doorVisitsMissed++; continue; }
        place(h, CHANNEL.doorToDoor);
      }
    }
  },
};
