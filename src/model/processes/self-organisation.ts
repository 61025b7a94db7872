/**
 * Community self-organisation (paper 000, the second recommended model). In one Q-community
 * compound the owners' committee, which had held regular discussions since the compound was
 * built, got owners with vendor channels to buy what the basic packages missed, with owner
 * volunteers distributing; fruit and seafood group-buy groups formed. A compound whose social
 * capital is above the threshold does this some days after closure; one below it does not.
 * Group buys meet personal needs and take no RC or party-member time.
 */
import type { Process } from '../../engine/process.js';
import { bernoulli } from '../../engine/random.js';
import { CLOSED_PHASES } from '../phases.js';
import { DIGITAL, type World } from '../world.js';

export const selfOrganisation: Process<World> = {
  name: 'selfOrganisation',
  phases: CLOSED_PHASES,
  step(world, ctx) {
    const so = world.scenario.selfOrganisation;
    if (!so.enabled) return;
    const hh = world.households;
    for (const compound of world.compounds) {
      if (compound.selfOrganisedSince < 0) {
        const ready = compound.socialCapital >= so.socialCapitalThreshold && ctx.day >= world.closedSince + so.formationDelayDays;
        if (!ready) continue;
        compound.selfOrganisedSince = ctx.day;
      }
      if ((ctx.day - compound.selfOrganisedSince) % so.intervalDays !== 0) continue;
      const end = compound.firstHousehold + compound.households;
      for (let h = compound.firstHousehold; h < end; h++) {
        const online = hh.digital[h] !== DIGITAL.none;
        if (!bernoulli(ctx.rng, online ? so.participation.online : so.participation.offline)) continue;
        hh.personalStock[h] = world.scenario.needs.personalCoverDays;
        world.today.groupBuyHouseholds++;
      }
    }
  },
};
