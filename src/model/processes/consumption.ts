/**
 * Needs (paper 000): each household eats basic goods — vegetables and meat — from its home stock
 * every day, and has personal needs (fruit, other items) that basic packages do not cover. A
 * basic need is unmet on a day the household runs out of either basic good.
 */
import type { Process } from '../../engine/process.js';
import type { World } from '../world.js';

export const consumption: Process<World> = {
  name: 'consumption',
  step(world) {
    const hh = world.households;
    for (let h = 0; h < hh.count; h++) {
      const need = hh.members[h];
      const basicMet = hh.vegetableStock[h] >= need && hh.porkStock[h] >= need;
      hh.vegetableStock[h] = Math.max(0, hh.vegetableStock[h] - need);
      hh.porkStock[h] = Math.max(0, hh.porkStock[h] - need);
      const personalMet = hh.personalStock[h] >= 1;
      hh.personalStock[h] = Math.max(0, hh.personalStock[h] - 1);
      hh.basicMet[h] = basicMet ? 1 : 0;
      hh.personalMet[h] = personalMet ? 1 : 0;
      if (!basicMet) hh.unmetBasicDays[h]++;
      if (!personalMet) hh.unmetPersonalDays[h]++;
    }
  },
};
