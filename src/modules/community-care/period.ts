/** Dawn: the period (normal or crisis), and who leads it. */
import type { ModuleProcess } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { CRISIS_PHASES, OUTING_PHASES, type PhaseName } from '../lockdown/index.js';
import type { CareState, CareWorld } from './state.js';
import { widen } from './care-met.js';
import { CARE_COORDINATORS, CARE_RELAYS, type CareCoordinator, type CareRelay } from './contributions.js';

// ─── behaviour ───
const NO_PHONE = DIGITAL.none;

/**
 * Households that hear today: those with a smartphone user, and all once the lag is over. A
 * function of its own (columns in, a count out), so V8 keeps its loop's optimised code.
 */
function tell(informedDay: Int16Array, digital: Uint8Array, lagOver: boolean, day: number): number {
  let told = 0;
  for (let h = 0; h < informedDay.length; h++) {
    if (informedDay[h] < 0 && (digital[h] !== NO_PHONE || lagOver)) {
      informedDay[h] = day;
      told++;
    }
  }
  return told;
}

/** Dawn: the period, and the lead's pace of mobilisation and match of projects to demand. */
export const period: ModuleProcess<CareWorld, CareState> = {
  name: 'carePeriod',
  slot: 'dawn',
  step(world, state, ctx) {
    const crisis = CRISIS_PHASES.includes(ctx.phase as PhaseName);
    if (crisis && !state.crisis) {
      state.crisisSince = ctx.day;
      // Care met now counts visits within the crisis interval: the ring must reach that far back.
      widen(state.visits, world.scenario.care.visitIntervalDays.crisis, state.vulnerableByGroup, world.households.lastVisit, ctx.day);
      world.households.informedDay.fill(-1);
      state.uninformed = world.households.count;
    }
    state.crisis = crisis;
    state.shut = crisis && !OUTING_PHASES.includes(ctx.phase as PhaseName);
    const s = world.scenario.care;
    let lead: { mobilisationDays: number; projectMatch: number } | null = null;
    for (const c of ctx.provided<CareCoordinator<CareWorld>>(CARE_COORDINATORS)) lead ??= c.lead?.(world, crisis) ?? null;
    lead ??= s.withoutLead;
    state.projectMatch = lead.projectMatch;
    state.mobilisation = !crisis ? 1 : lead.mobilisationDays <= 0 ? 1 : Math.min(1, (ctx.day - state.crisisSince + 1) / lead.mobilisationDays);
    world.today.mobilisation = state.mobilisation;
    // Households with a smartphone user hear of crisis services on the day, in their WeChat groups.
    // Once every household has heard, nothing is left to do here (the count says so without a pass).
    if (crisis && state.uninformed > 0) {
      const { informedDay, digital } = world.households;
      const lagOver = ctx.day - state.crisisSince >= s.informationLagDays;
      state.uninformed -= tell(informedDay, digital, lagOver, ctx.day);
      // Relayers (mobilised party members) tell the uninformed households of their building, door by door.
      const relays = ctx.provided<CareRelay<CareWorld>>(CARE_RELAYS);
      if (!lagOver && relays.length > 0 && s.relaysPerRelayerPerDay > 0) {
        const B = world.buildings;
        for (let b = 0; b < B.count; b++) {
          let relayers = 0;
          for (const r of relays) relayers += r.relayers(world, b);
          let n = Math.floor(relayers * s.relaysPerRelayerPerDay);
          const end = B.firstHousehold[b] + B.households[b];
          for (let h = B.firstHousehold[b]; h < end && n > 0; h++) {
            if (informedDay[h] >= 0) continue;
            informedDay[h] = ctx.day;
            state.uninformed--;
            n--;
            world.today.informedByRelay++;
          }
        }
      }
    }
  },
};

/**
 * Afternoon, after deliveries: the task board. Every vulnerable household due for a visit (and,
 * in a crisis, any informed one low on food while care packages are in stock) is a task. Each
 * actor's visits are assigned by the coordinators as far as their assignments reach (to tasks no
 * one has taken), and picked at random from the task list otherwise, knowing nothing of other
 * actors' picks: those duplicate, and leave tasks uncovered.
 */
