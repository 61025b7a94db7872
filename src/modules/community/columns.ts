/**
 * The community's columns: where each household lives, who lives in it, and the traits drawn for
 * each resident (age, smartphone use, party membership, willingness to volunteer).
 */
import type { ModuleWorld, Table } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';

export const AGE = { child: 0, adult: 1, elderly: 2 } as const;
export const PARTY = { none: 0, inService: 1, retired: 2 } as const;
/** A household's best ordering skill: nobody with a smartphone, only elderly users, an adult user. */
export const DIGITAL = { none: 0, elderlyOnly: 1, adult: 2 } as const;

/** Resident groups for equity measures (a partition of residents). */
export const RESIDENT_GROUPS = ['elderlyNoSmartphone', 'elderlySmartphone', 'others'] as const;
export type ResidentGroup = (typeof RESIDENT_GROUPS)[number];

export const residentColumns = {
  household: Int32Array,
  age: Uint8Array,
  smartphone: Uint8Array,
  party: Uint8Array,
  volunteer: Uint8Array,
};

export const householdColumns = {
  compound: Int32Array,
  building: Int32Array,
  floor: Int16Array,
  members: Uint8Array,
  digital: Uint8Array,
  /** Residents of each group living here, so group metrics loop households, not residents. */
  elderlyNoSmartphone: Uint8Array,
  elderlySmartphone: Uint8Array,
  others: Uint8Array,
  /**
   * Ties to neighbours (social capital) in [0, 1]: starts at the compound's prior social capital
   * and, once a crisis comes, grows with shared activity and decays without (selfOrganisation).
   */
  ties: Float64Array,
  /** Shared activities today (a group buy joined, help received at the door, a day volunteering), read each night. */
  sharedActivity: Uint8Array,
};

export const buildingColumns = {
  compound: Int32Array,
  floors: Int32Array,
  firstHousehold: Int32Array,
  households: Int32Array,
  /**
   * In-service party members living here who report to the community under double reporting
   * (paper 000: 2–3 per building). Drawn with the population, so the community is the same with
   * and without double reporting (paired comparisons, warm-start branches).
   */
  doubleReporters: Int32Array,
};

export const compoundColumns = {
  /**
   * Social capital: prior, e.g. an owners' committee with a history of regular discussion (000);
   * where selfOrganisation runs, the mean of its households' ties from the crisis on.
   */
  socialCapital: Float64Array,
  hasPropertyCompany: Uint8Array,
  firstHousehold: Int32Array,
  households: Int32Array,
  /** Residents willing to volunteer when mobilised. */
  volunteers: Int32Array,
};

/** The world as every module sees the community. */
export interface CommunityWorld extends ModuleWorld<Scenario> {
  residents: Table<typeof residentColumns>;
  households: Table<typeof householdColumns>;
  buildings: Table<typeof buildingColumns>;
  compounds: Table<typeof compoundColumns>;
}
