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

/**
 * The households with a VULNERABLE code, in order, and the same one list per code
 * (VULNERABLE_GROUPS): counted in one walk of the households and filled in another, not two walks
 * for each of the four lists (at 10M residents, 3.6M households, eight walks).
 */
export function vulnerableHouseholds(vulnerable: Uint8Array): { all: Int32Array; byGroup: Int32Array[] } {
  const counts = new Int32Array(VULNERABLE_GROUPS.length + 1);
  for (let h = 0; h < vulnerable.length; h++) counts[vulnerable[h]]++;
  const all = new Int32Array(vulnerable.length - counts[VULNERABLE.none]);
  const byGroup = VULNERABLE_GROUPS.map((g) => new Int32Array(counts[VULNERABLE[g]]));
  const listOf: Int32Array[] = [];
  VULNERABLE_GROUPS.forEach((g, i) => (listOf[VULNERABLE[g]] = byGroup[i]));
  const filled = new Int32Array(VULNERABLE_GROUPS.length + 1);
  let n = 0;
  for (let h = 0; h < vulnerable.length; h++) {
    const v = vulnerable[h];
    if (v === VULNERABLE.none) continue;
    all[n++] = h;
    listOf[v][filled[v]++] = h;
  }
  return { all, byGroup };
}

/**
 * The state at the start, every field written again (`writtenAgain`): the care round, the period
 * and the five societies' processes read it every day, and a field first written days into the
 * run (or first given a fraction) replaced the object's map and threw their compiled code away.
 * The shares, hours and stocks that can hold fractions are made as doubles (-0); the two shares
 * that start at 1 are set to 1 after.
 */
export function initialState(world: CareWorld): CareState {
  const lists = vulnerableHouseholds(world.households.vulnerable);
  const st: CareState = writtenAgain({
    crisisSince: -1, crisis: false, shut: false, mobilisation: -0, projectMatch: -0,
    packages: -0, purchasedProjectHours: -0, packagesIn: -0, packagesDelivered: -0,
    kits: -0, kitsIn: -0, kitsUsed: -0, kitsWanted: -0,
    vulnerableHouseholds: lists.all,
    vulnerableByGroup: lists.byGroup,
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
  }
  // The same for every household: filled, not written in the loop.
  hh.lastVisit.fill(-1);
  hh.informedDay.fill(-1);
  hh.trust.fill(s.initialTrust);
  hh.lastParticipation.fill(-1);
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
