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
import { bernoulli, shuffle, type ModuleProcess, type Rng } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { affordable, lowOnBasics, packagesToCover, type Basket } from '../households/index.js';
import { CLOSED_PHASES } from '../lockdown/index.js';
import { CONTACT_SINKS, closeLog, contactLog, meet, openLog, type ContactLog, type ContactSink } from '../contacts.js';
import { byPriority, CHAIN_ORGANISERS, DOOR_VISITORS, type ChainOrganiser, type DoorVisitor } from './contributions.js';
import { termsWithRoomFor } from './order-terms.js';
import { packagePrice } from './pricing.js';
import type { Regime } from './params.js';
import type { ProvisionState, ProvisionWorld } from './state.js';

/**
 * Scratch lists reused evening after evening (grown when a larger world comes), so that an evening
 * allocates no per-building arrays: the households that want to order online tonight, the doors
 * of the round (households without a smartphone user or a pending order, and whether each is low),
 * those whose online order failed and who ask for a visit, and whether each building's chain runs.
 */
let wanting = new Int32Array(0);
let doors = new Int32Array(0);
let doorLow = new Uint8Array(0);
/** The door visits reported to the contact sinks, in batches (../contacts.ts): who visited is the place in the visitors. */
const visitsMet = contactLog<ProvisionWorld>('doorVisit');
let asking = new Int32Array(0);
let chainRuns = new Uint8Array(0);
/**
 * How many households `scan` listed. Module variables, not an array: V8 compiles scan's loop on
 * stack replacement in the first evening, before the lines after the loop have run, and a store
 * into an array there had no type feedback, so V8 dropped that code at it; a module variable's
 * store has no feedback to lack (part 16ai).
 */
let listedWanting = 0;
let listedDoors = 0;

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

    const nBuildings = world.buildings.count;
    const B = world.buildings;
    if (wanting.length < hh.count) {
      wanting = new Int32Array(hh.count);
      doors = new Int32Array(hh.count);
      doorLow = new Uint8Array(hh.count);
      asking = new Int32Array(hh.count);
    }
    if (chainRuns.length < nBuildings) chainRuns = new Uint8Array(nBuildings);
    // Whether each building's WeChat chain runs today: decided once, not per household.
    const organisers = ctx.provided<ChainOrganiser<ProvisionWorld>>(CHAIN_ORGANISERS);
    for (let b = 0; b < nBuildings; b++) chainRuns[b] = regime.channels.wechatChain && runsChain(organisers, world, b) ? 1 : 0;
    const { orderDay, digital, building, members, vegetableStock, porkStock } = hh;
    const reorderBelowDays = s.needs.reorderBelowDays;

    // A household with no smartphone user cannot order online: it waits for the round below.
    scan(hh.count, orderDay, digital, members, vegetableStock, porkStock, reorderBelowDays, wanting, doors, doorLow);
    const nWanting = listedWanting;
    const nDoors = listedDoors;
    // Households whose online order failed tonight ask for a visit; they are seen first.
    tally.fill(0);
    const { chainSuccess, appSuccess } = s.digitalOrdering;
    orderOnline(world, own, ctx.rng, regime, chainSuccess.adult, chainSuccess.elderly, appSuccess.adult, appSuccess.elderly, nWanting, digital, building, day, basket, vegetablePaid, porkPaid);
    const visitors = regime.channels.doorToDoor ? byPriority(ctx.provided<DoorVisitor<ProvisionWorld>>(DOOR_VISITORS)) : [];
    if (regime.channels.doorToDoor) {
      openLog(visitsMet, ctx.provided<ContactSink<ProvisionWorld>>(CONTACT_SINKS), visitors.map((v) => v.name));
      doorRound(world, own, own.doorRound, ctx.rng, visitors, visitsMet, nBuildings, B.firstHousehold, B.households, building, tally[ASKING], nDoors, day, basket, vegetablePaid, porkPaid);
      closeLog(world, visitsMet);
    }

    // Tonight's orders by channel, and those the household's cash could not pay for: counted by
    // the two loops and added to the day's counters once.
    const t = world.today;
    t.ordersApp += tally[APP];
    t.ordersWechatChain += tally[CHAIN];
    t.ordersDoorToDoor += tally[DOOR];
    t.ordersUnaffordable += tally[UNAFFORDABLE];
    if (!regime.channels.doorToDoor) return;
    const missed = tally[MISSED];
    t.doorVisitsMissed += missed;
    // Households no one reached tonight are work the RC was asked for, where its staff visit.
    for (const v of visitors) if (v.staffHoursFor) t.staffHoursDemanded += v.staffHoursFor(world, missed);
  },
};

