/**
 * Normal-period service (papers 003 and 004): households bring requests to the residents'
 * committee; cadres serve them first come, first served, with the hours administration from
 * above leaves them. Without the time pressure of a crisis every cadre hour serves someone
 * sooner or later, so here more staff do help — as far as requests wait for them.
 */
import { poisson, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { GridParams } from './params.js';
import type { GridState } from './state.js';

export const rcService: ModuleProcess<CommunityWorld, GridState> = {
  name: 'rcService',
  slot: 'afternoon',
  step(world, st, ctx) {
    if (ctx.day >= st.onsetDay) return;
    const s = (world.scenario.gridMobilisation as GridParams).normal;
    st.normalDays++;
    const n = poisson(ctx.rng, (world.households.count * s.requestsPerHouseholdPerYear) / 365);
    for (let i = 0; i < n; i++) st.queue.push(ctx.day);
    st.requests += n;
    // A day's hours left after administration; unspent hours are not banked beyond the day.
    const capacity = (st.staff * (world.scenario.gridMobilisation as GridParams).staffHoursPerDay * (1 - s.adminShare)) / s.hoursPerRequest;
    st.tokens = Math.min(st.tokens + capacity, Math.max(1, capacity));
    while (st.queueHead < st.queue.length && st.tokens >= 1) {
      st.tokens -= 1;
      st.served++;
      st.daysWaited += ctx.day - st.queue[st.queueHead++];
    }
    // Drop the served prefix now and then, so the queue does not grow with the run.
    if (st.queueHead > 4096 && st.queueHead * 2 > st.queue.length) {
      st.queue = st.queue.slice(st.queueHead);
      st.queueHead = 0;
    }
  },
};
