/**
 * Party members under double reporting (双报到; paper 000): in-service members report to the
 * community where they live, 2–3 per building, and — when the regime mobilises them — run the
 * building's WeChat sign-up chain, take orders at the door in the evening, and carry goods from
 * the compound gate to each door. Who they are is drawn with the population (the community
 * module); this module is what they do.
 */
import { defineModule, sum, type ModuleProcess } from '../../engine/index.js';
import { CARRIERS, CHAIN_ORGANISERS, DOOR_VISITORS, provisionOf, type Carrier, type ChainOrganiser, type DoorVisitor, type ProvisionWorld } from '../provision/index.js';
import { intRange, nonNegative, p, section, sections, U } from '../../scenario/params.js';
import { CARE_RELAYS, type CareRelay } from '../community-care/index.js';
import { z } from 'zod';
import { shareActivity } from '../self-organisation/ties.js';

// ─── parameters ───
export const params = sections({
  partyMembers: () => section('party members under double reporting', {
    doubleReporting: p(z.boolean(), 'in-service party members report to the community where they live (双报到)'),
    perBuilding: p(intRange, 'in-service party members per building who report, at most those living there', U.people),
    orderTakingHours: p(nonNegative, 'evening hours each takes orders (WeChat chain, door to door)', U.hoursPerDay),
    carryingHours: p(nonNegative, 'hours each carries goods from the gate to doors', U.hoursPerDay),
  }),
});

/**
 * Party members off work today, per building (ill, in quarantine): contributed by other modules (an
 * epidemic). None contributed: every reporting member works, as in the lockdown model.
 */
export const PARTY_ABSENCES = 'partyMembers.absences';
export interface PartyAbsence<W = ProvisionWorld> {
  absent(world: W, building: number): number;
}

// ─── state ───
export interface PartyState {
  /** Per building: gate-to-door deliveries the reporting members can still make today. */
  deliveries: Float64Array;
  /** Per building: evening order-taking visits they can still make. */
  visits: Float64Array;
}
const own = (w: ProvisionWorld) => w.state.partyMembers as PartyState;

/** Whether the reporting party members are active today: only if double reporting is in force and the regime mobilises them. */
function mobilisedToday(world: ProvisionWorld): boolean {
  const which = provisionOf(world).deliveringRegime;
  // Both regimes read, one chosen by a compare: looked up by name, V8 compiled the look-up for the
  // early regime's name alone and threw the step's code away at the later regime ("wrong name").
  const { early, later } = world.scenario.regimes;
  const regime = which === 'early' ? early : which === 'later' ? later : null;
  // The regime is checked first so that the normal period never reads doubleReporting: warm-start
  // branching (experiment/warm-start.ts) can then branch a no-double-reporting variant.
  return Boolean(regime?.partyMembersMobilised && world.scenario.partyMembers.doubleReporting);
}

/** Party members of a building active today: none unless double reporting is in force and the regime mobilises them. */
export function activePartyMembers(world: ProvisionWorld, building: number): number {
  return mobilisedToday(world) ? world.buildings.doubleReporters[building] : 0;
}

// ─── behaviour ───
const partyLabour: ModuleProcess<ProvisionWorld, PartyState> = {
  name: 'partyLabour',
  slot: 'morning',
  step(world, state, ctx) {
    const s = world.scenario;
    const open = provisionOf(world).regime !== null;
    const absences = ctx.provided<PartyAbsence>(PARTY_ABSENCES);
    // The same in every building today: asked once, not for each building.
    const mobilised = mobilisedToday(world);
    const reporters = world.buildings.doubleReporters;
    for (let b = 0; b < world.buildings.count; b++) {
      let members = mobilised ? reporters[b] : 0;
      if (members > 0) for (const a of absences) members = Math.max(0, members - a.absent(world, b));
      // Parameters are read only when party members are active, so the normal period does not
      // depend on them and warm-start branches may vary them (experiment/warm-start.ts).
      state.deliveries[b] = members > 0 ? members * s.partyMembers.carryingHours * s.lastMile.deliveriesPerHour : 0;
      // `members > 0` first: after `open`, it was first compared in the crisis, with no type
      // feedback in the code compiled before, which V8 then threw away.
      state.visits[b] = members > 0 && open ? members * s.partyMembers.orderTakingHours * s.lastMile.doorVisitsPerHour : 0;
    }
  },
};

const carrier: Carrier<ProvisionWorld> = {
  name: 'partyMembers',
  priority: 10,
  capacity(w) {
    const d = own(w).deliveries;
    let n = 0;
    for (let b = 0; b < d.length; b++) n += d[b];
    return n;
  },
  canCarry: (w, h) => own(w).deliveries[w.households.building[h]] >= 1,
  carry(w, h) {
    own(w).deliveries[w.households.building[h]] -= 1;
    w.today.deliveredByPartyMembers++;
    // Goods carried to the door by a neighbour: help received builds ties.
    shareActivity(w, h);
  },
};

const visitor: DoorVisitor<ProvisionWorld> = {
  name: 'partyMembers',
  priority: 10,
  visit(w, b) {
    const visits = own(w).visits;
    if (visits[b] < 1) return false;
    visits[b] -= 1;
    return true;
  },
};

const chain: ChainOrganiser<ProvisionWorld> = { name: 'partyMembers', runsChain: (w, b) => activePartyMembers(w, b) > 0 };

/** Mobilised members relay crisis information to neighbours without a smartphone (read by communityCare, paper 001). */
const relay: CareRelay<ProvisionWorld> = { name: 'partyMembers', relayers: (w, b) => activePartyMembers(w, b) };

export const partyMembers = defineModule<ProvisionWorld, PartyState>({
  name: 'partyMembers',
  description: "In-service party members under double reporting (paper 000): WeChat chains, door-to-door order taking and gate-to-door carrying, 2–3 per building.",
  requires: ['community', 'provision'],
  params,
  init: (w) => ({ deliveries: new Float64Array(w.buildings.count), visits: new Float64Array(w.buildings.count) }),
  processes: [partyLabour],
  provides: { [CARRIERS]: [carrier], [DOOR_VISITORS]: [visitor], [CHAIN_ORGANISERS]: [chain], [CARE_RELAYS]: [relay] },
  counters: [{ name: 'deliveredByPartyMembers', unit: 'orders', description: 'Deliveries carried by double-reporting party members' }],
  measures: {
    names: ['deliveries.byPartyMembers', 'population.doubleReporters'],
    summarise: (w, _own, { columns }) => {
      let reporters = 0;
      for (let b = 0; b < w.buildings.count; b++) reporters += w.buildings.doubleReporters[b];
      return {
        deliveries: { byPartyMembers: sum(columns.deliveredByPartyMembers) },
        population: { doubleReporters: w.scenario.partyMembers.doubleReporting ? reporters : 0 },
      };
    },
  },
});
