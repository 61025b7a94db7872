/**
 * The epidemic: an infection spreading through the community while it lives through the crisis,
 * coupled to daily life. SEIR with an asymptomatic branch, on the residents themselves; each
 * draws its own latent and infectious times (Erlang) and, by age, whether it stays asymptomatic,
 * turns severe or dies — the elderly most at risk (fatality after Verity et al. 2020, Lancet
 * Infect Dis). Transmission runs in layers — household (its rate set by the household secondary
 * attack rate, e.g. 16.6 % in Madewell et al. 2020, JAMA Netw Open), building (stairwell, lift),
 * compound, the community outside the compound met on shopping outings, doors where carriers and
 * visitors meet households, and the gate where RC staff and carriers work — or, for validation,
 * well mixed at rate R0 / infectious period (Kermack–McKendrick; the SIR final-size equation
 * z = 1 − exp(−R0·z) holds for it).
 *
 * Exposure comes from what other modules do: outings, deliveries and door visits are reported
 * to it (../contacts.ts); found cases keep households at home (quarantine, paper 003's 14 days;
 * building or compound closure), load the residents' committee with tracing work (its admin
 * surge, as a detected case does in paper 000), and ill party members, volunteers and RC staff
 * stop working, so supply feels the epidemic. Importation: arrivals from outside, screened at
 * arrival (paper 003: 64,172 arrivals screened), seed infections at a rate.
 *
 * What it does not know: no hospital capacity, no testing capacity, no waning immunity or
 * reinfection, no vaccination; infectiousness is constant over the infectious time (no peak at
 * onset, no presymptomatic phase apart from latency ending at onset); the papers give no
 * epidemic numbers for the Q community, so every rate is literature or assumed; RC staff are
 * taken to live in the community; supermarket staff are not followed; contacts outside the
 * compound happen only on shopping outings (no work or school outside in the lockdown model).
 * Absent from the model unless a scenario lists it in `modules:`, so the lockdown model is
 * unchanged by it.
 */
import { defineModule } from '../../engine/index.js';
import { CONTACT_SINKS } from '../contacts.js';
import { AGE, PARTY } from '../community/index.js';
import { CONFINEMENTS } from '../households/index.js';
import { PARTY_ABSENCES } from '../party-members/index.js';
import { RC_ABSENCES, rcStaff } from '../residents-committee/index.js';
import { VOLUNTEER_ABSENCES } from '../volunteers/index.js';
import { confinement, partyAbsence, rcAbsence, sink, volunteerAbsence } from './contacts.js';
import { dayList } from './day-list.js';
import { importation, seeding } from './importation.js';
import { counters, measures, metrics } from './measures.js';
import { params } from './params.js';
import { course } from './response.js';
import { AGE_NAMES, buildingColumns, caseTimes, checkDayRange, compoundColumns, householdColumns, residentColumns, ROLE, STATE, type EpidemicState, type EpidemicWorld } from './state.js';
import { checkSeedEvents, seedInfections } from './seed-event.js';
import { transmission } from './transmission.js';

export const epidemic = defineModule<EpidemicWorld, EpidemicState>({
  name: 'epidemic',
  description: 'SEIR with an asymptomatic branch over households, buildings, compounds, outings and doors; detection, quarantine and closure; importation (papers 000, 003; literature rates).',
  requires: ['community'],
  // ─── parameters ───
  params,
  // ─── state ───
  columns: { residents: residentColumns, households: householdColumns, buildings: buildingColumns, compounds: compoundColumns },
  init: initialState,
  // ─── behaviour ───
  processes: [course, importation, seeding, transmission],
  counters,
  metrics,
  measures,
  interventions: [seedInfections],
  check: (s) => [...checkSeedEvents(s), ...checkDayRange(s)],
  provides: {
    [CONTACT_SINKS]: [sink],
    [CONFINEMENTS]: [confinement],
    [PARTY_ABSENCES]: [partyAbsence],
    [VOLUNTEER_ABSENCES]: [volunteerAbsence],
    [RC_ABSENCES]: [rcAbsence],
  },
});

function initialState(world: EpidemicWorld): EpidemicState {
  const R = world.residents;
  const e = world.scenario.epidemic;
  // Relative infectiousness of an infection by age (asymptomatic branch), looked up per resident.
  const relative = AGE_NAMES.map((a) => 1 - e.course.asymptomaticShare[a] * (1 - e.course.asymptomaticInfectiousness));
  // Who carries: each building's reporting party members (the first in-service members living
  // there), each compound's volunteers, and RC staff (adults spread evenly through the community).
  const { counts, population, firstResident, contactPerson, buildingResidents, compoundResidents, partyStart, party, volunteerStart, volunteers, infectiousness, adultsWithoutRole } = residentsTally(world, relative);
  const nb = world.buildings.count;
  const nc = world.compounds.count;
  const staff: number[] = [];
  if (world.scenario.residentsCommittee) {
    // The (i + ½)·adults/n-th adult without a role, for i < n: counted, then found in one walk
    // (not a list of every adult: 8 bytes an adult of garbage at 10M residents).
    const adults = adultsWithoutRole;
    const n = Math.min(rcStaff(world), adults);
    // `at`: the place among those adults of the i-th staff member, worked out when i moves on
    // (not for every adult: a division each, a quarter of this init at 10M residents).
    let at = n > 0 ? Math.floor((0.5 * adults) / n) : 0;
    for (let r = 0, k = 0, i = 0; r < R.count && i < n; r++) {
      if (R.age[r] !== AGE.adult || R.role[r] !== ROLE.none) continue;
      while (i < n && at === k) {
        R.role[r] = ROLE.rcStaff;
        staff.push(r);
        i++;
        at = Math.floor(((i + 0.5) * adults) / n);
      }
      k++;
    }
  }

  return {
    day: 0,
    seeded: false,
    active: [],
    cases: caseTimes(Math.max(16, Math.ceil(R.count / 64))),
    counts,
    population,
    firstResident,
    contactPerson,
    buildingResidents,
    compoundResidents,
    partyStart,
    partyList: Int32Array.from(party),
    volunteerStart,
    volunteerList: Int32Array.from(volunteers),
    staff: Int32Array.from(staff),
    organiser: groupBuyOrganisers(world, contactPerson),
    partyCursor: new Int32Array(nb),
    volunteerCursor: new Int32Array(nc),
    staffCursor: 0,
    partyAbsent: new Int32Array(nb),
    volunteerAbsent: new Int32Array(nc),
    staffAbsent: 0,
    partyOff: new Uint8Array(party.length),
    volunteerOff: new Uint8Array(volunteers.length),
    staffOff: new Uint8Array(staff.length),
    goneHelpers: [],
    outings: dayList(),
    doors: dayList(),
    pickups: dayList(),
    meanInfectiousness: R.count > 0 ? infectiousness / R.count : 1,
    detected: 0,
    confinementsUntil: 0,
    quarantined: dayList(),
    closedBuildings: dayList(),
    closedCompounds: dayList(),
    imported: 0,
    caughtAtArrival: 0,
  };
}

