/**
 * The daily metrics of the lockdown model: each becomes one column of `timeseries.csv`.
 * Q(t), the share of households whose basic needs were met, is the performance curve that the
 * resilience measures read (MODEL-NOTES §7).
 */
import type { Metric } from '../engine/metric.js';
import { RESIDENT_GROUPS, type ResidentGroup, type World } from '../model/world.js';

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Column name of a group's Q(t), e.g. `qElderlyNoSmartphone`. */
export const groupQColumn = (g: ResidentGroup) => `q${capitalise(g)}`;

function groupQ(group: ResidentGroup): Metric<World> {
  return {
    name: groupQColumn(group),
    unit: 'share',
    description: `Share of residents in group ${group} whose household's basic needs were met`,
    sample(world) {
      const { count, basicMet, [group]: members } = world.households;
      let met = 0;
      let all = 0;
      for (let h = 0; h < count; h++) {
        all += members[h];
        met += basicMet[h] * members[h];
      }
      return all > 0 ? met / all : NaN;
    },
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

const counter = (name: keyof World['today'], unit: string, description: string): Metric<World> => ({
  name, unit, description, sample: (w) => w.today[name],
});

export const dailyMetrics: Metric<World>[] = [
  {
    name: 'q', unit: 'share', description: 'Q(t): share of households whose basic needs (vegetables and meat) were met',
    sample(w) {
      const { count, basicMet } = w.households;
      let met = 0;
      for (let h = 0; h < count; h++) met += basicMet[h];
      return met / count;
    },
  },
  ...RESIDENT_GROUPS.map(groupQ),
  {
    name: 'personalUnmetShare', unit: 'share', description: 'Share of households whose personal needs (fruit, other items) were unmet',
    sample(w) {
      const { count, personalMet } = w.households;
      let unmet = 0;
      for (let h = 0; h < count; h++) unmet += 1 - personalMet[h];
      return unmet / count;
    },
  },
  {
    name: 'meanPricePaid', unit: '¥/package', description: 'Mean price residents paid per basic package received today (delivered or bought on an outing)',
    sample: (w) => ratio(w.today.vegetablePaid + w.today.porkPaid, w.today.vegetablePackages + w.today.porkPackages),
  },
  {
    name: 'packagesReceived', unit: 'packages', description: 'Basic packages households received today (delivered or bought on an outing)',
    sample: (w) => w.today.vegetablePackages + w.today.porkPackages,
  },
  { name: 'pricePaidVegetable', unit: '¥/package', description: 'Mean price paid per vegetable package received today', sample: (w) => ratio(w.today.vegetablePaid, w.today.vegetablePackages) },
  { name: 'pricePaidPork', unit: '¥/package', description: 'Mean price paid per pork package received today', sample: (w) => ratio(w.today.porkPaid, w.today.porkPackages) },
  {
    name: 'priceIndex', unit: 'ratio', description: 'What residents paid today over what the same packages cost at normal prices',
    sample: (w) => ratio(w.today.vegetablePaid + w.today.porkPaid, w.today.normalValue),
  },
  counter('staffHoursDemanded', 'hours', "RC staff hours the day's work called for: administration, every waiting order, and carrying no one else could"),
  { name: 'staffHoursAvailable', unit: 'hours', description: 'RC staff hours available (staff × hours per day)', sample: (w) => w.labour.rcHoursAvailable },
  {
    name: 'staffOverload', unit: 'ratio', description: 'Staff hours demanded over available; above 1 the RC is overloaded',
    sample: (w) => ratio(w.today.staffHoursDemanded, w.labour.rcHoursAvailable),
  },
  counter('adminHours', 'hours', 'RC hours taken by administrative tasks (temperature statistics, gate duty, case tracing)'),
  counter('ordersApp', 'orders', 'Orders placed through the merchant mini-program'),
  counter('ordersWechatChain', 'orders', "Orders placed through the building's WeChat sign-up chain"),
  counter('ordersDoorToDoor', 'orders', 'Orders taken at the door by party members or volunteers'),
  counter('doorVisitsMissed', 'households', 'Households who could not order online and whom no one visited this evening'),
  counter('deliveriesMade', 'orders', 'Orders delivered to the door today'),
  {
    name: 'deliveriesPending', unit: 'orders', description: 'Orders taken and not yet delivered at the end of the day',
    sample: (w) => w.orders.length,
  },
  {
    name: 'deliveriesOverdue', unit: 'orders', description: "Pending orders taken before this evening: they missed their next-afternoon delivery",
    sample(w, ctx) {
      const { items, head, length } = w.orders;
      const { orderDay } = w.households;
      let overdue = 0;
      for (let i = 0; i < length; i++) if (orderDay[items[(head + i) % items.length]] < ctx.day) overdue++;
      return overdue;
    },
  },
  counter('deliveredByPartyMembers', 'orders', 'Deliveries carried by double-reporting party members'),
  counter('deliveredByVolunteers', 'orders', 'Deliveries carried by volunteers'),
  counter('deliveredByRcStaff', 'orders', 'Deliveries carried by RC staff'),
  counter('deliveredByMerchants', 'orders', 'Deliveries carried by supermarket staff'),
  counter('outingPurchases', 'households', 'Households that shopped on an outing today'),
  counter('groupBuyHouseholds', 'households', 'Households supplied by a self-organised group buy today'),
  {
    name: 'selfOrganisedCompounds', unit: 'compounds', description: 'Compounds with active self-organised group buying',
    sample: (w) => w.compounds.filter((c) => c.selfOrganisedSince >= 0 && w.regime !== null).length,
  },
  {
    name: 'meanSatisfaction', unit: 'score 0–1', description: 'Mean household satisfaction',
    sample(w) {
      const { count, satisfaction } = w.households;
      let sum = 0;
      for (let h = 0; h < count; h++) sum += satisfaction[h];
      return sum / count;
    },
  },
  { name: 'packageKinds', unit: 'kinds', description: 'Kinds of basic package on offer (0 outside closed management)', sample: (w) => (w.regime ? w.packageKinds : 0) },
  { name: 'merchantStock', unit: 'packages', description: "Packages in all merchants' stock at the end of the day", sample: (w) => w.merchants.reduce((n, m) => n + m.stock, 0) },
  counter('packagesSupplied', 'packages', 'Packages merchants restocked today'),
  counter('residentPayments', '¥', 'Money residents paid for delivered packages today'),
  counter('subsidyPaid', '¥', 'Government subsidy paid on delivered packages today'),
];
