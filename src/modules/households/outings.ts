/**
 * Outings (paper 000's timeline). In normal times and after reopening a household shops when its
 * stocks run low. After the road closure of 2020-01-24 ordinary supply is disrupted: an outing
 * may find nothing, and prices rise. Under movement control (2020-02-03) each household may go
 * out once every few days; under closed management (2020-02-11) not at all. A household buys
 * what its food cash pays for (budget.ts).
 */
import { bernoulli, select, type ModuleProcess, type Rng } from '../../engine/index.js';
import { OUTING_PHASES, PHASES } from '../lockdown/index.js';
import { CONTACT_SINKS, closeLog, contactLog, meetAll, openLog, type ContactSink } from '../contacts.js';
import type { HouseholdsWorld } from './columns.js';
import { CONFINEMENTS, checkedConfinements, type Confinement } from './confinement.js';
import { lowOnBasics, lowOnPersonal, packagesToCover, type Basket } from './needs.js';
import { takeInPackages } from './receipts.js';
import { affordable } from './budget.js';

/**
 * Scratch list reused day after day (grown when a larger world comes): the households that would
 * go out today.
 */
let wanting = new Int32Array(0);
/** Scratch list as `wanting`: of the households that go out, those low on basic goods (goOut). */
let shopping = new Int32Array(0);
/**
 * The day's prices of a vegetable and a pork package, handed to goOut in a typed array, not as
 * two numbers: whole yuan for weeks and then, with the disrupted days' markup, fractions, which
 * as arguments threw goOut's compiled loop away on the first disrupted day ("not a Smi"); read
 * from a Float64Array they are doubles from the first day.
 */
const prices = new Float64Array(2);
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
    const confinements = checkedConfinements(ctx.provided<Confinement<HouseholdsWorld>>(CONFINEMENTS));
    openLog(outingsMet, ctx.provided<ContactSink<HouseholdsWorld>>(CONTACT_SINKS));
    prices[0] = s.packages.vegetable.normalPrice * markup;
    prices[1] = s.packages.pork.normalPrice * markup;
    // One basket for the day, refilled per purchase: nothing is allocated per household.
    const basket: Basket = { vegetable: 0, pork: 0 };
    if (wanting.length < hh.count) wanting = new Int32Array(hh.count);
    if (shopping.length < hh.count) shopping = new Int32Array(hh.count);
    let n = wantingToShop(hh.count, ctx.day, interval, hh.outingSlot, members, vegetableStock, porkStock, personalStock, reorderBelowDays, wanting);
    // Those kept in and, on a disrupted day, those who find no goods go home: struck off the list.
    for (let k = 0; k < confinements.length; k++) n = confinements[k].letOut(world, wanting, n);
    n = findGoods(s, ctx.rng, disrupted, wanting, n);
    // Every household left on the list goes out (and buys what it needs and can pay for).
    goOut(world, s, hh, wanting, n, shopping, reorderBelowDays, s.needs.personalCoverDays, members, vegetableStock, porkStock, personalStock, prices, basket);
    meetAll(world, outingsMet, wanting, n);
    closeLog(world, outingsMet);
    world.today.outingPurchases += n;
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
 * The first `n` households listed go out, in order: each tops up its personal goods, and its basic
 * goods as far as its cash pays. In two passes: the first tops up personal goods and lists those
 * low on basic goods into `shopping` without a branch, the second buys for those listed, in
 * order. Of those who go out, those low on basics and those low on personal goods are each about
 * half, at random (the Q model at 100k: 57 % and 58 % of 646k outings), so a branch on either was
 * mispredicted about as often as it was taken. The passes do what one did: a household's
 * personal goods and its basic purchase touch no column the other reads, nor another household's.
 * Those kept in by a confinement and, on a disrupted day, those who find no goods are struck off
 * the list before (the step), and the outings are reported to the contact sinks after, as a
 * list: no call per household to another module (confinement.ts, ../contacts.ts). The
 * afternoon's draws are findGoods's, one per household left after the confinements, in list
 * order; confinements and sinks draw nothing, and what a confinement reads does not change with
 * the afternoon's purchases or reports (confinement.ts). A function of its own that reads nothing
 * of the world before or after its loop: as the step's own loop, V8 compiled it on stack
 * replacement in the first afternoon and the whole step again with the type feedback of that
 * afternoon alone, where the step's first and last lines had none (they ran before V8 had
 * allocated the step's feedback), and threw the code away the next afternoon: four or five
 * compilations of the step a run, in a fresh process (docs/performance.md, part 16o).
 */
function goOut(
  world: HouseholdsWorld,
  s: HouseholdsWorld['scenario'],
  hh: HouseholdsWorld['households'],
  wanting: Int32Array,
  n: number,
  shopping: Int32Array,
  reorderBelowDays: number,
  personalCoverDays: number,
  members: Uint8Array,
  vegetableStock: Float64Array,
  porkStock: Float64Array,
  personalStock: Float64Array,
  prices: Float64Array,
  basket: Basket,
): void {
  const m = topUpPersonal(wanting, n, reorderBelowDays, personalCoverDays, members, vegetableStock, porkStock, personalStock, shopping);
  for (let i = 0; i < m; i++) {
    const h = shopping[i];
    // Read in the loop, not before it: nothing of the loop's inputs is read outside it (above).
    const vegetablePrice = prices[0];
    const porkPrice = prices[1];
    const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePrice, porkPrice);
    if (vegetable + pork === 0) continue;
    takeInPackages(world, h, vegetable, pork, vegetable * vegetablePrice, pork * porkPrice, 1, 1);
  }
}

/**
 * Goes through the first `n` households of `households`: tops up the personal goods of those low
 * on them to `cover` days, and lists those low on basic goods into `out`, in order (their number
 * returned). Branch-free (goOut says why): every household is written to the list, which grows by
 * 1 where it is low; `select` stands for `low ? cover : stock`, exact because both are finite and
 * neither is −0 (stocks are drawn from a minimum of 0 or above, set to a cover, or used down to +0).
 */
function topUpPersonal(households: Int32Array, n: number, reorderBelowDays: number, cover: number, members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, personalStock: Float64Array, out: Int32Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const h = households[i];
    personalStock[h] = select(lowOnPersonal(reorderBelowDays, personalStock, h), cover, personalStock[h]);
    out[m] = h;
    m += lowOnBasics(reorderBelowDays, members, vegetableStock, porkStock, h);
  }
  return m;
}

/**
 * On a disrupted day each household listed finds goods with the scenario's availability (a draw
 * each, in list order); those that find none go home, and those that find some are kept at the
 * list's head, in order (their number returned). Any other day, the list as it is and no draw.
 * These are the afternoon's only draws (confinements and contact sinks draw nothing). A function of its own,
 * called every day: as a branch in goOut's loop it first ran on the first disrupted day, weeks
 * after V8 had compiled goOut, and threw that code away (docs/performance.md, part 16ad).
 */
function findGoods(s: HouseholdsWorld['scenario'], rng: Rng, disrupted: boolean, households: Int32Array, count: number): number {
  if (!disrupted) return count;
  const availability = s.outings.disruptedAvailability;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const h = households[i];
    // Kept without a branch on the draw, which finds goods or not at random (n ≤ i: the slot
    // written was read already).
    households[n] = h;
    n += +bernoulli(rng, availability);
  }
  return n;
}