/**
 * The counts and lists initialState starts from, in one pass over the residents: residents by
 * age, building and compound; each household's first resident and contact person (its first
 * adult, else its first member); each building's reporting party members (its first in-service
 * members, up to its double reporters), then each compound's volunteers among those left, marked
 * in `role`; and the adults still without a role, among whom RC staff are spread. Residents are
 * laid out household by household, building by building, compound by compound, so the carriers
 * found in resident order are the lists by building (by compound) one after another, and where
 * each building's (compound's) begin is the count before it.
 *
 * One walk of the residents, not five in initialState: the passes are bound by reading memory,
 * so fusing them is what paid (993 → 657 ms of the build at 10M residents; kernels of the five
 * walks apart did not, part 16ad; docs/performance.md, part 16ae). Same roles, same lists, same
 * sums in the same order.
 */
function residentsTally(world: EpidemicWorld, relative: readonly number[]) {
  const R = world.residents;
  const hh = world.households;
  const nb = world.buildings.count;
  const nc = world.compounds.count;
  const doubleReporters = world.buildings.doubleReporters;
  const byAge = new Int32Array(3);
  const buildingResidents = new Float64Array(nb);
  const compoundResidents = new Float64Array(nc);
  const firstResident = new Int32Array(hh.count).fill(-1);
  const contactPerson = new Int32Array(hh.count).fill(-1);
  const partyStart = new Int32Array(nb + 1);
  const volunteerStart = new Int32Array(nc + 1);
  const partyHere = new Int32Array(nb);
  const party: number[] = [];
  const volunteers: number[] = [];
  let infectiousness = 0;
  let adultsWithoutRole = 0;
  let b = -1;
  let c = -1;
  for (let r = 0; r < R.count; r++) {
    const age = R.age[r];
    const h = R.household[r];
    const building = hh.building[h];
    const compound = hh.compound[h];
    for (; b < building; b++) partyStart[b + 1] = party.length;
    for (; c < compound; c++) volunteerStart[c + 1] = volunteers.length;
    byAge[age]++;
    buildingResidents[building]++;
    compoundResidents[compound]++;
    if (firstResident[h] < 0) firstResident[h] = r;
    if (contactPerson[h] < 0 || (age === AGE.adult && R.age[contactPerson[h]] !== AGE.adult)) contactPerson[h] = r;
    infectiousness += relative[age];
    if (R.party[r] === PARTY.inService && partyHere[building] < doubleReporters[building]) {
      partyHere[building]++;
      R.role[r] = ROLE.partyCarrier;
      party.push(r);
    } else if (R.volunteer[r] === 1 && R.role[r] === ROLE.none) {
      R.role[r] = ROLE.volunteer;
      volunteers.push(r);
    }
    if (age === AGE.adult && R.role[r] === ROLE.none) adultsWithoutRole++;
  }
  // Everyone starts susceptible.
  const population = Float64Array.from(byAge);
  const counts = new Float64Array(3 * 6);
  counts.set(byAge, STATE.susceptible * 3);
  for (; b < nb; b++) partyStart[b + 1] = party.length;
  for (; c < nc; c++) volunteerStart[c + 1] = volunteers.length;
  return { population, counts, buildingResidents, compoundResidents, firstResident, contactPerson, partyStart, party, volunteerStart, volunteers, infectiousness, adultsWithoutRole };
}

/**
 * Each compound's group-buy organiser: an owner who hands out the orders at the pick-up point —
 * the adult who answers the door of a household in the middle of the compound, unless that adult
 * already carries or works for the RC (then the next household's); -1 if the compound has none.
 */
function groupBuyOrganisers(world: EpidemicWorld, contactPerson: Int32Array): Int32Array {
  const C = world.compounds;
  const R = world.residents;
  const organiser = new Int32Array(C.count).fill(-1);
  for (let c = 0; c < C.count; c++) {
    const n = C.households[c];
    for (let k = 0; k < n && organiser[c] < 0; k++) {
      const h = C.firstHousehold[c] + ((Math.floor(n / 2) + k) % n);
      const r = contactPerson[h];
      if (r >= 0 && R.age[r] === AGE.adult && R.role[r] === ROLE.none) organiser[c] = r;
    }
    if (organiser[c] >= 0) R.role[organiser[c]] = ROLE.organiser;
  }
  return organiser;
}

export { params as epidemicParams } from './params.js';
export { householdRate } from './transmission.js';
export * from './state.js';
