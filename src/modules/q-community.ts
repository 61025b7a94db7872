/**
 * Types of the Q-community preset: the world its modules share and the summary they write
 * together. Types only; what the model does is in the modules.
 */
import type { Table } from '../engine/index.js';
import type { ResidentGroup } from './community/index.js';
import type { MerchantsState } from './merchants/index.js';
import type { PartyState } from './party-members/index.js';
import type { Ledger, ProvisionState, ProvisionWorld, RegimeName } from './provision/index.js';
import type { RcState } from './residents-committee/index.js';
import type { ResilienceMeasures } from './resilience/index.js';
import type { VolunteersState } from './volunteers/index.js';

/** The world of the Q-community model. */
export interface World extends ProvisionWorld {
  households: ProvisionWorld['households'] & Table<{ satisfaction: Float64ArrayConstructor }>;
  compounds: ProvisionWorld['compounds'] & Table<{ selfOrganisedSince: Int32ArrayConstructor }>;
  state: {
    provision: ProvisionState;
    merchants: MerchantsState;
    residentsCommittee: RcState;
    partyMembers: PartyState;
    volunteers: VolunteersState;
    [module: string]: any;
  };
}

export interface GroupSummary {
  residents: number;
  /** Days with basic needs unmet, per resident of the group (mean over residents). */
  unmetNeedDays: number;
  robustness: number;
  lossNeedDays: number;
}

/** The run summary (`summary.json`) of the Q-community model. */
export interface Summary {
  resilience: ResilienceMeasures & { shockDate: string | null };
  groups: Record<ResidentGroup, GroupSummary>;
  /** Unmet need-days per resident: worst group minus best group. */
  equityGap: number;
  personal: { unmetNeedDaysPerHousehold: number };
  prices: {
    /** Mean price per basic package received from the shock on (¥). */
    meanPricePaid: number | null;
    byRegime: Record<RegimeName, { vegetable: number | null; pork: number | null; vegetableList: number; porkList: number }>;
  };
  staff: { peakOverload: number | null; overloadedDays: number; daysWithoutStaff: number; hoursDemanded: number; hoursAvailable: number };
  deliveries: { made: number; peakPending: number; pendingOrderDays: number; overdueOrderDays: number; pendingAtEnd: number; byPartyMembers: number; byVolunteers: number; byRcStaff: number; byMerchants: number };
  selfOrganisation: { compounds: number; groupBuys: number };
  satisfaction: { final: number; minimum: number };
  ledger: Ledger & { packagesSupplied: number };
  population: { residents: number; households: number; buildings: number; compounds: number; rcStaff: number; rcPosts: number; doubleReporters: number; volunteers: number };
}
