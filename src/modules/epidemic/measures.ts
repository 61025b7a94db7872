/**
 * What the epidemic records: residents in each state every day, new infections and detected
 * cases, households kept at home and places closed; and over the run the attack rate (share
 * ever infected) overall, by age and by layer of infection, the peak and its date, deaths, days
 * under confinement per household, the observed household secondary attack rate, and infections
 * among the carriers and RC staff the supply of the community rests on.
 */
import type { Counter, Measures, Metric } from '../../engine/index.js';
import { AGE_NAMES, LAYER_NAMES, ROLE, STATE, STATE_NAMES, type EpidemicState, type EpidemicWorld } from './state.js';

const own = (w: EpidemicWorld) => w.state.epidemic as EpidemicState;
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
export const stateColumn = (s: (typeof STATE_NAMES)[number]) => `residents${capitalise(s)}`;

export const counters: Counter[] = [
  { name: 'newInfections', unit: 'residents', description: 'Residents infected today (all layers, importation included)' },
  { name: 'importedInfections', unit: 'residents', description: 'Residents infected today on arrival from outside (missed by screening)' },
  { name: 'casesDetected', unit: 'residents', description: 'Cases found today (symptoms, testing, severe illness)' },
  { name: 'householdsConfined', unit: 'households', description: 'Households kept at home today by quarantine or a closed building or compound' },
];

export const metrics: Metric<EpidemicWorld>[] = [
  ...STATE_NAMES.map((name, s): Metric<EpidemicWorld> => ({
    name: stateColumn(name),
    unit: 'residents',
    description: `Residents ${name} tonight (epidemic SEIR state${name === 'symptomatic' || name === 'asymptomatic' ? ', infectious' : ''})`,
    sample(w) {
      const c = own(w).counts;
      return c[s * 3] + c[s * 3 + 1] + c[s * 3 + 2];
    },
  })),
  // The places closed today are listed as their closures start and leave the list as they end
  // (response.ts; tests/epidemic/confinement.test.ts checks the lists against closedUntil): their
  // counts, rather than a walk over every building and compound each night.
  { name: 'buildingsClosed', unit: 'buildings', description: 'Buildings closed after a detected case', sample: (w) => own(w).closedBuildings.count },
  { name: 'compoundsClosed', unit: 'compounds', description: 'Compounds closed after a detected case', sample: (w) => own(w).closedCompounds.count },
];

const ROLES = { partyCarriers: ROLE.partyCarrier, volunteers: ROLE.volunteer, rcStaff: ROLE.rcStaff, organisers: ROLE.organiser } as const;

export const measures: Measures<EpidemicWorld, EpidemicState> = {
  names: [
    'epidemic.attackRate',
    ...AGE_NAMES.map((a) => `epidemic.attackRateByAge.${a}`),
    'epidemic.infections',
    ...LAYER_NAMES.slice(1).map((l) => `epidemic.infectionsByLayer.${l}`),
    'epidemic.peakInfectious', 'epidemic.peakDate', 'epidemic.detectedCases', 'epidemic.deaths', 'epidemic.caughtAtArrival',
    'epidemic.confinedDaysPerHousehold', 'epidemic.householdSecondaryAttackRate',
    ...Object.keys(ROLES).flatMap((k) => [`epidemic.${k}.residents`, `epidemic.${k}.infected`]),
  ],
  summarise(world, s, { columns, calendar }) {
    const R = world.residents;
    const n = tally(R.infection, R.age, R.layer, R.role);
    const infected = n[INFECTED];
    const deaths = n[DEATHS];
    const byAge = n.subarray(BY_AGE, BY_AGE + AGE_NAMES.length);
    const byLayer = n.subarray(BY_LAYER, BY_LAYER + LAYER_NAMES.length);
    const roles = Object.fromEntries(Object.entries(ROLES).map(([k, code]) => [k, { residents: n[ROLE_RESIDENTS + code], infected: n[ROLE_INFECTED + code] }])) as Record<keyof typeof ROLES, { residents: number; infected: number }>;
    const infectious = columns[stateColumn('symptomatic')].map((x, t) => x + columns[stateColumn('asymptomatic')][t]);
    let peakDay = 0;
    for (let t = 1; t < infectious.length; t++) if (infectious[t] > infectious[peakDay]) peakDay = t;
    const confined = daysConfined(world.households.confinedDays);
    return {
      epidemic: {
        attackRate: infected / R.count,
        attackRateByAge: Object.fromEntries(AGE_NAMES.map((a, i) => [a, s.population[i] > 0 ? byAge[i] / s.population[i] : 0])),
        infections: infected,
        infectionsByLayer: Object.fromEntries(LAYER_NAMES.slice(1).map((l, i) => [l, byLayer[i + 1]])),
        peakInfectious: infectious[peakDay] ?? 0,
        peakDate: infectious.length > 0 && infectious[peakDay] > 0 ? calendar.dateOf(peakDay) : null,
        detectedCases: s.detected,
        deaths,
        caughtAtArrival: s.caughtAtArrival,
        confinedDaysPerHousehold: confined / world.households.count,
        householdSecondaryAttackRate: householdSar(world, s),
        ...roles,
      },
    };
  },
};

