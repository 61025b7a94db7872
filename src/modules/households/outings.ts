/**
 * Outings (paper 000's timeline). In normal times and after reopening a household shops when its
 * stocks run low. After the road closure of 2020-01-24 ordinary supply is disrupted: an outing
 * may find nothing, and prices rise. Under movement control (2020-02-03) each household may go
 * out once every few days; under closed management (2020-02-11) not at all. A household buys
 * what its food cash pays for (budget.ts).
 */
import { bernoulli, type ModuleProcess, type Rng } from '../../engine/index.js';
import { OUTING_PHASES, PHASES } from '../lockdown/index.js';
import { CONTACT_SINKS, closeLog, contactLog, meetAll, openLog, type ContactLog, type ContactSink } from '../contacts.js';
import type { HouseholdsWorld } from './columns.js';
import { CONFINEMENTS, type Confinement } from './confinement.js';
import { lowOnBasics, lowOnPersonal, packagesToCover, type Basket } from './needs.js';
import { takeInPackages } from './receipts.js';
import { affordable } from './budget.js';

/**
 * Scratch list reused day after day (grown when a larger world comes): the households that would
 * go out today.
 */
let wanting = new Int32Array(0);
/** The outings reported to the contact sinks, in batches (../contacts.ts). */
const outingsMet = contactLog<HouseholdsWorld>('outing');

export const outings: ModuleProcess<HouseholdsWorld> = {
  name: 'outings',
  slot: 'afternoon',
  // After the afternoon's deliveries: on the day closure ends, what was delivered is at home.
  order: 10,
  phases: OUTING_PHASES,
  step(world, _own, ctx) {
    const s = world.scenario;
    const hh = world.households;
    const disrupted = ctx.phase === PHASES.roadClosure || ctx.phase === PHASES.movementControl;
    // Under movement control a household may go out on its own days only (every `interval` days).
    const interval = ctx.phase === PHASES.movementControl ? s.outings.movementControlIntervalDays : 1;
    const markup = disrupted ? s.outings.disruptedPriceMarkup : 1;
    const reorderBelowDays = s.needs.reorderBelowDays;
    const { members, vegetableStock, porkStock, personalStock } = hh;
    // Contributed by other modules (an epidemic); empty in the lockdown model, which then draws as before.
    const confinements = ctx.provided<Confinement<HouseholdsWorld>>(CONFINEMENTS);
    openLog(outingsMet, ctx.provided<ContactSink<HouseholdsWorld>>(CONTACT_SINKS));
    const vegetablePrice = s.packages.vegetable.normalPrice * markup;
    const porkPrice = s.packages.pork.normalPrice * markup;
    // One basket for the day, refilled per purchase: nothing is allocated per household.
    const basket: Basket = { vegetable: 0, pork: 0 };
    if (wanting.length < hh.count) wanting = new Int32Array(hh.count);
    const n = wantingToShop(hh.count, ctx.day, interval, hh.outingSlot, members, vegetableStock, porkStock, personalStock, reorderBelowDays, wanting);
    const purchases = goOut(
      world, s, hh, ctx.rng, wanting, n, confinements, outingsMet, disrupted,
      reorderBelowDays, members, vegetableStock, porkStock, personalStock, vegetablePrice, porkPrice, basket,
    );
    closeLog(world, outingsMet);
    world.today.outingPurchases += purchases;
  },
};

/**
 * The households that would go out today, written into `out` in household order (their number is
 * returned): those on their day to go out (every day but under movement control), low on basic or
 * personal goods. A function of its own on columns and numbers, because it is the part of the
 * afternoon that runs for every household: as a loop inside the step, V8 compiled it on stack
 * replacement and dropped that code at the first world read after it (docs/performance.md).
 * Going out — the draws, the purchase — is the step's, for the households listed.
 *
 * Branch-free: which households are low changes from day to day, so a branch per household is
 * mispredicted about as often as a quarter of them shop; every household is written to the list
 * and the list grows by one where the household goes out (by 0 or 1).
 */
function wantingToShop(count: number, day: number, interval: number, outingSlot: Uint8Array, members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, personalStock: Float64Array, reorderBelowDays: number, out: Int32Array): number {
  let n = 0;
  for (let h = 0; h < count; h++) {
    const onItsDay = interval === 1 || (day + outingSlot[h]) % interval === 0;
    const low = lowOnBasics(reorderBelowDays, members, vegetableStock, porkStock, h) | lowOnPersonal(reorderBelowDays, personalStock, h);
    out[n] = h;
    n += +onItsDay & low;
  }
  return n;
}

/**
 * The households listed go out, in order: those kept in by a confinement stay home; on a disrupted
 * day each finds goods with the scenario's availability (a draw); each that goes tops up its
 * personal goods, and its basic goods as far as its cash pays. Returns the number of purchases.
 * The confinements strike those they hold off the list before the loop, and the outings are
 * reported to the contact sinks after it (the list's head rewritten with those who went, in
 * order): no call per household to another module (confinement.ts, ../contacts.ts). Neither
 * draws, and what they read stays the same through the afternoon, so the draws are as before.
 * A function of its own that reads nothing of the world before its loop: as the step's own loop,
 * V8 compiled it on stack replacement in the first afternoon and the whole step again with the
 * type feedback of that afternoon alone, where the step's first and last lines had none (they
 * ran before V8 had allocated the step's feedback), and threw the code away the next afternoon:
 * four or five compilations of the step a run, in a fresh process (docs/performance.md, part 16o).
 */
function goOut(
  world: HouseholdsWorld,
  s: HouseholdsWorld['scenario'],
  hh: HouseholdsWorld['households'],
  rng: Rng,
  wanting: Int32Array,
  n: number,
  confinements: readonly Confinement<HouseholdsWorld>[],
  met: ContactLog<HouseholdsWorld>,
  disrupted: boolean,
  reorderBelowDays: number,
  members: Uint8Array,
  vegetableStock: Float64Array,
  porkStock: Float64Array,
  personalStock: Float64Array,
  vegetablePrice: number,
  porkPrice: number,
  basket: Basket,
): number {
  for (let k = 0; k < confinements.length; k++) n = confinements[k].letOut(world, wanting, n);
  let purchases = 0;
  for (let i = 0; i < n; i++) {
    const h = wanting[i];
    if (disrupted && !bernoulli(rng, s.outings.disruptedAvailability)) continue;
    wanting[purchases++] = h;
    const basic = lowOnBasics(reorderBelowDays, members, vegetableStock, porkStock, h);
    if (lowOnPersonal(reorderBelowDays, personalStock, h)) personalStock[h] = s.needs.personalCoverDays;
    if (!basic) continue;
    const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePrice, porkPrice);
    if (vegetable + pork === 0) continue;
    takeInPackages(world, h, vegetable, pork, vegetable * vegetablePrice, pork * porkPrice, 1, 1);
  }
  meetAll(world, met, wanting, purchases);
  return purchases;
}
