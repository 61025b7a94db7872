/**
 * Satisfaction (paper 000): residents complained in the early regime of high prices, little
 * variety and needs unmet, and were satisfied in the later one although prices stayed above
 * normal. Each household's satisfaction moves a fraction of the way each day toward a weighted
 * score of basic and personal needs met, the price it last paid relative to normal, and the
 * variety of what it last received.
 */
import type { Process } from '../../engine/process.js';
import type { World } from '../world.js';

export const satisfaction: Process<World> = {
  name: 'satisfaction',
  step(world) {
    const { weights: w, adjustmentRate } = world.scenario.satisfaction;
    const total = w.basic + w.personal + w.price + w.variety;
    if (total === 0) return;
    const { count, basicMet, personalMet, lastPriceRatio, lastVariety, satisfaction: score } = world.households;
    for (let h = 0; h < count; h++) {
      const priceScore = Math.min(1, Math.max(0, 2 - lastPriceRatio[h]));
      const target = (w.basic * basicMet[h] + w.personal * personalMet[h] + w.price * priceScore + w.variety * lastVariety[h]) / total;
      score[h] += adjustmentRate * (target - score[h]);
    }
  },
};