/**
 * Tonight's lists, in household order: the households that want to order online (a smartphone
 * user at home, no order pending, running low on basics) and the doors of the round (no
 * smartphone user, no order pending), with whether each is low (`doorLow`); their numbers go to
 * `listedWanting` and `listedDoors`. One pass over every household, so the round visits the doors
 * without going over the others again; neither list changes during the evening (an order taken
 * changes only its own household's, and stocks are not touched). A function of its own on
 * columns and numbers, because it is the part of the evening that runs for every household: as a
 * loop inside the step, V8 compiled it on stack replacement and dropped that code at the first
 * world read after it (docs/performance.md). The draws and the orders, for the few that are low, are the step's.
 * Branch-free, as outings' `wantingToShop` (which says why): every household is written to both
 * lists, which grow by 0 or 1.
 */
function scan(count: number, orderDay: Int32Array, digital: Uint8Array, members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, reorderBelowDays: number, wanting: Int32Array, doors: Int32Array, doorLow: Uint8Array): void {
  let nWanting = 0;
  let nDoors = 0;
  for (let h = 0; h < count; h++) {
    const noOrder = +(orderDay[h] < 0);
    const phone = +(digital[h] !== DIGITAL.none);
    const low = lowOnBasics(reorderBelowDays, members, vegetableStock, porkStock, h);
    wanting[nWanting] = h;
    nWanting += noOrder & phone & low;
    doors[nDoors] = h;
    doorLow[nDoors] = low;
    nDoors += noOrder & (phone ^ 1);
  }
  listedWanting = nWanting;
  listedDoors = nDoors;
}

/**
 * What `orderOnline` and `doorRound` count tonight, zeroed by the step before them and read by it
 * after: orders by channel, orders the household's cash could not pay for, households asking for
 * a visit (the length of `asking`), and households running low whom no visitor reached. Counted
 * here rather than in locals written out after the loops: the lines after a loop have no type
 * feedback when V8 compiles the loop on stack replacement, and V8 dropped that code there.
 */
const APP = 0;
const CHAIN = 1;
const DOOR = 2;
const UNAFFORDABLE = 3;
const ASKING = 4;
const MISSED = 5;
const tally = new Int32Array(6);

/*
 * The evening's two loops, `orderOnline` and `doorRound`, are functions of their own that read
 * nothing of the world before their loops. As the step's own loops, V8 compiled the whole step
 * on stack replacement in the first evening, then again with that evening's type feedback alone,
 * and dropped it at the lines the first evening had not run (the step's first lines ran before V8
 * had allocated its feedback; a door order came later): five compilations of the step a run at
 * 100k in a fresh process, each of the largest function of the day (docs/performance.md, part 16o).
 */

/**
 * Tonight's online orders, in household order: through the building's chain where it runs, else
 * the app where the regime has one, each succeeding with the user's chance; whoever fails asks
 * for a visit (listed in `asking`, where the regime has door-to-door rounds). Elderly users
 * succeed less often: the chances by skill are numbers read by the step, not fields read here: in
 * the early regime no chain runs, so V8 compiled the loop with no type feedback for the chain's
 * chances, and dropped that code at the first chain order of the later regime (part 16ai).
 */
