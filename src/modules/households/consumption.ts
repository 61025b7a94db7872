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

/**
 * Today's tallies, which `eat` fills and the step adds to the counters: households met, households
 * with personal needs unmet, and residents of each group in households with basic needs unmet.
 * Reused day after day (the step reads them straight after `eat` returns).
 */
const MET = 0;
const PERSONAL_UNMET = 1;
const UNMET_NO_SMARTPHONE = 2;
const UNMET_SMARTPHONE = 3;
const UNMET_OTHERS = 4;
const tally = new Float64Array(5);

/**
 * The day's eating, household by household. A function of its own on columns and numbers: with
 * the loop inside the step, V8 compiled it on stack replacement and dropped that code at the
 * first read of `world.today` after the loop (no type feedback there), about 110 times a run, so
 * the loop ran unoptimised until recompiled (docs/performance.md, issue 16).
 */
function eat(
  count: number,
  members: Uint8Array,
  vegetableStock: Float64Array,
  porkStock: Float64Array,
  personalStock: Float64Array,
  basicMet: Uint8Array,
  personalMet: Uint8Array,
  unmetBasicDays: Int32Array,
  unmetPersonalDays: Int32Array,
  cash: Float64Array,
  foodBudgetPerDay: Float64Array,
  elderlyNoSmartphone: Uint8Array,
  elderlySmartphone: Uint8Array,
  others: Uint8Array,
): void {
  // Tallies in locals (integers, so exact in any order), written out once.
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
  tally[MET] = householdsMet;
  tally[PERSONAL_UNMET] = personalUnmet;
  tally[UNMET_NO_SMARTPHONE] = unmetNoSmartphone;
  tally[UNMET_SMARTPHONE] = unmetSmartphone;
  tally[UNMET_OTHERS] = unmetOthers;
}

/**
 * `eat` run when this module loads on two made-up households (scratch columns of the same types),
 * one whose needs are met and one whose are not. In a run the first household with unmet needs
 * comes days in, and the unmet branch's column accesses had no type feedback in the code V8
 * compiled before, which it threw away there: `eat` compiled 6–7 times in a fresh Q run at 100k,
 * twice with this (part 16al). Ten calls, as V8 gives a function its feedback only after a few
 * (8 in Node 20: `--invocation-count-for-feedback-allocation`); one did nothing. No world is
 * touched, and each day's `eat` writes the tallies again before the step reads them.
 */
function primeEat(): void {
  const u8 = () => new Uint8Array(2);
  const i32 = () => new Int32Array(2);
  const f64 = () => new Float64Array(2);
  for (let i = 0; i < 10; i++) {
    eat(2, Uint8Array.of(1, 1), Float64Array.of(2, 0), Float64Array.of(2, 0), Float64Array.of(2, 0), u8(), u8(), i32(), i32(), f64(), f64(), u8(), u8(), u8());
  }
}
primeEat();

export const consumption: ModuleProcess<HouseholdsWorld> = {
  name: 'consumption',
  slot: 'morning',
  step(world) {
    const hh = world.households;
    eat(hh.count, hh.members, hh.vegetableStock, hh.porkStock, hh.personalStock, hh.basicMet, hh.personalMet, hh.unmetBasicDays, hh.unmetPersonalDays, hh.cash, hh.foodBudgetPerDay, hh.elderlyNoSmartphone, hh.elderlySmartphone, hh.others);
    const t = world.today;
    t.householdsBasicMet += tally[MET];
    t.householdsPersonalUnmet += tally[PERSONAL_UNMET];
    t.residentsBasicUnmetElderlyNoSmartphone += tally[UNMET_NO_SMARTPHONE];
    t.residentsBasicUnmetElderlySmartphone += tally[UNMET_SMARTPHONE];
    t.residentsBasicUnmetOthers += tally[UNMET_OTHERS];
  },
};
