/**
 * One group buy in one compound (paper 000: owners' group-buy chats, owner volunteers who
 * distribute), the same under movement control and closed management: each household joins with
 * the chance its kind and its ties give (ties.ts); a joiner's personal goods are topped up to a
 * purchase's cover, its pick-up at the compound's point is a meeting reported to the contact sinks
 * (../contacts.ts), and the shared activity strengthens its ties.
 */
import { bernoulli, type Rng } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import type { ContactSink } from '../contacts.js';
import type { HouseholdsWorld } from '../households/index.js';
import { joinChance, shareActivity } from './ties.js';

/** Reported with each pick-up, naming who hands the orders out (the epidemic finds that person). */
export const ORGANISER = 'selfOrganisation';

/** Runs compound `c`'s group buy; `joined(h)` is told of each household that joined, after the rest. */
export function groupBuy<W extends HouseholdsWorld>(world: W, rng: Rng, c: number, sinks: readonly ContactSink<W>[], joined?: (h: number) => void): void {
  const so = world.scenario.selfOrganisation;
  const hh = world.households;
  const C = world.compounds;
  const end = C.firstHousehold[c] + C.households[c];
  for (let h = C.firstHousehold[c]; h < end; h++) {
    const online = hh.digital[h] !== DIGITAL.none;
    if (!bernoulli(rng, joinChance(online ? so.participation.online : so.participation.offline, so.ties.participationEffect, hh.ties[h]))) continue;
    hh.personalStock[h] = world.scenario.needs.personalCoverDays;
    world.today.groupBuyHouseholds++;
    for (const sink of sinks) sink.report(world, 'pickup', h, ORGANISER);
    shareActivity(world, h);
    joined?.(h);
  }
}
