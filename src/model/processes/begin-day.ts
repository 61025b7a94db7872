/** Morning: clears yesterday's counters and reads the day's phase and events. */
import type { Process } from '../../engine/process.js';
import { PHASES } from '../phases.js';
import { emptyDayCounters, type World } from '../world.js';

export const beginDay: Process<World> = {
  name: 'beginDay',
  step(world, ctx) {
    world.today = emptyDayCounters();
    const regime = ctx.phase === PHASES.closedEarly ? 'early' : ctx.phase === PHASES.closedLater ? 'later' : null;
    if (regime === 'early' && world.regime !== 'early') {
      world.closedSince = ctx.day;
      world.packageKinds = world.scenario.regimes.early.packageKinds;
    }
    if (regime === 'later' && world.regime !== 'later') {
      if (world.closedSince < 0) world.closedSince = ctx.day;
      world.laterSince = ctx.day;
      world.packageKinds = world.scenario.regimes.later.packageKinds;
    }
    world.regime = regime;
    if (regime) world.deliveringRegime = regime;
    for (const event of ctx.events) {
      if (event.type === 'caseDetected') {
        world.adminSurges.push({ hours: event.extraAdminHours as number, untilDay: ctx.day + (event.days as number) });
      }
    }
    world.adminSurges = world.adminSurges.filter((s) => s.untilDay > ctx.day);
  },
};