function orderOnline(
  world: ProvisionWorld,
  own: ProvisionState,
  rng: Rng,
  regime: Regime,
  chainAdult: number,
  chainElderly: number,
  appAdult: number,
  appElderly: number,
  nWanting: number,
  digital: Uint8Array,
  building: Int32Array,
  day: number,
  basket: Basket,
  vegetablePaid: number,
  porkPaid: number,
): void {
  const app = +regime.channels.app;
  for (let i = 0; i < nWanting; i++) {
    const h = wanting[i];
    const adult = digital[h] === DIGITAL.adult;
    // The chain first, then the app: the same draws in the same order, and one call of `place`.
    const channel = takes(chainRuns[building[h]], rng, adult ? chainAdult : chainElderly) ? CHAIN : takes(app, rng, adult ? appAdult : appElderly) ? APP : NO_CHANNEL;
    if (channel !== NO_CHANNEL) {
      tally[place(world, own, h, day, basket, vegetablePaid, porkPaid) ? channel : UNAFFORDABLE]++;
      continue;
    }
    if (regime.channels.doorToDoor) asking[tally[ASKING]++] = h;
  }
}

const NO_CHANNEL = -1;

/**
 * Whether a channel takes the household's order: a draw with the user's chance where the channel
 * runs (`runs` 1), none where not (0). The chain's and the app's draws go through this one
 * function, and their orders through one call of `place`, so that the chain shares the app's type
 * feedback: in the early regime no chain runs, and the chain's own calls of `bernoulli` and
 * `place` had none when V8 compiled the loop, which it threw away at the later regime's first
 * chain order ("Insufficient type feedback for call").
 */
function takes(runs: number, rng: Rng, chance: number): boolean {
  return runs !== 0 && bernoulli(rng, chance);
}

/**
 * The evening round (paper 000: door to door for elderly who cannot use phones): the building's
 * visitors knock on every door without a smartphone user, in turn from where last evening's round
 * stopped, and take an order where one is needed. A visit costs time whether or not the household
 * needs anything, so a building with many such households may not be gone round in one evening;
 * whoever is not reached and is running low goes without tonight.
 */
