/**
 * Satisfaction (paper 000): residents complained in the early regime of high prices, little
 * variety and needs unmet, and were satisfied in the later one although prices stayed above
 * normal. Each household's satisfaction moves a fraction of the way each day toward a weighted
 * score of basic and personal needs met, the price it last paid relative to normal, and the
 * variety of what it last received.
 *
 * It starts at its steady state: the score of the household's situation when the run starts (in
 * the shipped scenarios normal life, needs met at normal prices). A fixed starting value below
 * that score made mean satisfaction climb through the first week of the normal period, a drift
 * that said nothing about provision (issue 11).
 */
import { z } from 'zod';
import { defineModule, min, type ModuleProcess, type Table } from '../../engine/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = sections({
  satisfaction: () => section("households' satisfaction with provision", {
    adjustmentRate: p(share, "share of the gap to today's score that satisfaction closes each day", U.share),
    weights: z
      .object({
        basic: p(nonNegative, 'basic needs met', U.weight),
        personal: p(nonNegative, 'personal needs met', U.weight),
        price: p(nonNegative, 'price paid relative to normal', U.weight),
        variety: p(nonNegative, 'variety of packages received', U.weight),
      })
      .strict()
      .meta({ description: 'weights of the daily score that satisfaction moves toward' }),
  }),
});

// ─── state ───
const householdColumns = { satisfaction: Float64Array };
interface SatisfactionWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof householdColumns>;
}

// ─── behaviour ───
/**
 * The score's weights and their total (0 when every weight is 0: no score to move toward). Named
 * field by field: a spread of the scenario's weights cost about 2 µs a night, nearly 1 % of a warm
 * default-size run (docs/performance.md, part 16v).
 */
function weightsOf(world: SatisfactionWorld) {
  const { basic, personal, price, variety } = world.scenario.satisfaction.weights;
  return { basic, personal, price, variety, total: basic + personal + price + variety };
}

/**
 * Household h's score of its experience today: the weighted needs met, price relative to normal
 * and variety. A top-level function on columns and numbers, which V8 inlines into the nightly
 * loop (a closure over the world, called per household, cost about a third of the pass).
 */
function todaysScore(
  h: number,
  basicMet: Uint8Array,
  personalMet: Uint8Array,
  lastPriceRatio: Float64Array,
  lastVariety: Float64Array,
  basic: number,
  personal: number,
  price: number,
  variety: number,
  total: number,
): number {
  const priceScore = Math.min(1, Math.max(0, 2 - lastPriceRatio[h]));
  return (basic * basicMet[h] + personal * personalMet[h] + price * priceScore + variety * lastVariety[h]) / total;
}

/**
 * Each household's satisfaction moves `rate` of the way toward today's score; returns their sum
 * (in household order), which the mean satisfaction reads. A function of its own on columns and
 * numbers, like consumption's `eat`: in the step, V8 compiled the loop on stack replacement and
 * dropped that code at the first world read after it.
 */
function moveTowardScores(
  count: number,
  satisfaction: Float64Array,
  basicMet: Uint8Array,
  personalMet: Uint8Array,
  lastPriceRatio: Float64Array,
  lastVariety: Float64Array,
  basic: number,
  personal: number,
  price: number,
  variety: number,
  total: number,
  rate: number,
): number {
  let sum = 0;
  for (let h = 0; h < count; h++) {
    const target = todaysScore(h, basicMet, personalMet, lastPriceRatio, lastVariety, basic, personal, price, variety, total);
    const s = satisfaction[h] + rate * (target - satisfaction[h]);
    satisfaction[h] = s;
    sum += s;
  }
  return sum;
}

/** The sum of every household's satisfaction (no weights: nothing moves). */
function sumOf(count: number, satisfaction: Float64Array): number {
  let sum = 0;
  for (let h = 0; h < count; h++) sum += satisfaction[h];
  return sum;
}

const satisfactionProcess: ModuleProcess<SatisfactionWorld> = {
  name: 'satisfaction',
  slot: 'night',
  step(world) {
    const { basic, personal, price, variety, total } = weightsOf(world);
    const hh = world.households;
    // The sum the mean satisfaction reads, added up in the loop that moves each score (in the
    // same household order, so the same sum a second pass would give).
    const sum =
      total === 0
        ? sumOf(hh.count, hh.satisfaction)
        : moveTowardScores(hh.count, hh.satisfaction, hh.basicMet, hh.personalMet, hh.lastPriceRatio, hh.lastVariety, basic, personal, price, variety, total, world.scenario.satisfaction.adjustmentRate);
    world.today.satisfactionTotal += sum;
  },
};

export const satisfaction = defineModule<SatisfactionWorld>({
  name: 'satisfaction',
  description: "Households' satisfaction with provision, moving toward a score of needs met, price and variety (paper 000).",
  requires: ['households'],
  params,
  columns: { households: householdColumns },
  init(world) {
    // The steady state of the starting situation; with no weights, content (1).
    const { basic, personal, price, variety, total } = weightsOf(world);
    const { count, satisfaction: score, basicMet, personalMet, lastPriceRatio, lastVariety } = world.households;
    for (let h = 0; h < count; h++) {
      score[h] = total === 0 ? 1 : todaysScore(h, basicMet, personalMet, lastPriceRatio, lastVariety, basic, personal, price, variety, total);
    }
    return {};
  },
  processes: [satisfactionProcess],
  counters: [{ name: 'satisfactionTotal', unit: 'score', description: "Sum of households' satisfaction tonight", record: false }],
  metrics: [
    {
      name: 'meanSatisfaction', unit: 'score 0–1', description: 'Mean household satisfaction',
      sample: (w) => w.today.satisfactionTotal / w.households.count,
    },
  ],
  measures: {
    names: ['satisfaction.final', 'satisfaction.minimum'],
    summarise: (_w, _own, { columns }) => ({
      satisfaction: { final: columns.meanSatisfaction[columns.meanSatisfaction.length - 1], minimum: min(columns.meanSatisfaction) },
    }),
  },
});
