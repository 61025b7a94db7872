/**
 * Package range (paper 000). In the later regime the RC listened to residents' complaints, added
 * packages and updated their contents daily: Q community reached four vegetable packages and a
 * pork package. Here a listening RC adds one kind every `feedbackIntervalDays` up to the full
 * range; an RC that does not listen keeps the range its regime started with.
 */
import type { ModuleProcess } from '../../engine/index.js';
import { CLOSED_PHASES } from '../lockdown/index.js';
import type { ProvisionState, ProvisionWorld } from './state.js';

export const packageRange: ModuleProcess<ProvisionWorld, ProvisionState> = {
  name: 'packageRange',
  slot: 'evening',
  phases: CLOSED_PHASES,
  step(world, own, ctx) {
    const which = own.regime;
    if (!which) return;
    const s = world.scenario;
    const regime = s.regimes[which];
    const since = which === 'later' ? own.laterSince : own.closedSince;
    const elapsed = ctx.day - since;
    if (regime.rcListens && elapsed > 0 && elapsed % s.packageRange.feedbackIntervalDays === 0) {
      own.packageKinds = Math.min(s.packageRange.fullRangeKinds, own.packageKinds + 1);
    }
  },
};
