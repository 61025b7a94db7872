/**
 * Volunteers (paper 000; N street's volunteers in 002): residents willing to help, drawn with the
 * population from every age — retired residents and party members most of all (002) — whom the
 * residents' committee mobilises when the regime calls for it. The RC first hands them the tasks
 * of its own that need no staff authority (temperature statistics, gate duty support), which
 * frees staff hours for orders; the rest of their hours go to carrying goods from the gate to the
 * door and to evening door-to-door order taking, after the building's party members.
 */
import { defineModule, sum, type ModuleProcess } from '../../engine/index.js';
import { CARRIERS, DOOR_VISITORS, provisionOf, type Carrier, type DoorVisitor, type ProvisionWorld } from '../provision/index.js';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';
import type { CommunityWorld } from '../community/index.js';
import { takeRcTasks } from '../residents-committee/index.js';
import { shareActivity } from '../self-organisation/ties.js';

// ─── parameters ───
export const params = sections({
  volunteers: () => section('resident volunteers', {
    hoursPerDay: p(nonNegative, "hours each mobilised volunteer gives: the RC's tasks without authority first, then carrying goods and taking orders at the door", U.hoursPerDay),
    weakTiesEffect: p(share, "how much weak ties keep volunteers at home: a compound's volunteers give hoursPerDay × (1 − this × (1 − the compound's social capital))", U.share),
  }),
});

/**
 * Volunteers off work today, per compound (ill, in quarantine), contributed by other modules (an
 * epidemic). None contributed: every volunteer works, as in the lockdown model.
 */
export const VOLUNTEER_ABSENCES = 'volunteers.absences';
export interface VolunteerAbsence<W = ProvisionWorld> {
  absent(world: W, compound: number): number;
}

/**
 * Volunteers other organisations bring, per compound and day, contributed by other modules (the
 * members of a mutual-aid station, paper 002). They work as the RC's volunteers do; `when` says
 * whether closed management is on and whether the RC has mobilised volunteers, so an organisation
 * of residents' own may turn out before the RC calls. None contributed: as in paper 000.
 */
export const VOLUNTEER_RECRUITS = 'volunteers.recruits';
export interface VolunteerRecruits<W = ProvisionWorld> {
  name: string;
  recruits(world: W, compound: number, when: { closed: boolean; mobilised: boolean }): number;
}

// ─── state ───
export interface VolunteersState {
  /** Per compound: volunteer hours not yet used today. */
  hours: Float64Array;
  /** Households with a volunteer in them (volunteering together builds their ties). */
  volunteerHouseholds: Int32Array;
}
const own = (w: ProvisionWorld) => w.state.volunteers as VolunteersState;

// ─── behaviour ───
const volunteerLabour: ModuleProcess<ProvisionWorld, VolunteersState> = {
  name: 'volunteerLabour',
  slot: 'morning',
  step(world, state, ctx) {
    const which = provisionOf(world).deliveringRegime;
    const mobilised = which ? world.scenario.regimes[which].volunteersMobilised : false;
    const C = world.compounds;
    const absences = ctx.provided<VolunteerAbsence>(VOLUNTEER_ABSENCES);
    const recruiters = ctx.provided<VolunteerRecruits>(VOLUNTEER_RECRUITS);
    const when = { closed: provisionOf(world).regime !== null, mobilised };
    let recruited = 0;
    for (let c = 0; c < C.count; c++) {
      let n = mobilised ? C.volunteers[c] : 0;
      for (const r of recruiters) {
        const k = r.recruits(world, c, when);
        n += k;
        recruited += k;
      }
      // The ill and the quarantined stay home, whoever called them.
      if (mobilised || n > 0) for (const a of absences) n = Math.max(0, n - a.absent(world, c));
      // Volunteers turn out more where neighbours know each other (paper 001: weak ties, low initiative).
      state.hours[c] = mobilised || n > 0 ? n * world.scenario.volunteers.hoursPerDay * (1 - world.scenario.volunteers.weakTiesEffect * (1 - C.socialCapital[c])) : 0;
    }
    if (!mobilised && recruited === 0) return;
    // A day volunteering together strengthens the volunteers' own ties.
    if (mobilised) for (const h of state.volunteerHouseholds) shareActivity(world, h);
    // The RC's tasks that need no staff authority come first: it is the RC that mobilises them.
    const hours = state.hours;
    const available = sum(hours);
    const taken = takeRcTasks(world, available);
    if (taken > 0) for (let c = 0; c < hours.length; c++) hours[c] -= (taken * hours[c]) / available;
  },
};

/**
 * A carrier whose time is hours per compound (volunteers of a compound carry within it); each
 * delivery spends `carryHours` of the household's compound and counts under `counter`.
 */
export function compoundHoursCarrier<W extends CommunityWorld>(name: string, priority: number, hoursOf: (w: W) => Float64Array, counter: string): Carrier<W> {
  return {
    name,
    priority,
    capacity(w) {
      const hours = hoursOf(w);
      const perHour = w.scenario.lastMile.deliveriesPerHour;
      let n = 0;
      for (let c = 0; c < hours.length; c++) n += hours[c] * perHour;
      return n;
    },
    canCarry: (w, h, need) => hoursOf(w)[w.households.compound[h]] >= need.carryHours,
    carry(w, h, need) {
      hoursOf(w)[w.households.compound[h]] -= need.carryHours;
      w.today[counter]++;
      // Goods carried to the door by a neighbour: help received builds ties.
      shareActivity(w, h);
    },
  };
}

/** A door visitor whose time is hours per compound: a visit to building b spends an order visit's time of b's compound. */
export function compoundHoursVisitor<W extends CommunityWorld>(name: string, priority: number, hoursOf: (w: W) => Float64Array): DoorVisitor<W> {
  return {
    name,
    priority,
    visit(w, b) {
      const cost = 1 / w.scenario.lastMile.doorVisitsPerHour;
      const hours = hoursOf(w);
      const c = w.buildings.compound[b];
      if (hours[c] < cost) return false;
      hours[c] -= cost;
      return true;
    },
  };
}

const carrier = compoundHoursCarrier<ProvisionWorld>('volunteers', 20, (w) => own(w).hours, 'deliveredByVolunteers');
const visitor = compoundHoursVisitor<ProvisionWorld>('volunteers', 20, (w) => own(w).hours);

export const volunteers = defineModule<ProvisionWorld, VolunteersState>({
  name: 'volunteers',
  description: "Resident volunteers mobilised by the residents' committee to carry goods and take orders at the door (papers 000, 002).",
  requires: ['community', 'provision'],
  params,
  init(w) {
    const households: number[] = [];
    const R = w.residents;
    for (let r = 0; r < R.count; r++) if (R.volunteer[r] && households[households.length - 1] !== R.household[r]) households.push(R.household[r]);
    return { hours: new Float64Array(w.compounds.count), volunteerHouseholds: Int32Array.from(households) };
  },
  processes: [volunteerLabour],
  provides: { [CARRIERS]: [carrier], [DOOR_VISITORS]: [visitor] },
  counters: [{ name: 'deliveredByVolunteers', unit: 'orders', description: 'Deliveries carried by volunteers' }],
  measures: {
    names: ['deliveries.byVolunteers', 'population.volunteers'],
    summarise: (w, _own, { columns }) => {
      let n = 0;
      for (let c = 0; c < w.compounds.count; c++) n += w.compounds.volunteers[c];
      return { deliveries: { byVolunteers: sum(columns.deliveredByVolunteers) }, population: { volunteers: n } };
    },
  },
});
