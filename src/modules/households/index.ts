/**
 * Households (paper 000): they eat from their home stocks each morning, shop on outings when the
 * lockdown allows, and take in whatever packages reach them at the prices they paid. Their basic
 * and personal needs met or unmet each day are what resilience is measured on. What they buy is
 * cut to what their food budget pays for (budget.ts), so prices reach needs. They know nothing
 * of who takes orders or carries goods in closed management; the provision module does that.
 */
import { defineModule, ratio, shockDayOf } from '../../engine/index.js';
import { consumption } from './consumption.js';
import { householdColumns, type HouseholdsWorld } from './columns.js';
import { outings } from './outings.js';
import { budgetPerPersonDay, drawQuintile, QUINTILES } from './budget.js';
import { params } from './params.js';

export const households = defineModule<HouseholdsWorld>({
  name: 'households',
  description: 'Consumption from home stocks, outings to shop when the lockdown allows, and the packages households receive (paper 000).',
  requires: ['lockdown', 'community'],
  // ─── parameters ───
  params,
  // ─── state ───
  columns: { households: householdColumns },
  populate(world, { scenario: s, rng, stream }) {
    const hh = world.households;
    const initial = s.needs.initialStockDays;
    // Incomes from a stream of their own, so the rest of the population is drawn as before.
    const incomes = stream('population.income');
    // Each quintile's budget per person-day worked out once, not looked up by name per household.
    const budgetOf = QUINTILES.map((_, q) => budgetPerPersonDay(s, q));
    for (let i = 0; i < hh.count; i++) {
      const days = initial.min + rng() * (initial.max - initial.min);
      hh.vegetableStock[i] = days * hh.members[i];
      hh.porkStock[i] = days * hh.members[i];
      hh.personalStock[i] = initial.min + rng() * (initial.max - initial.min);
      hh.outingSlot[i] = Math.floor(rng() * s.outings.movementControlIntervalDays);
      hh.incomeQuintile[i] = drawQuintile(incomes);
      hh.foodBudgetPerDay[i] = budgetOf[hh.incomeQuintile[i]] * hh.members[i];
      hh.cash[i] = s.budget.savingsDays * hh.foodBudgetPerDay[i];
    }
    // The same for every household: filled, not written in the loop.
    hh.lastPriceRatio.fill(1);
    hh.lastVariety.fill(1);
    hh.basicMet.fill(1);
    hh.personalMet.fill(1);
  },
  // ─── behaviour ───
  processes: [consumption, outings],
  counters: [
    { name: 'outingPurchases', unit: 'households', description: 'Households that shopped on an outing today' },
    { name: 'vegetablePackages', unit: 'packages', description: 'Vegetable packages received today', record: false },
    { name: 'vegetablePaid', unit: '¥', description: 'Paid for vegetable packages received today', record: false },
    { name: 'porkPackages', unit: 'packages', description: 'Pork packages received today', record: false },
    { name: 'porkPaid', unit: '¥', description: 'Paid for pork packages received today', record: false },
    { name: 'normalValue', unit: '¥', description: 'What the packages received today cost at normal prices', record: false },
    // Needs met today, tallied by consumption for resilience's Q(t) and the groups' Q.
    { name: 'householdsBasicMet', unit: 'households', description: 'Households whose basic needs were met today', record: false },
    { name: 'householdsPersonalUnmet', unit: 'households', description: 'Households whose personal needs were unmet today', record: false },
    { name: 'residentsBasicUnmetElderlyNoSmartphone', unit: 'residents', description: 'Elderly residents without a smartphone whose household went without basic needs today', record: false },
    { name: 'residentsBasicUnmetElderlySmartphone', unit: 'residents', description: 'Elderly residents with a smartphone whose household went without basic needs today', record: false },
    { name: 'residentsBasicUnmetOthers', unit: 'residents', description: 'Other residents whose household went without basic needs today', record: false },
  ],
  metrics: [
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
  ],
  measures: {
    names: ['personal.unmetNeedDaysPerHousehold', 'prices.meanPricePaid', 'affordability.lowestQuintileUnmetNeedDays', 'affordability.otherQuintilesUnmetNeedDays'],
    summarise(world, _own, { columns, timeline }) {
      const hh = world.households;
      let personalUnmet = 0;
      for (let h = 0; h < hh.count; h++) personalUnmet += hh.unmetPersonalDays[h];
      // Unmet basic need-days per resident, of the lowest income quintile and of the rest.
      const unmet = [0, 0];
      const residents = [0, 0];
      for (let h = 0; h < hh.count; h++) {
        const g = hh.incomeQuintile[h] === 0 ? 0 : 1;
        unmet[g] += hh.unmetBasicDays[h] * hh.members[h];
        residents[g] += hh.members[h];
      }
      const shock = shockDayOf(timeline.phases) ?? columns.packagesReceived.length;
      let spendFromShock = 0;
      let packagesFromShock = 0;
      for (let t = shock; t < columns.packagesReceived.length; t++) {
        if (columns.packagesReceived[t] === 0) continue;
        spendFromShock += columns.meanPricePaid[t] * columns.packagesReceived[t];
        packagesFromShock += columns.packagesReceived[t];
      }
      return {
        personal: { unmetNeedDaysPerHousehold: personalUnmet / hh.count },
        prices: { meanPricePaid: packagesFromShock > 0 ? spendFromShock / packagesFromShock : null },
        affordability: {
          lowestQuintileUnmetNeedDays: residents[0] > 0 ? unmet[0] / residents[0] : null,
          otherQuintilesUnmetNeedDays: residents[1] > 0 ? unmet[1] / residents[1] : null,
        },
      };
    },
  },
});

export { householdColumns, type HouseholdsWorld } from './columns.js';
export { CONFINEMENTS, type Confinement } from './confinement.js';
export { lowOnBasics, lowOnPersonal, lowOnBasicGoods, packagesToCover, type Basket } from './needs.js';
export { affordable, budgetPerPersonDay, QUINTILES } from './budget.js';
export { receivePackages, takeInPackages, type Receipt } from './receipts.js';
export { params as householdsParams } from './params.js';
