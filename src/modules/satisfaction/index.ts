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
import { nonNegative, p, section, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = {
  satisfaction: section("households' satisfaction with provision", {
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
};

// ─── state ───
const householdColumns = { satisfaction: Float64Array };
interface SatisfactionWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof householdColumns>;
}

// ─── behaviour ───
/**
 * `(h) => score` of household h's experience today: the weighted needs met, price relative to
 * normal and variety; null when every weight is 0 (no score to move toward).
 */
function todaysScore(world: SatisfactionWorld): ((h: number) => number) | null {
  const w = world.scenario.satisfaction.weights;
  const total = w.basic + w.personal + w.price + w.variety;
  if (total === 0) return null;
  const { basicMet, personalMet, lastPriceRatio, lastVariety } = world.households;
  // The weights in locals: the score runs for every household every night.
  const { basic, personal, price, variety } = w;
  return (h) => {
    const priceScore = Math.min(1, Math.max(0, 2 - lastPriceRatio[h]));
    return (basic * basicMet[h] + personal * personalMet[h] + price * priceScore + variety * lastVariety[h]) / total;
  };
}

const satisfactionProcess: ModuleProcess<SatisfactionWorld> = {
  name: 'satisfaction',
  slot: 'night',
  step(world) {
    const target = todaysScore(world);
    const { count, satisfaction: score } = world.households;
    // The sum the mean satisfaction reads, added up in the loop that moves each score (in the
    // same household order, so the same sum a second pass would give).
    let sum = 0;
    if (target) {
      const rate = world.scenario.satisfaction.adjustmentRate;
      for (let h = 0; h < count; h++) {
        score[h] += rate * (target(h) - score[h]);
        sum += score[h];
      }
    } else {
      for (let h = 0; h < count; h++) sum += score[h];
    }
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
    const target = todaysScore(world);
    const { count, satisfaction: score } = world.households;
    for (let h = 0; h < count; h++) score[h] = target ? target(h) : 1;
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
