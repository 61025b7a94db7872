/**
 * Self-organisation (paper 000): in compounds with social capital — an owners' committee with a
 * history of regular discussion — residents organised group buying of their own: owners set up
 * group-buy chats, owner volunteers distributed; fruit and seafood group-buy groups formed. A
 * compound starts once closed management has lasted `formationDelayDays` and its social capital
 * (its households' mean ties to neighbours) is at least the threshold; a household joins each
 * group buy more readily the stronger its own ties. Social capital is not fixed: the ties grow
 * with shared activity — group buys among them — and fade without (ties.ts), so a compound that
 * starts below the threshold can get there, and one with more gets there sooner. Group buys meet
 * personal needs from the owners' own vendors and, where `groupBuying.basicGoods`, buy basic goods
 * from the supermarkets the regime buys from (../provision/group-buy-supply.ts): the same finite
 * stock, at the regime's prices, but pooled and handed out by owner volunteers, so they take no RC
 * or party-member time.
 */
import { z } from 'zod';
import { defineModule, max, sum, type ModuleProcess, type Table } from '../../engine/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { CLOSED_PHASES, type PhaseName } from '../lockdown/index.js';
import { allSections, count, p, positiveCount, section, sections, share, U } from '../../scenario/params.js';
import { closeLog } from '../contacts.js';
import { byPriority, CARRIERS, GROUP_BUY_SUPPLIERS, type Carrier, type GroupBuySupplier } from '../provision/contributions.js';
import { groupBuy, openPickups, pickupsMet } from './group-buy.js';
import { groupBuyingParams, movementControlGroupBuys } from './movement-control.js';
import { socialTies, tiesAddedUp, tiesColumns, tiesParams, type TiesState } from './ties.js';

// ─── parameters ───
export const params = sections({
  selfOrganisation: () => section('group buying organised by residents themselves (personal goods)', {
    enabled: p(z.boolean(), "compounds with enough social capital organise group buying (owners' committees, group-buy chats)"),
    socialCapitalThreshold: p(share, "a compound self-organises when its social capital (its households' mean ties, starting uniform on [0, 1]) is at least this", U.share),
    formationDelayDays: p(count, 'days after closed management begins before group buying starts', U.days),
    intervalDays: p(positiveCount, 'days between group buys', U.days),
    participation: z
      .object({
        online: p(share, 'chance a household with a smartphone user joins a group buy', U.share),
        offline: p(share, 'chance a neighbour signs up a household without a smartphone', U.share),
      })
      .strict()
      .meta({ description: 'who joins a group buy (households with full ties; weaker ties lower it, see ties.participationEffect)' }),
    ties: tiesParams(),
  }),
});

/**
 * Organisers a compound already has when closure comes, contributed by other modules (the
 * mutual-aid stations of paper 002): where one is ready, group buying starts on the first day of
 * closed management, whatever the compound's social capital. None contributed: as in paper 000.
 */
export const GROUP_BUY_ORGANISERS = 'selfOrganisation.organisers';
export interface GroupBuyOrganiser<W = HouseholdsWorld> {
  name: string;
  ready(world: W, compound: number): boolean;
}

// ─── state ───
const compoundColumns = {
  /** Day group buying started, or -1. */
  selfOrganisedSince: Int32Array,
};
interface SelfOrganisationWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof tiesColumns>;
  compounds: HouseholdsWorld['compounds'] & Table<typeof compoundColumns>;
}
interface SelfOrganisationState extends TiesState {
  /** First day of closed management, or -1 before it. */
  closedSince: number;
  /** Whether closed management is in force today (group buys are counted only then). */
  closed: boolean;
}

