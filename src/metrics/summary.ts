/**
 * The run summary (`summary.json`): resilience measures of Q(t) and of each resident group's
 * curve, unmet need-days per group, prices by regime, staff overload, deliveries, money.
 */
import type { Calendar } from '../engine/calendar.js';
import { RESIDENT_GROUPS, REGIMES, rcStaff, type ResidentGroup, type World } from '../model/world.js';
import { packagePrice } from '../model/pricing.js';
import { groupQColumn } from './daily.js';
import { resilienceMeasures, type ResilienceMeasures } from './resilience.js';

export interface GroupSummary {
  residents: number;
  /** Days with basic needs unmet, per resident of the group (mean over residents). */
  unmetNeedDays: number;
  robustness: number;
  lossNeedDays: number;
}

export interface Summary {
  resilience: ResilienceMeasures & { shockDate: string | null };
  groups: Record<ResidentGroup, GroupSummary>;
  /** Unmet need-days per resident: worst group minus best group. */
  equityGap: number;
  personal: { unmetNeedDaysPerHousehold: number };
  prices: {
    /** Mean price per basic package received from the shock on (¥). */
    meanPricePaid: number | null;
    byRegime: Record<'early' | 'later', { vegetable: number | null; pork: number | null; vegetableList: number; porkList: number }>;
  };
  staff: { peakOverload: number; overloadedDays: number; hoursDemanded: number; hoursAvailable: number };
  deliveries: { made: number; peakPending: number; pendingOrderDays: number; overdueOrderDays: number; pendingAtEnd: number; byPartyMembers: number; byVolunteers: number; byRcStaff: number; byMerchants: number };
  selfOrganisation: { compounds: number; groupBuys: number };
  satisfaction: { final: number; minimum: number };
  ledger: World['ledger'];
  population: { residents: number; households: number; buildings: number; compounds: number; rcStaff: number; doubleReporters: number; volunteers: number };
}

const sum = (a: ArrayLike<number>, from = 0) => {
  let s = 0;
  for (let i = from; i < a.length; i++) if (!Number.isNaN(a[i])) s += a[i];
  return s;
};
const max = (a: ArrayLike<number>) => {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
};
const min = (a: ArrayLike<number>) => {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
};

export function summarise(world: World, columns: Record<string, Float64Array>, calendar: Calendar, shockDay: number | null): Summary {
  const s = world.scenario;
  const threshold = s.resilience.recoveryThreshold;
  const shock = shockDay ?? columns.q.length;
  const hh = world.households;

  const groups = {} as Record<ResidentGroup, GroupSummary>;
  for (const g of RESIDENT_GROUPS) {
    let residents = 0;
    let unmet = 0;
    for (let h = 0; h < hh.count; h++) {
      residents += hh[g][h];
      unmet += hh[g][h] * hh.unmetBasicDays[h];
    }
    const m = residents > 0 ? resilienceMeasures(columns[groupQColumn(g)], shock, threshold) : null;
    groups[g] = {
      residents,
      unmetNeedDays: residents > 0 ? unmet / residents : 0,
      robustness: m?.robustness ?? 1,
      lossNeedDays: m?.lossNeedDays ?? 0,
    };
  }
  const perResident = RESIDENT_GROUPS.filter((g) => groups[g].residents > 0).map((g) => groups[g].unmetNeedDays);

  let personalUnmet = 0;
  for (let h = 0; h < hh.count; h++) personalUnmet += hh.unmetPersonalDays[h];

  const byRegime = {} as Summary['prices']['byRegime'];
  for (const r of REGIMES) {
    const l = world.ledger.byRegime[r];
    byRegime[r] = {
      vegetable: l.vegetable > 0 ? l.vegetablePayments / l.vegetable : null,
      pork: l.pork > 0 ? l.porkPayments / l.pork : null,
      vegetableList: packagePrice(s, s.regimes[r], 'vegetable').list,
      porkList: packagePrice(s, s.regimes[r], 'pork').list,
    };
  }

  let spendFromShock = 0;
  let packagesFromShock = 0;
  for (let t = shock; t < columns.q.length; t++) {
    if (columns.packagesReceived[t] === 0) continue;
    spendFromShock += columns.meanPricePaid[t] * columns.packagesReceived[t];
    packagesFromShock += columns.packagesReceived[t];
  }

  return {
    resilience: { ...resilienceMeasures(columns.q, shock, threshold), shockDate: shockDay === null ? null : calendar.dateOf(shockDay) },
    groups,
    equityGap: perResident.length ? Math.max(...perResident) - Math.min(...perResident) : 0,
    personal: { unmetNeedDaysPerHousehold: personalUnmet / hh.count },
    prices: { meanPricePaid: packagesFromShock > 0 ? spendFromShock / packagesFromShock : null, byRegime },
    staff: {
      peakOverload: max(columns.staffOverload),
      overloadedDays: Array.from(columns.staffOverload).filter((x) => x > 1).length,
      hoursDemanded: sum(columns.staffHoursDemanded),
      hoursAvailable: sum(columns.staffHoursAvailable),
    },
    deliveries: {
      made: sum(columns.deliveriesMade),
      peakPending: max(columns.deliveriesPending),
      pendingOrderDays: sum(columns.deliveriesPending),
      overdueOrderDays: sum(columns.deliveriesOverdue),
      pendingAtEnd: world.orders.length,
      byPartyMembers: sum(columns.deliveredByPartyMembers),
      byVolunteers: sum(columns.deliveredByVolunteers),
      byRcStaff: sum(columns.deliveredByRcStaff),
      byMerchants: sum(columns.deliveredByMerchants),
    },
    selfOrganisation: { compounds: max(columns.selfOrganisedCompounds), groupBuys: sum(columns.groupBuyHouseholds) },
    satisfaction: { final: columns.meanSatisfaction[columns.meanSatisfaction.length - 1], minimum: min(columns.meanSatisfaction) },
    ledger: world.ledger,
    population: {
      residents: world.residents.count,
      households: hh.count,
      buildings: world.buildings.length,
      compounds: world.compounds.length,
      rcStaff: rcStaff(world),
      doubleReporters: world.scenario.partyMembers.doubleReporting ? world.buildings.reduce((n, b) => n + b.doubleReporters, 0) : 0,
      volunteers: world.compounds.reduce((n, c) => n + c.volunteers, 0),
    },
  };
}
