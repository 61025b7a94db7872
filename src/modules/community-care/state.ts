/** Community care's state: which households are vulnerable (drawn from its own population stream), their care and trust, and the care stock. */
import { bernoulli, LAST_DAY16, toEpochDay, writtenAgain, type PopulateContext, type Table } from '../../engine/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { participationCounts, type ParticipationCounts } from './participation.js';
import { visitCounts, type VisitCounts } from './care-met.js';

// ─── state ───
export const VULNERABLE = { none: 0, elderlyAlone: 1, disabled: 2, singleParent: 3 } as const;
export const VULNERABLE_GROUPS = ['elderlyAlone', 'disabled', 'singleParent'] as const;

// Day-valued columns are 16-bit (to day 32,767, 89 years; `checkDayRange` refuses at load a run
// that would go past it): 2 bytes a household each instead of 4, in runs of millions of households.
export const careColumns = {
  /** VULNERABLE code (0 none). */
  vulnerable: Uint8Array,
  /** Day the household next needs a care visit. */
  careDue: Int16Array,
  /** Day of its last care visit (-1 never). */
  lastVisit: Int16Array,
  /** Day it heard of the current crisis's services (-1 not yet). */
  informedDay: Int16Array,
  trust: Float64Array,
  /** Day a member last took part in an activity or volunteered (-1 never); written through participation.ts. */
  lastParticipation: Int16Array,
  /** Members taking part now in an ongoing activity (the volunteer pool): the household takes part every day while there are any; written through participation.ts. */
  participating: Uint8Array,
};

export interface CareWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof careColumns>;
}

export interface CareState {
  /** First day of the current crisis, or -1. */
  crisisSince: number;
  crisis: boolean;
  /** Whether households cannot go out to shop today (care packages are bought and brought only then). */
  shut: boolean;
  /** 0–1: share of full crisis effort the actors have reached (1 in normal times). */
  mobilisation: number;
  /** Share of activity hours matched to residents' demands today. */
  projectMatch: number;
  /** Care packages in stock, bought by the charity module, not yet delivered. */
  packages: number;
  /** Hours of social-organisation projects paid for (by the charity module) and not yet worked. */
  purchasedProjectHours: number;
  /** Cumulative goods, for conservation: packages received into stock and delivered. */
  packagesIn: number;
  packagesDelivered: number;
  /** Protective kits for front-line volunteers: in stock, received, used, wanted beyond stock (set by the pool). */
  kits: number;
  kitsIn: number;
  kitsUsed: number;
  kitsWanted: number;
  /** The vulnerable households in order (drawn at populate and fixed): the passes that concern them only walk these. */
  vulnerableHouseholds: Int32Array;
  /** The same, one list per VULNERABLE_GROUPS entry (the careMet samplers read their sizes). */
  vulnerableByGroup: Int32Array[];
  /** In a crisis, households not yet told of its services (informedDay −1), kept as they are told. */
  uninformed: number;
  /** The day's trust added up at night before trust follows ties, and the households counted (trust-ties.ts): meanTrust. */
  dayTrust: Float64Array;
  /** The day `dayTrust` was last added up (−1 never). */
  trustAddedUpOn: number;
  /** Vulnerable households by group and day of their last visit, counted as visits are made (care-met.ts). */
  visits: VisitCounts;
  /** Households taking part, counted as they start and stop (participation.ts). */
  participation: ParticipationCounts;
}

/** The households with a VULNERABLE code (with `code`, that code only), in order. */
export function vulnerableHouseholds(vulnerable: Uint8Array, code = ANY): Int32Array {
  let n = 0;
  for (let h = 0; h < vulnerable.length; h++) if (isOf(vulnerable[h], code)) n++;
  const list = new Int32Array(n);
  n = 0;
  for (let h = 0; h < vulnerable.length; h++) if (isOf(vulnerable[h], code)) list[n++] = h;
  return list;
}
/** Any VULNERABLE code but none. */
const ANY = -1;
// Both tests run on every call (V8 compiles the first call's loop and would otherwise meet an
// untried test in the next); no function made per call (each new closure threw that code away).
const isOf = (v: number, code: number) => v === code || (code === ANY && v !== 0);

