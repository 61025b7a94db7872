/**
 * Group buying where residents may still go out (paper 000). Under movement control a household
 * may shop once every few days; WeChat group-buy groups were how residents got goods without
 * going out. Where this is switched on (`groupBuying.from: movementControl`), a compound that
 * self-organises (the same social capital threshold and formation delay as under closed
 * management, counted from the first day of movement control) runs a group buy every
 * `intervalDays`. A household that joins tops its stocks up to a purchase's cover — personal
 * goods and, before the community's basic packages exist, vegetables and meat too (`basicGoods`),
 * at the disrupted market's prices — and picks its order up at the compound's group-buy point
 * instead of going out: the afternoon's outing finds it no longer short and it stays in. The
 * pick-up, and the organiser who hands the orders out, are meetings reported to the contact sinks
 * (../contacts.ts), so an epidemic turns them into exposure. The day closed management begins the closure process of index.ts carries on with the
 * compounds started here.
 *
 * Why a group buy of personal goods alone lowers outings little: a household goes out when it is
 * short of basic goods or of personal goods, and is short of basics far more often; the group buy
 * then removes only the outings made for personal goods alone.
 */
import { z } from 'zod';
import type { ModuleProcess } from '../../engine/index.js';
import { closeLog } from '../contacts.js';
import { packagesToCover, receivePackages, type HouseholdsWorld } from '../households/index.js';
import { PHASES } from '../lockdown/index.js';
import { groupBuy, openPickups, pickupsMet } from './group-buy.js';
import { p, section, sections } from '../../scenario/params.js';

export const groupBuyingParams = sections({
  groupBuying: () => section('when self-organised group buying is available, and what it sells before closed management', {
    from: p(
      z.enum(['closedManagement', 'movementControl']),
      'the lockdown step from which compounds that self-organise run group buys: closedManagement (no one may go out) or movementControl (outings restricted but allowed; a household that joins a group buy does not go out for those goods)',
    ),
    basicGoods: p(z.boolean(), "group buys also sell vegetables and meat (the basic goods): under movement control at the disrupted market's prices, topping them up like an outing; under closed management from the supermarkets the regime buys from, out of their stock, at the regime's prices; otherwise personal goods only"),
    pooled: p(z.boolean(), "under closed management a compound's group buy is one pooled order that owner volunteers pick up and hand out, taking no RC time and no carrier; otherwise each household's share of basic goods is handled as an order of its own (RC tallying, a carrier to the door)"),
  }),
});

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);


interface World extends HouseholdsWorld {
  compounds: HouseholdsWorld['compounds'] & { selfOrganisedSince: Int32Array };
}

export const movementControlGroupBuys: ModuleProcess<World> = {
  name: 'groupBuysUnderMovementControl',
  slot: 'afternoon',
  // After the regime's deliveries, before the outings (10): a household supplied here stays in.
  order: 5,
  phases: [PHASES.movementControl],
  step(world, _own, ctx) {
    const s = world.scenario;
    const so = s.selfOrganisation;
    if (!so.enabled || s.groupBuying.from !== 'movementControl') return;
    const since = daysBetween(s.timeline.movementControl as string, ctx.date);
    const hh = world.households;
    const C = world.compounds;
    const markup = s.outings.disruptedPriceMarkup;
    openPickups(ctx);
    for (let c = 0; c < C.count; c++) {
      if (C.selfOrganisedSince[c] < 0) {
        if (C.socialCapital[c] < so.socialCapitalThreshold || since < so.formationDelayDays) continue;
        C.selfOrganisedSince[c] = ctx.day;
      }
      if ((ctx.day - C.selfOrganisedSince[c]) % so.intervalDays !== 0) continue;
      groupBuy(world, ctx.rng, c, pickupsMet, (h) => {
        if (!s.groupBuying.basicGoods) return;
        const { vegetable, pork } = packagesToCover(s, hh, h);
        receivePackages(world, h, {
          vegetable,
          pork,
          vegetablePaid: vegetable * s.packages.vegetable.normalPrice * markup,
          porkPaid: pork * s.packages.pork.normalPrice * markup,
          quality: 1,
          variety: 1,
        });
      });
    }
    closeLog(world, pickupsMet);
  },
};
