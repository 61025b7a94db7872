/**
 * What the epidemic keeps: each resident's infection (state, how, and its case: times, detection, by whom), each
 * household's, building's and compound's confinement, and the module's own tallies. Times are
 * continuous (days since the start of the run); states are as at dawn.
 */
import { grown, LAST_DAY16, toEpochDay, type Table } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { DayList } from './day-list.js';
import type { EpidemicParams } from './params.js';

export const STATE = { susceptible: 0, exposed: 1, symptomatic: 2, asymptomatic: 3, recovered: 4, dead: 5 } as const;
export const STATE_NAMES = ['susceptible', 'exposed', 'symptomatic', 'asymptomatic', 'recovered', 'dead'] as const;
export const AGE_NAMES = ['child', 'adult', 'elderly'] as const;

/** How a resident was infected. */
export const LAYER = { none: 0, seed: 1, imported: 2, household: 3, building: 4, compound: 5, community: 6, door: 7, work: 8, wellMixed: 9, pickup: 10 } as const;
export const LAYER_NAMES = ['none', 'seed', 'imported', 'household', 'building', 'compound', 'community', 'door', 'work', 'wellMixed', 'pickup'] as const;

/** A resident's role in keeping the community supplied, fixed when the model starts. */
export const ROLE = { none: 0, partyCarrier: 1, volunteer: 2, rcStaff: 3, organiser: 4 } as const;

export const residentColumns = {
  infection: Uint8Array,
  /** 1 + the resident's row in the case times (EpidemicState.cases), 0 if never infected. */
  caseNo: Int32Array,
  /** Bits: 1 severe (hospitalised when found), 2 fatal, 4 asymptomatic branch. */
  outcome: Uint8Array,
  layer: Uint8Array,
  /** 0 free, 1 isolated from everyone outside the household, 2 isolated from everyone (hospital). */
  isolated: Uint8Array,
  role: Uint8Array,
};
/**
 * Day numbers of a household in 16 bits (2 bytes a household rather than 4 each): a run may not
 * outlast 32,767 days with its quarantine (about 89 years; the module's check says so at load).
 */
export const householdColumns = {
  /** Quarantined at home until this day (exclusive). */
  quarantinedUntil: Int16Array,
  /** Days the household was kept at home (quarantine or closure). */
  confinedDays: Int16Array,
};

/** The scenario's run and quarantine fit the 16-bit day columns (a located error otherwise). */
export function checkDayRange(s: { calendar: { start: string; end: string }; epidemic: { response: { quarantineDays: number } } }): { path: (string | number)[]; message: string }[] {
  const last = toEpochDay(s.calendar.end) - toEpochDay(s.calendar.start) + s.epidemic.response.quarantineDays;
  return last > LAST_DAY16
    ? [{ path: ['calendar', 'end'], message: `the epidemic keeps households' quarantine days in 16 bits: the run with its quarantine reaches day ${last}, beyond ${LAST_DAY16} (about 89 years); shorten the run` }]
    : [];
}
export const buildingColumns = { closedUntil: Int32Array };
export const compoundColumns = { closedUntil: Int32Array };

export const OUTCOME = { severe: 1, fatal: 2, asymptomatic: 4 } as const;

export interface EpidemicWorld extends CommunityWorld {
  scenario: CommunityWorld['scenario'] & { epidemic: EpidemicParams };
  residents: CommunityWorld['residents'] & Table<typeof residentColumns>;
  households: CommunityWorld['households'] & Table<typeof householdColumns>;
  buildings: CommunityWorld['buildings'] & Table<typeof buildingColumns>;
  compounds: CommunityWorld['compounds'] & Table<typeof compoundColumns>;
}

