/**
 * Outings (paper 000's timeline). In normal times and after reopening a household shops when its
 * stocks run low. After the road closure of 2020-01-24 ordinary supply is disrupted: an outing
 * may find nothing, and prices rise. Under movement control (2020-02-03) each household may go
 * out once every few days; under closed management (2020-02-11) not at all. A household buys
 * what its food cash pays for (budget.ts).
 */
import { bernoulli, type ModuleProcess } from '../../engine/index.js';
import { OUTING_PHASES, PHASES } from '../lockdown/index.js';
import { CONTACT_SINKS, type ContactSink } from '../contacts.js';
import type { HouseholdsWorld } from './columns.js';
import { CONFINEMENTS, type Confinement } from './confinement.js';
import { lowOnBasicGoods, lowOnPersonalGoods, packagesToCover, type Basket } from './needs.js';
import { takeInPackages } from './receipts.js';
import { affordable } from './budget.js';

export const outings: ModuleProcess<HouseholdsWorld> = {
  name: 'outings',
  slot: 'afternoon',
  // After the afternoon's deliveries: on the day closure ends, what was delivered is at home.
  order: 10,
  phases: OUTING_PHASES,
  step(world, _own, ctx) {
    const s = world.scenario;
    const hh = world.households;
    const t = world.today;
    const disrupted = ctx.phase === PHASES.roadClosure || ctx.phase === PHASES.movementControl;
    const interval = s.outings.movementControlIntervalDays;
    const markup = disrupted ? s.outings.disruptedPriceMarkup : 1;
    const movementControl = ctx.phase === PHASES.movementControl;
    const lowOnBasics = lowOnBasicGoods(s, hh);
    const lowOnPersonal = lowOnPersonalGoods(s, hh);
    const { outingSlot } = hh;
    // Contributed by other modules (an epidemic); empty in the lockdown model, which then draws as before.
    const confinements = ctx.provided<Confinement<HouseholdsWorld>>(CONFINEMENTS);
    const sinks = ctx.provided<ContactSink<HouseholdsWorld>>(CONTACT_SINKS);
    const vegetablePrice = s.packages.vegetable.normalPrice * markup;
    const porkPrice = s.packages.pork.normalPrice * markup;
    // One basket for the day, refilled per purchase: nothing is allocated per household.
    const basket: Basket = { vegetable: 0, pork: 0 };
    for (let h = 0; h < hh.count; h++) {
      if (movementControl && (ctx.day + outingSlot[h]) % interval !== 0) continue;
      if (confinements.length > 0 && confinedToday(confinements, world, h)) continue;
      const basic = lowOnBasics(h);
      const personal = lowOnPersonal(h);
      if (!basic && !personal) continue;
      if (disrupted && !bernoulli(ctx.rng, s.outings.disruptedAvailability)) continue;
      t.outingPurchases++;
      for (const sink of sinks) sink.report(world, 'outing', h);
      if (personal) hh.personalStock[h] = s.needs.personalCoverDays;
      if (!basic) continue;
      const { vegetable, pork } = affordable(hh, h, packagesToCover(s, hh, h, basket), vegetablePrice, porkPrice);
      if (vegetable + pork === 0) continue;
      takeInPackages(world, h, vegetable, pork, vegetable * vegetablePrice, pork * porkPrice, 1, 1);
    }
  },
};

/** Whether any contributed confinement keeps household h in: a plain loop, as it runs per household. */
function confinedToday(confinements: readonly Confinement<HouseholdsWorld>[], world: HouseholdsWorld, h: number): boolean {
  for (let k = 0; k < confinements.length; k++) if (confinements[k].confined(world, h)) return true;
  return false;
}