// Where `tally` counts what: the infected, the dead, the infected by age and by layer, and the
// residents and the infected by role code (every ROLE, none included).
const ROLE_CODES = Object.keys(ROLE).length;
const INFECTED = 0;
const DEATHS = 1;
const BY_AGE = 2;
const BY_LAYER = BY_AGE + AGE_NAMES.length;
const ROLE_RESIDENTS = BY_LAYER + LAYER_NAMES.length;
const ROLE_INFECTED = ROLE_RESIDENTS + ROLE_CODES;

/**
 * The run's infections counted over the residents, in one array (the places above). A kernel on
 * columns: in the summary, V8 compiled this loop on stack replacement and threw the code away at
 * the summary's reads after it; counted in the array itself, nothing after the loop is new to it.
 */
function tally(infection: Uint8Array, age: Uint8Array, layer: Uint8Array, role: Uint8Array): Int32Array {
  const n = new Int32Array(ROLE_INFECTED + ROLE_CODES);
  for (let r = 0; r < infection.length; r++) {
    n[ROLE_RESIDENTS + role[r]]++;
    if (infection[r] === STATE.susceptible) continue;
    n[INFECTED]++;
    n[BY_AGE + age[r]]++;
    n[BY_LAYER + layer[r]]++;
    if (infection[r] === STATE.dead) n[DEATHS]++;
    n[ROLE_INFECTED + role[r]]++;
  }
  return n;
}

/** Days of confinement over all households: a kernel on the column, for the reason `tally` is one. */
function daysConfined(confinedDays: Int16Array): number {
  let n = 0;
  for (let h = 0; h < confinedDays.length; h++) n += confinedDays[h];
  return n;
}

/**
 * Observed household secondary attack rate: over households whose first case was alone in being
 * first (infected from outside the household), the share of its other members that this case
 * infected itself. Null when no household had such a case.
 */
function householdSar(world: EpidemicWorld, s: EpidemicState): number | null {
  const R = world.residents;
  const hh = world.households;
  const at = s.cases.infectedAt;
  let contacts = 0;
  let secondary = 0;
  for (let h = 0; h < hh.count; h++) {
    const first = s.firstResident[h];
    const end = first + hh.members[h];
    let index = -1;
    let tied = false;
    for (let r = first; r < end; r++) {
      if (R.infection[r] === STATE.susceptible) continue;
      if (index < 0 || at[R.caseNo[r] - 1] < at[R.caseNo[index] - 1]) { index = r; tied = false; } else if (at[R.caseNo[r] - 1] === at[R.caseNo[index] - 1]) tied = true;
    }
    if (index < 0 || tied || hh.members[h] < 2) continue;
    contacts += hh.members[h] - 1;
    for (let r = first; r < end; r++) if (R.caseNo[r] > 0 && s.cases.infector[R.caseNo[r] - 1] === index) secondary++;
  }
  return contacts > 0 ? secondary / contacts : null;
}
