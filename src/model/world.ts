/**
 * The state of one simulated community: residents and households as typed-array columns,
 * buildings, compounds and merchants as plain objects, plus the residents' committee's ledger
 * and the day's counters that metrics read.
 */
import { createTable, type Table } from '../engine/table.js';
import type { Scenario } from '../scenario/schema.js';

export const AGE = { child: 0, adult: 1, elderly: 2 } as const;
export const PARTY = { none: 0, inService: 1, retired: 2 } as const;
/** A household's best ordering skill: nobody with a smartphone, only elderly users, an adult user. */
export const DIGITAL = { none: 0, elderlyOnly: 1, adult: 2 } as const;
export const CHANNEL = { none: 0, app: 1, wechatChain: 2, doorToDoor: 3 } as const;

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
  /** Home stocks of basic goods in person-days, personal goods in days. */
  vegetableStock: Float64Array,
  porkStock: Float64Array,
  personalStock: Float64Array,
  /** The pending order: packages, the day it was taken (-1 if none), prices fixed at that time. */
  orderVegetable: Uint16Array,
  orderPork: Uint16Array,
  orderDay: Int32Array,
  orderVegetablePrice: Float64Array,
  orderPorkPrice: Float64Array,
  orderVegetableSubsidy: Float64Array,
  orderPorkSubsidy: Float64Array,
  /** Regime the order was taken under: 0 early, 1 later. */
  orderRegime: Uint8Array,
  orderQuality: Float64Array,
  orderVariety: Float64Array,
  /** Which day of the movement-control cycle this household may go out. */
  outingSlot: Uint8Array,
  basicMet: Uint8Array,
  personalMet: Uint8Array,
  unmetBasicDays: Int32Array,
  unmetPersonalDays: Int32Array,
  satisfaction: Float64Array,
  /** Price paid over normal price, and variety (0–1), of the household's last purchase. */
  lastPriceRatio: Float64Array,
  lastVariety: Float64Array,
};

export type Residents = Table<typeof residentColumns>;
export type Households = Table<typeof householdColumns>;

export interface Building {
  id: number;
  compound: number;
  floors: number;
  firstHousehold: number;
  households: number;
  /** In-service party members living here who would report to the community under double reporting. */
  doubleReporters: number;
}

export interface Compound {
  id: number;
  /** Prior social capital, e.g. an owners' committee with a history of regular discussion (000). */
  socialCapital: number;
  hasPropertyCompany: boolean;
  firstHousehold: number;
  households: number;
  volunteers: number;
  /** Day group buying started, or -1. */
  selfOrganisedSince: number;
}

export interface Merchant {
  name: string;
  /** The supermarket the RC partnered in the early regime. */
  partner: boolean;
  stock: number;
  restockPerDay: number;
  maxStock: number;
}

/** Cumulative money and goods, for conservation checks and the summary. */
export interface Ledger {
  packagesSupplied: number;
  packagesDelivered: number;
  residentPayments: number;
  subsidyPaid: number;
  /** Per regime the order was taken under: packages delivered by kind, and money. */
  byRegime: Record<'early' | 'later', RegimeLedger>;
}

export interface RegimeLedger {
  vegetable: number;
  pork: number;
  vegetablePayments: number;
  porkPayments: number;
  residentPayments: number;
  subsidyPaid: number;
}

export const REGIMES = ['early', 'later'] as const;

/** What happened today; reset each morning, read by the metrics at night. */
export interface DayCounters {
  ordersApp: number;
  ordersWechatChain: number;
  ordersDoorToDoor: number;
  doorVisitsMissed: number;
  deliveriesMade: number;
  deliveredByPartyMembers: number;
  deliveredByVolunteers: number;
  deliveredByRcStaff: number;
  deliveredByMerchants: number;
  outingPurchases: number;
  groupBuyHouseholds: number;
  vegetablePackages: number;
  vegetablePaid: number;
  porkPackages: number;
  porkPaid: number;
  normalValue: number;
  packagesSupplied: number;
  residentPayments: number;
  subsidyPaid: number;
  staffHoursDemanded: number;
  adminHours: number;
}

export function emptyDayCounters(): DayCounters {
  return {
    ordersApp: 0, ordersWechatChain: 0, ordersDoorToDoor: 0, doorVisitsMissed: 0,
    deliveriesMade: 0, deliveredByPartyMembers: 0, deliveredByVolunteers: 0, deliveredByRcStaff: 0, deliveredByMerchants: 0,
    outingPurchases: 0, groupBuyHouseholds: 0,
    vegetablePackages: 0, vegetablePaid: 0, porkPackages: 0, porkPaid: 0, normalValue: 0,
    packagesSupplied: 0, residentPayments: 0, subsidyPaid: 0,
    staffHoursDemanded: 0, adminHours: 0,
  };
}

/** Labour available today, by pool, after the RC's mandated administrative work. */
export interface Labour {
  rcHoursAvailable: number;
  /** RC hours left for grocery work. */
  rcHoursFree: number;
  /** Per building: gate-to-door deliveries the double-reporting party members can still make. */
  partyDeliveries: Float64Array;
  /** Per building: evening order-taking visits the party members can make. */
  partyVisits: Float64Array;
  /** Per compound: volunteer hours not yet used. */
  volunteerHours: Float64Array;
  merchantDeliveries: number;
}

/** FIFO of households with a pending order (each household holds at most one). */
export interface OrderQueue {
  items: Int32Array;
  head: number;
  length: number;
}

export interface World {
  scenario: Scenario;
  residents: Residents;
  households: Households;
  buildings: Building[];
  compounds: Compound[];
  merchants: Merchant[];
  /** The regime governing provision today: 'early', 'later', or null outside closed management. */
  regime: 'early' | 'later' | null;
  /** The last regime in force, which still delivers orders pending when closure ends. */
  deliveringRegime: 'early' | 'later' | null;
  /** Kinds of basic package currently on offer. */
  packageKinds: number;
  /** Day the later regime started (for RC feedback), or -1. */
  laterSince: number;
  /** Day closed management started, or -1. */
  closedSince: number;
  /** Extra administrative hours per day from dated events, until a day. */
  adminSurges: { hours: number; untilDay: number }[];
  orders: OrderQueue;
  labour: Labour;
  ledger: Ledger;
  today: DayCounters;
}

/** Residents' committee staff: the scenario's staffing norm applied to this community's size. */
export function rcStaff(world: World): number {
  return Math.round((world.scenario.residentsCommittee.staffPer10000Residents * world.residents.count) / 10_000);
}

/** Party members of a building active today: none unless double reporting is in force and the regime mobilises them. */
export function activePartyMembers(world: World, building: Building): number {
  const regime = world.deliveringRegime ? world.scenario.regimes[world.deliveringRegime] : null;
  // The regime is checked first so that the normal period never reads doubleReporting: warm-start
  // branching (experiment/warm-start.ts) can then branch a no-double-reporting variant.
  return regime?.partyMembersMobilised && world.scenario.partyMembers.doubleReporting ? building.doubleReporters : 0;
}

export function emptyHouseholds(n: number): Households {
  return createTable(n, householdColumns);
}

export function emptyResidents(n: number): Residents {
  return createTable(n, residentColumns);
}