// ─── behaviour ───
const selfOrganisation: ModuleProcess<SelfOrganisationWorld, SelfOrganisationState> = {
  name: 'selfOrganisation',
  slot: 'afternoon',
  phases: CLOSED_PHASES,
  step(world, own, ctx) {
    if (own.closedSince < 0) own.closedSince = ctx.day;
    const so = world.scenario.selfOrganisation;
    if (!so.enabled) return;
    const C = world.compounds;
    openPickups(ctx);
    // Basic goods come from whoever sells to group buys (provision: the regime's supermarkets).
    const gb = world.scenario.groupBuying;
    const suppliers = gb.basicGoods ? ctx.provided<GroupBuySupplier<SelfOrganisationWorld>>(GROUP_BUY_SUPPLIERS) : [];
    const carriers = suppliers.length > 0 && !gb.pooled ? byPriority(ctx.provided<Carrier<SelfOrganisationWorld>>(CARRIERS)) : [];
    const joiners: number[] = [];
    const collect = suppliers.length > 0 ? (h: number) => void joiners.push(h) : undefined;
    const organisers = ctx.provided<GroupBuyOrganiser<SelfOrganisationWorld>>(GROUP_BUY_ORGANISERS);
    for (let c = 0; c < C.count; c++) {
      if (C.selfOrganisedSince[c] < 0) {
        // An organisation that already exists (a station with its head) starts on the first day
        // of closure; otherwise owners must first find each other, which needs social capital.
        const organised = organisers.length > 0 && organisers.some((o) => o.ready(world, c));
        const ready = organised || (C.socialCapital[c] >= so.socialCapitalThreshold && ctx.day >= own.closedSince + so.formationDelayDays);
        if (!ready) continue;
        C.selfOrganisedSince[c] = ctx.day;
      }
      if ((ctx.day - C.selfOrganisedSince[c]) % so.intervalDays !== 0) continue;
      joiners.length = 0;
      groupBuy(world, ctx.rng, c, pickupsMet, collect);
      for (const supplier of suppliers) supplier.supply(world, joiners, gb.pooled, carriers);
    }
    closeLog(world, pickupsMet);
  },
};

/** Whether today is a day of closed management, kept for the night's count of active compounds. */
const closure: ModuleProcess<SelfOrganisationWorld, SelfOrganisationState> = {
  name: 'selfOrganisationClosure',
  slot: 'dawn',
  step(_world, own, ctx) {
    own.closed = CLOSED_PHASES.includes(ctx.phase as PhaseName);
  },
};

export const selfOrganisationModule = defineModule<SelfOrganisationWorld, SelfOrganisationState>({
  name: 'selfOrganisation',
  description: "Owners' self-organised group buying in compounds with prior social capital (paper 000).",
  requires: ['lockdown', 'community', 'households'],
  params: allSections(params, groupBuyingParams),
  columns: { compounds: compoundColumns, households: tiesColumns },
  init(world) {
    world.compounds.selfOrganisedSince.fill(-1);
    world.households.tiesBaseline.set(world.households.ties);
    return { closedSince: -1, closed: false, crisis: false, lastSocialCapital: Float64Array.from(world.compounds.socialCapital), tiesTotal: tiesAddedUp(world.households.ties) };
  },
  processes: [closure, movementControlGroupBuys, selfOrganisation, socialTies],
  counters: [{ name: 'groupBuyHouseholds', unit: 'households', description: 'Households supplied by a self-organised group buy today' }],
  metrics: [
    {
      name: 'meanTies', unit: 'share', description: "Households' mean ties to neighbours (social capital, 0–1): grows with shared activity in a crisis, fades without",
      sample(w) {
        const n = w.households.count;
        return n > 0 ? (w.state.selfOrganisation as SelfOrganisationState).tiesTotal / n : 0;
      },
    },
    {
      name: 'selfOrganisedCompounds', unit: 'compounds', description: 'Compounds with active self-organised group buying',
      sample(w) {
        if (!(w.state.selfOrganisation as SelfOrganisationState).closed) return 0;
        const since = w.compounds.selfOrganisedSince;
        let n = 0;
        for (let c = 0; c < since.length; c++) if (since[c] >= 0) n++;
        return n;
      },
    },
  ],
  measures: {
    names: ['selfOrganisation.compounds', 'selfOrganisation.groupBuys'],
    summarise: (_w, _own, { columns }) => ({
      selfOrganisation: { compounds: max(columns.selfOrganisedCompounds), groupBuys: sum(columns.groupBuyHouseholds) },
    }),
  },
});