function doorRound(
  world: ProvisionWorld,
  own: ProvisionState,
  cursor: Int32Array,
  rng: Rng,
  visitors: readonly DoorVisitor<ProvisionWorld>[],
  met: ContactLog<ProvisionWorld>,
  nBuildings: number,
  firstHousehold: Int32Array,
  householdsOf: Int32Array,
  building: Int32Array,
  nAsking: number,
  nDoors: number,
  day: number,
  basket: Basket,
  vegetablePaid: number,
  porkPaid: number,
): void {
  // `cursor` is the provision state's `doorRound`, passed in rather than read here: the first
  // evening's call ran its first lines before V8 had allocated this function's type feedback, and
  // the code compiled after it was dropped at them the next evening.
  // `asking` and `doors` are in household order, and households are numbered building by
  // building (community/population.ts): each building's askers and doors are one run of each.
  let next = 0;
  let d = 0;
  for (let b = 0; b < nBuildings; b++) {
    let open = true;
    const from = next;
    while (next < nAsking && building[asking[next]] === b) next++;
    if (next - from > 1) shuffle(rng, asking.subarray(from, next));
    for (let i = from; i < next; i++) {
      const h = asking[i];
      // One count for every asker, visited or missed: as two (`if … tally[…]++ else tally[MISSED]++`),
      // the visited askers' count was first reached days into a run, with no type feedback in the
      // code compiled before, and V8 threw the evening's code away there.
      open = open && visit(world, visitors, met, b, h);
      tally[open ? (place(world, own, h, day, basket, vegetablePaid, porkPaid) ? DOOR : UNAFFORDABLE) : MISSED]++;
    }
    const first = firstHousehold[b];
    const fromDoor = d;
    while (d < nDoors && doors[d] < first + householdsOf[b]) d++;
    const count = d - fromDoor;
    // Tonight's round starts at the household where last evening's stopped: the doors from
    // there on first, then those before it.
    const start = cursor[b];
    // Counted without a branch (the doors are in order, so the count is where the round starts):
    // as a search (`while (…) split++`), its step was first taken days into a run, the first time
    // a round started past a building's first door, and V8 dropped the evening's code there
    // (docs/performance.md, part 16q).
    // The building's doors running low are counted here too, for those not reached (below).
    let split = fromDoor;
    let lowHere = 0;
    for (let k = fromDoor; k < d; k++) {
      split += +(doors[k] - first < start);
      lowHere += doorLow[k];
    }
    // Tomorrow's round starts at the first door not reached (where tonight's started, if the round
    // reached them all or the visitors' time ran out on the askers). Kept in a local and stored for
    // every building: stored only where a round stopped at a door, the store and its door's read
    // were first reached days into a run, with no type feedback in the code compiled before, and
    // V8 threw the evening's code away there (part 16al).
    let tomorrow = start;
    let lowReached = 0;
    for (let i = 0; i < count && open; i++) {
      const j = roundAt(fromDoor, count, split, i);
      const door = doors[j];
      const at = door - first;
      if (!visit(world, visitors, met, b, door)) { open = false; tomorrow = at; break; }
      const low = doorLow[j];
      lowReached += low;
      if (low) tally[place(world, own, door, day, basket, vegetablePaid, porkPaid) ? DOOR : UNAFFORDABLE]++;
    }
    // Not reached tonight: those running low would have ordered. Counted as the building's low
    // doors less those reached, for every building (whole numbers: the same count): as a loop over
    // the doors not reached, its reads were first reached days into a run, as the store above.
    tally[MISSED] += lowHere - lowReached;
    cursor[b] = tomorrow;
  }
}

/**
 * Where the i-th door of tonight's round is in the list: a building's `count` doors from `from`,
 * the round starting at `split` and going on from the building's first door after its last.
 */
function roundAt(from: number, count: number, split: number, i: number): number {
  const j = split + i;
  // Wrapped without a branch: the wrap is first needed days into a run, as is `doorRound`'s split.
  return j - count * +(j >= from + count);
}

/** Whether a contributed organiser runs building b's chain today. */
function runsChain(organisers: readonly ChainOrganiser<ProvisionWorld>[], world: ProvisionWorld, b: number): boolean {
  for (let i = 0; i < organisers.length; i++) if (organisers[i].runsChain(world, b)) return true;
  return false;
}

/** The first visitor, by priority, with time left visits household h of building b; the visit is reported as a contact. */
function visit(world: ProvisionWorld, visitors: readonly DoorVisitor<ProvisionWorld>[], met: ContactLog<ProvisionWorld>, b: number, h: number): boolean {
  for (let k = 0; k < visitors.length; k++) {
    if (!visitors[k].visit(world, b)) continue;
    meet(world, met, h, k);
    return true;
  }
  return false;
}

/**
 * Takes household h's order at tonight's prices, cut to what its food cash pays for
 * (households/budget.ts), and queues it; false when the cash pays for no package at all.
 */
function place(world: ProvisionWorld, own: ProvisionState, h: number, day: number, basket: Basket, vegetablePaid: number, porkPaid: number): boolean {
  const hh = world.households;
  const { vegetable, pork } = affordable(hh, h, packagesToCover(world.scenario, hh, h, basket), vegetablePaid, porkPaid);
  if (vegetable + pork === 0) return false;
  hh.orderVegetable[h] = vegetable;
  hh.orderPork[h] = pork;
  hh.orderDay[h] = day;
  const q = own.orders;
  q.items[(q.head + q.length) % q.items.length] = h;
  q.length++;
  return true;
}