export interface EpidemicState {
  /** Today (set at dawn), for the confinement and contact hooks. */
  day: number;
  seeded: boolean;
  /** Infected residents not yet both removed and past their detection day. */
  active: number[];
  /** Each infection's times, by case. */
  cases: CaseTimes;
  /** Residents by state (row) and age (column): counts[state * 3 + age]. */
  counts: Float64Array;
  /** Residents by age. */
  population: Float64Array;
  /** Per household: its first resident (members are consecutive), and the member who goes out and answers the door. */
  firstResident: Int32Array;
  contactPerson: Int32Array;
  /** Residents by building and compound (denominators of those layers). */
  buildingResidents: Float64Array;
  compoundResidents: Float64Array;
  /** Per carrier role unit: party carriers of each building, volunteers of each compound, RC staff (CSR lists). */
  partyStart: Int32Array;
  partyList: Int32Array;
  volunteerStart: Int32Array;
  volunteerList: Int32Array;
  staff: Int32Array;
  /** Per compound: the resident who hands out group-buy orders at its pick-up point. */
  organiser: Int32Array;
  /** Round-robin cursors: which carrier of a unit takes the next door. */
  partyCursor: Int32Array;
  volunteerCursor: Int32Array;
  staffCursor: number;
  /** Absent today, per building / compound / in all. */
  partyAbsent: Int32Array;
  volunteerAbsent: Int32Array;
  staffAbsent: number;
  /** Off work today, by place in partyList, volunteerList and staff (1 off); counted with the absences (absences.ts). */
  partyOff: Uint8Array;
  volunteerOff: Uint8Array;
  staffOff: Uint8Array;
  /** Helpers (party carriers, volunteers, RC staff, organisers) who have died: off work for good. */
  goneHelpers: number[];
  /** Today's reported meetings: outing households; door contacts as (household, carrier resident or -1). */
  outings: DayList;
  doors: DayList;
  /** Today's group-buy pick-ups: households that collected an order at their compound's pick-up point. */
  pickups: DayList;
  /** Mean relative infectiousness of an infection (asymptomatic branch), for β = R0 / (D · this). */
  meanInfectiousness: number;
  detected: number;
  /** The last day (exclusive) on which any quarantine or closure ordered so far is in force. */
  confinementsUntil: number;
  /** The households quarantined, buildings closed and compounds closed today, each once (response.ts keeps them). */
  quarantined: DayList;
  closedBuildings: DayList;
  closedCompounds: DayList;
  imported: number;
  caughtAtArrival: number;
}

/**
 * Each infection's times (days since the start of the run), detection day and infector, one row
 * per case in the order of infection, grown as cases come: 32 bytes per case rather than per
 * resident, since most residents of a large run are never infected (a resident's row is
 * `caseNo` − 1).
 */
export interface CaseTimes {
  count: number;
  infectedAt: Float64Array;
  infectiousAt: Float64Array;
  removedAt: Float64Array;
  /** Day the case is found, or -1. */
  detectedOn: Int32Array;
  /** The household member who infected this case (household layer), or -1. */
  infector: Int32Array;
}

export function caseTimes(capacity: number): CaseTimes {
  return {
    count: 0, infectedAt: new Float64Array(capacity), infectiousAt: new Float64Array(capacity), removedAt: new Float64Array(capacity),
    detectedOn: new Int32Array(capacity), infector: new Int32Array(capacity),
  };
}


/** Adds a case; returns its row. */
export function addCase(c: CaseTimes, infectedAt: number, infectiousAt: number, removedAt: number, detectedOn: number, infector: number): number {
  if (c.count === c.infectedAt.length) {
    const n = Math.max(16, 2 * c.count);
    c.infectedAt = grown(c.infectedAt, n);
    c.infectiousAt = grown(c.infectiousAt, n);
    c.removedAt = grown(c.removedAt, n);
    c.detectedOn = grown(c.detectedOn, n);
    c.infector = grown(c.infector, n);
  }
  const i = c.count++;
  c.infectedAt[i] = infectedAt;
  c.infectiousAt[i] = infectiousAt;
  c.removedAt[i] = removedAt;
  c.detectedOn[i] = detectedOn;
  c.infector[i] = infector;
  return i;
}

/** When resident r was infected (NaN if never). */
export function infectedAt(world: EpidemicWorld, r: number): number {
  const i = world.residents.caseNo[r] - 1;
  return i < 0 ? NaN : (world.state.epidemic as EpidemicState).cases.infectedAt[i];
}

export const isFatal = (outcome: number) => (outcome & OUTCOME.fatal) !== 0;
export const isSevere = (outcome: number) => (outcome & OUTCOME.severe) !== 0;
