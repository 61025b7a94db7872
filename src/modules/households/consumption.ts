/**
 * Needs (paper 000): each household eats basic goods — vegetables and meat — from its home stock
 * every day, and has personal needs (fruit, other items) that basic packages do not cover. A
 * basic need is unmet on a day the household runs out of either basic good. Each day its food
 * budget comes in as cash.
 *
 * The same loop tallies today's needs met — households met, and residents of each group in
 * households unmet — in counters, which Q(t) and the groups' Q read (resilience), so no second
 * pass over every household is needed to measure them. Residents are tallied only where needs
 * went unmet, usually the few, so the tally costs little on the many days most are met.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { HouseholdsWorld } from './columns.js';

export const consumption: ModuleProcess<HouseholdsWorld> = {
  name: 'consumption',
  slot: 'morning',
  step(world) {
    // Columns hoisted into locals: this loop runs once per household per day.
    const { count, members, vegetableStock, porkStock, personalStock, basicMet, personalMet, unmetBasicDays, unmetPersonalDays, cash, foodBudgetPerDay } = world.households;
    const { elderlyNoSmartphone, elderlySmartphone, others } = world.households;
    // Tallies in locals (integers, so exact in any order), written to the counters once.
    let householdsMet = 0;
    let personalUnmet = 0;
    let unmetNoSmartphone = 0;
    let unmetSmartphone = 0;
    let unmetOthers = 0;
    for (let h = 0; h < count; h++) {
      const need = members[h];
      // The day's food budget comes in as cash (budget.ts).
      cash[h] += foodBudgetPerDay[h];
      const veg = vegetableStock[h];
      const pork = porkStock[h];
      const basic = veg >= need && pork >= need;
      vegetableStock[h] = veg > need ? veg - need : 0;
      porkStock[h] = pork > need ? pork - need : 0;
      const personal = personalStock[h];
      personalStock[h] = personal > 1 ? personal - 1 : 0;
      basicMet[h] = basic ? 1 : 0;
      const personalToday = personal >= 1 ? 1 : 0;
      personalMet[h] = personalToday;
      personalUnmet += 1 - personalToday;
      if (basic) householdsMet++;
      else {
        unmetBasicDays[h]++;
        unmetNoSmartphone += elderlyNoSmartphone[h];
        unmetSmartphone += elderlySmartphone[h];
        unmetOthers += others[h];
      }
      if (personal < 1) unmetPersonalDays[h]++;
    }
    const t = world.today;
    t.householdsBasicMet += householdsMet;
    t.householdsPersonalUnmet += personalUnmet;
    t.residentsBasicUnmetElderlyNoSmartphone += unmetNoSmartphone;
    t.residentsBasicUnmetElderlySmartphone += unmetSmartphone;
    t.residentsBasicUnmetOthers += unmetOthers;
  },
};
