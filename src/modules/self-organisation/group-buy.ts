/**
 * One group buy in one compound (paper 000: owners' group-buy chats, owner volunteers who
 * distribute), the same under movement control and closed management: each household joins with
 * the chance its kind and its ties give (ties.ts); a joiner's personal goods are topped up to a
 * purchase's cover, its pick-up at the compound's point is a meeting noted in the step's log of
 * pick-ups for the contact sinks (../contacts.ts), and the shared activity strengthens its ties.
 */
import { bernoulli, select, type ModuleStepContext, type Rng } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { CONTACT_SINKS, contactLog, meetAll, openLog, type ContactLog, type ContactSink } from '../contacts.js';
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

/** Scratch list reused from compound to compound (grown to the largest): the households that join. */
let joining = new Int32Array(0);

/**
 * Runs compound `c`'s group buy, its pick-ups noted in `met`; `joined(h)` is told of each
 * household that joined, after the rest. Every household's draw comes before the first
 * `joined`, so `joined` must draw nothing from `rng` (the draws would come in another order) and
 * must not run a group buy itself (the list of joiners it is called from is reused).
 */
export function groupBuy<W extends HouseholdsWorld>(world: W, rng: Rng, c: number, met: ContactLog<W>, joined?: (h: number) => void): void {
  const so = world.scenario.selfOrganisation;
  const { online, offline } = so.participation;
  const effect = so.ties.participationEffect;
  const cover = world.scenario.needs.personalCoverDays;
  const hh = world.households;
  const { digital, ties, personalStock } = hh;
  const C = world.compounds;
  const first = C.firstHousehold[c];
  if (joining.length < C.households[c]) joining = new Int32Array(C.households[c]);
  // The parameters and columns are read once per compound, and the joiners counted here and added
  // to the day's counter once.
  const n = drawJoiners(rng, first, first + C.households[c], digital, ties, online, offline, effect, joining);
  // What a joiner does draws nothing and changes nothing the draws read (digital, ties): done
  // after the draws, joiner by joiner in household order, it is what it was done between them.
  for (let i = 0; i < n; i++) {
    const h = joining[i];
    personalStock[h] = cover;
    shareActivity(world, h);
    joined?.(h);
  }
  // The pick-ups in household order, as they were noted one by one (the sinks read nothing a
  // joiner changes: ../contacts.ts).
  meetAll(world, met, joining, n);
  world.today.groupBuyHouseholds += n;
}

/**
 * The households first..end−1 that join the group buy, listed into `out` in household order (how
 * many returned): a draw each, in household order, with the chance its kind and its ties give.
 * Branch-free, the draw kept: in the Q scenario a household joins with a chance of about 0.5–0.9
 * (its kind, online or not, and its ties), so a quarter or more stay out, at random, and a branch
 * on the draw, and on the kind, was mispredicted for many of them; every household is
 * written to the list, which grows by 1 where it joins. `select` stands for the kind's ternary
 * (`online`, `offline` are finite shares; the chance is only compared, so a zero's sign does not
 * matter). A function of its own on columns and numbers: the loop that runs for every household.
 */
function drawJoiners(rng: Rng, first: number, end: number, digital: Uint8Array, ties: Float64Array, online: number, offline: number, effect: number, out: Int32Array): number {
  let n = 0;
  for (let h = first; h < end; h++) {
    const participation = select(+(digital[h] !== DIGITAL.none), online, offline);
    out[n] = h;
    n += +bernoulli(rng, joinChance(participation, effect, ties[h]));
  }
  return n;
}
