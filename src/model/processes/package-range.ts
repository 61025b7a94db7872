/**
 * Package range (paper 000). In the later regime the RC listened to residents' complaints, added
 * packages and updated their contents daily: Q community reached four vegetable packages and a
 * pork package. Here a listening RC adds one kind every `feedbackIntervalDays` up to the maximum.
 */
import type { Process } from '../../engine/process.js';
import { CLOSED_PHASES } from '../phases.js';
import type { World } from '../world.js';

export const packageRange: Process<World> = {
  name: 'packageRange',
  phases: CLOSED_PHASES,
  step(world, ctx) {
    const which = world.regime;
    if (!which) return;
    const regime = world.scenario.regimes[which];
    const since = which === 'later' ? world.laterSince : world.closedSince;
    const elapsed = ctx.day - since;
    if (regime.rcListens && elapsed > 0 && elapsed % regime.feedbackIntervalDays === 0) {
      world.packageKinds = Math.min(regime.maxPackageKinds, world.packageKinds + 1);
    }
  },
};
