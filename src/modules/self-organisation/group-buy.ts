/**
 * One group buy in one compound (paper 000: owners' group-buy chats, owner volunteers who
 * distribute), the same under movement control and closed management: each household joins with
 * the chance its kind and its ties give (ties.ts); a joiner's personal goods are topped up to a
 * purchase's cover, its pick-up at the compound's point is a meeting noted in the step's log of
 * pick-ups for the contact sinks (../contacts.ts), and the shared activity strengthens its ties.
 */
import { bernoulli, type ModuleStepContext, type Rng } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { CONTACT_SINKS, contactLog, meet, openLog, type ContactLog, type ContactSink } from '../contacts.js';
import type { HouseholdsWorld } from '../households/index.js';
import { joinChance, shareActivity } from './ties.js';

/** Reported with each pick-up, naming who hands the orders out (the epidemic finds that person). */
export const ORGANISER = 'selfOrganisation';

/** The pick-ups reported to the contact sinks, in batches: a step opens it (`openPickups`) and closes it. */
export const pickupsMet = contactLog('pickup');

/** Opens the step's log of pick-ups with the model's contact sinks, the organiser named as who hands the orders out. */
export function openPickups(ctx: ModuleStepContext): void {
  openLog(pickupsMet, ctx.provided<ContactSink>(CONTACT_SINKS), [ORGANISER]);
}

/** Runs compound `c`'s group buy, its pick-ups noted in `met`; `joined(h)` is told of each household that joined, after the rest. */
export function groupBuy<W extends HouseholdsWorld>(world: W, rng: Rng, c: number, met: ContactLog<W>, joined?: (h: number) => void): void {
  const so = world.scenario.selfOrganisation;
  const { online, offline } = so.participation;
  const effect = so.ties.participationEffect;
  const cover = world.scenario.needs.personalCoverDays;
  const hh = world.households;
  const { digital, ties, personalStock } = hh;
  const C = world.compounds;
  const end = C.firstHousehold[c] + C.households[c];
  // The parameters and columns are read once per compound, and the joiners counted here and added
  // to the day's counter once: this loop runs for every household of the compound.
  let joiners = 0;
  for (let h = C.firstHousehold[c]; h < end; h++) {
    if (!bernoulli(rng, joinChance(digital[h] !== DIGITAL.none ? online : offline, effect, ties[h]))) continue;
    personalStock[h] = cover;
    joiners++;
    meet(world, met, h);
    shareActivity(world, h);
    joined?.(h);
  }
  world.today.groupBuyHouseholds += joiners;
}