/**
 * The state at the start, every field written again (`writtenAgain`): the care round, the period
 * and the five societies' processes read it every day, and a field first written days into the
 * run (or first given a fraction) replaced the object's map and threw their compiled code away.
 * The shares, hours and stocks that can hold fractions are made as doubles (-0); the two shares
 * that start at 1 are set to 1 after.
 */
export function initialState(world: CareWorld): CareState {
  const vulnerable = world.households.vulnerable;
  const st: CareState = writtenAgain({
    crisisSince: -1, crisis: false, shut: false, mobilisation: -0, projectMatch: -0,
    packages: -0, purchasedProjectHours: -0, packagesIn: -0, packagesDelivered: -0,
    kits: -0, kitsIn: -0, kitsUsed: -0, kitsWanted: -0,
    vulnerableHouseholds: vulnerableHouseholds(vulnerable),
    vulnerableByGroup: VULNERABLE_GROUPS.map((g) => vulnerableHouseholds(vulnerable, VULNERABLE[g])),
    uninformed: 0, dayTrust: new Float64Array(2), trustAddedUpOn: -1,
    participation: participationCounts(),
    visits: visitCounts(VULNERABLE_GROUPS.length, world.scenario.care.visitIntervalDays.normal),
  });
  st.mobilisation = 1;
  st.projectMatch = 1;
  return st;
}

export const own = (w: { state: Record<string, any> }) => w.state.communityCare as CareState;
/** The care state, for the five-society modules. */
export const careOf = own;

/** The run and the next visit it may set fit the 16-bit day columns (a located error at load otherwise). */
export function checkDayRange(s: { calendar: { start: string; end: string }; care: { visitIntervalDays: { normal: number; crisis: number } } }): { path: (string | number)[]; message: string }[] {
  const every = Math.max(s.care.visitIntervalDays.normal, s.care.visitIntervalDays.crisis);
  const latest = toEpochDay(s.calendar.end) - toEpochDay(s.calendar.start) + 1 + every;
  return latest > LAST_DAY16
    ? [{ path: ['calendar', 'end'], message: `community care keeps days in 16 bits, to day ${LAST_DAY16} (about 89 years): the run with care visits every ${every} days reaches day ${latest}; shorten the run` }]
    : [];
}

export function populate(world: CareWorld, ctx: PopulateContext): void {
  const s = world.scenario.care;
  const rng = ctx.stream('population.communityCare');
  const hh = world.households;
  for (let h = 0; h < hh.count; h++) {
    const elderly = hh.elderlyNoSmartphone[h] + hh.elderlySmartphone[h];
    const disabled = bernoulli(rng, s.vulnerable.disabledShare);
    const single = bernoulli(rng, s.vulnerable.singleParentShare);
    let v: number = VULNERABLE.none;
    if (hh.members[h] === 1 && elderly === 1) v = VULNERABLE.elderlyAlone;
    else if (disabled) v = VULNERABLE.disabled;
    // Working-age households with children: 'others' counts working-age adults and children.
    else if (elderly === 0 && hh.members[h] >= 3 && single) v = VULNERABLE.singleParent;
    hh.vulnerable[h] = v;
    hh.careDue[h] = v ? Math.floor(rng() * s.visitIntervalDays.normal) : 0;
    hh.lastVisit[h] = -1;
    hh.informedDay[h] = -1;
    hh.trust[h] = s.initialTrust;
    hh.lastParticipation[h] = -1;
  }
}


/** Adds protective kits to the care stock (the charity module buys them for the volunteer pool). */
export function stockKits(world: { state: Record<string, any> }, n: number): void {
  const st = own(world);
  st.kits += n;
  st.kitsIn += n;
}

/** Adds packages to the care stock (the charity module buys them). */
export function stockCarePackages(world: { state: Record<string, any> }, n: number): void {
  const st = own(world);
  st.packages += n;
  st.packagesIn += n;
}
