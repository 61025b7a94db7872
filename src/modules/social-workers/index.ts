/**
 * Social workers (社工为支撑; paper 001): a few professional posts per community giving
 * individualised care to vulnerable households, leading volunteer teams and linking charity
 * resources to needs. Each post's worker quits with a daily hazard that rises when the caseload
 * asks more of the worker than the pay rewards (001: pay below workload drives turnover); a
 * vacated post stays empty until it is filled, and a new worker works at reduced effect until
 * rebuilding ties with residents.
 */
import { z } from 'zod';
import { bernoulli, defineModule, mean, sum, type ModuleProcess } from '../../engine/index.js';
import { CARE_ACTORS, careOf, CHARITY_LINKERS, VOLUNTEER_LEADERS, type CareActor, type CareWorld, type CharityLinker, type VolunteerLeader } from '../community-care/index.js';
import { count, nonNegative, p, positive, section, sections, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = sections({
  socialWorkers: () => section('professional social workers (paper 001: 社工为支撑)', {
    posts: p(count, 'social-worker posts in the community', U.people),
    hoursPerDay: p(nonNegative, 'working hours of each social worker', U.hoursPerDay),
    caseHoursPerWeek: p(nonNegative, 'hours of casework each vulnerable household needs per week', U.hours),
    leadHoursPerVolunteerWeek: p(nonNegative, 'hours per week of leading one volunteer', U.hours),
    volunteersLedPerWorker: p(nonNegative, 'volunteers one social worker can lead', U.people),
    linkingShare: p(share, 'share of working hours spent linking charity resources to needs', U.share),
    pay: z
      .object({
        monthly: p(nonNegative, 'monthly pay of a social worker', U.yuan),
        fairForFullCaseload: p(positive, 'monthly pay that fairly rewards a caseload equal to the working hours', U.yuan),
      })
      .strict()
      .meta({ description: 'pay relative to workload (paper 001: low pay drives turnover)' }),
    turnover: z
      .object({
        baselinePerYear: p(nonNegative, 'share of workers who quit per year when pay matches workload', U.perYear),
        sensitivity: p(nonNegative, 'how steeply quitting rises with workload above pay (exponent per unit of the gap)', U.multiplier),
      })
      .strict()
      .meta({ description: 'quitting' }),
    vacancyDays: p(nonNegative, 'mean days to fill a vacated post', U.days),
    tieRebuildDays: p(positive, 'days for a new worker to rebuild ties with residents', U.days),
    newWorkerEffect: p(share, "a new worker's effect, as a share of an established one's, before ties are rebuilt", U.share),
  }),
});

// ─── state ───
export interface SocialWorkersState {
  /** Per post: 1 filled, 0 vacant. */
  filled: Uint8Array;
  /** Per post: the worker's ties with residents, 0–1. */
  ties: Float64Array;
  /** Per post: day the vacancy will be filled (vacant posts). */
  fillDay: Int32Array;
  /** Care hours left today (effective hours). */
  careHours: number;
  /** Linking hours today (read by the charity module). */
  linkingHours: number;
  /** Workload over hours, and pay over fair pay, today. */
  workload: number;
  quits: number;
  /** Volunteers led today (set by the volunteer pool's morning, before this module's). */
  led: number;
}
const own = (w: { state: Record<string, any> }) => w.state.socialWorkers as SocialWorkersState;

/** Social workers as leaders of the volunteer pool: they lead as many as their posts allow. */
const leader: VolunteerLeader = {
  name: 'socialWorkers',
  lead(world, volunteers) {
    const st = own(world);
    const led = Math.min(volunteers, sum(st.filled) * world.scenario.socialWorkers.volunteersLedPerWorker);
    st.led = led;
    return led;
  },
};

// ─── behaviour ───
const work: ModuleProcess<CareWorld, SocialWorkersState> = {
  name: 'socialWork',
  slot: 'morning',
  order: 20,
  step(world, st, ctx) {
    const s = world.scenario.socialWorkers;
    // The caseload: community care's list of vulnerable households (fixed), not a pass over all.
    const vulnerable = careOf(world).vulnerableHouseholds.length;
    let inPost = 0;
    let effective = 0;
    for (let i = 0; i < st.filled.length; i++) {
      if (!st.filled[i]) {
        if (ctx.day >= st.fillDay[i]) { st.filled[i] = 1; st.ties[i] = 0; world.today.socialWorkersHired++; }
        else continue;
      }
      inPost++;
      st.ties[i] = Math.min(1, st.ties[i] + 1 / s.tieRebuildDays);
      effective += s.newWorkerEffect + (1 - s.newWorkerEffect) * st.ties[i];
    }
    const led = Math.min(st.led, inPost * s.volunteersLedPerWorker);
    const demanded = (vulnerable * s.caseHoursPerWeek + led * s.leadHoursPerVolunteerWeek) / 7;
    const hours = inPost * s.hoursPerDay;
    st.workload = hours > 0 ? demanded / hours : 0;
    const payRatio = s.pay.monthly / s.pay.fairForFullCaseload;
    const hazard = (s.turnover.baselinePerYear / 365) * Math.exp(s.turnover.sensitivity * Math.max(0, st.workload - payRatio));
    for (let i = 0; i < st.filled.length; i++) {
      if (!st.filled[i] || !bernoulli(ctx.rng, hazard)) continue;
      st.filled[i] = 0;
      st.quits++;
      world.today.socialWorkerQuits++;
      st.fillDay[i] = ctx.day + 1 + Math.floor(-Math.log(1 - ctx.rng()) * s.vacancyDays);
    }
    const mobilisation = careOf(world).mobilisation;
    const perWorker = inPost > 0 ? effective / inPost : 0;
    const worked = inPost * perWorker * s.hoursPerDay * mobilisation;
    st.linkingHours = worked * s.linkingShare;
    // Leading volunteers takes its hours before casework.
    st.careHours = Math.max(0, worked * (1 - s.linkingShare) - (led * s.leadHoursPerVolunteerWeek) / 7);
    world.today.mobilisedHours += worked;
  },
};

const actor: CareActor<CareWorld> = {
  name: 'socialWorkers',
  professional: true,
  project: true,
  hours: (w) => own(w).careHours,
  spend: (w, h) => { own(w).careHours -= h; },
};

export const socialWorkers = defineModule<CareWorld, SocialWorkersState>({
  name: 'socialWorkers',
  description: 'Professional social workers (paper 001): casework for vulnerable households, leading volunteers, linking charity; turnover when pay is below workload, vacancies, ties rebuilt by new workers.',
  requires: ['communityCare'],
  params,
  init(w) {
    const n = w.scenario.socialWorkers.posts;
    return { filled: new Uint8Array(n).fill(1), ties: new Float64Array(n).fill(1), fillDay: new Int32Array(n), careHours: 0, linkingHours: 0, workload: 0, quits: 0, led: 0 };
  },
  processes: [work],
  provides: {
    [CARE_ACTORS]: [actor],
    [VOLUNTEER_LEADERS]: [leader],
    [CHARITY_LINKERS]: [{ name: 'socialWorkers', hours: (w: CareWorld) => own(w).linkingHours } satisfies CharityLinker<CareWorld>],
  },
  counters: [
    { name: 'socialWorkerQuits', unit: 'people', description: 'Social workers who quit today' },
    { name: 'socialWorkersHired', unit: 'people', description: 'Vacant posts filled today' },
  ],
  metrics: [
    { name: 'socialWorkersInPost', unit: 'people', description: 'Institutional dimension: social workers in post', sample: (w) => sum(own(w).filled) },
    { name: 'socialWorkerVacancies', unit: 'posts', description: 'Institutional dimension: vacant social-worker posts', sample: (w) => own(w).filled.length - sum(own(w).filled) },
    { name: 'socialWorkerWorkload', unit: 'ratio', description: 'Hours the caseload and led volunteers ask of social workers over their hours', sample: (w) => own(w).workload },
    { name: 'socialWorkerTies', unit: 'share', description: "Mean ties with residents of the workers in post (0–1)", sample: (w) => { const st = own(w); return mean(Array.from(st.ties).filter((_, i) => st.filled[i])); } },
  ],
  measures: {
    names: ['socialWorkers.posts', 'socialWorkers.quits', 'socialWorkers.turnoverPerPostYear', 'socialWorkers.vacantPostDays'],
    summarise(w, st, { columns }) {
      const posts = st.filled.length;
      const days = columns.socialWorkerQuits.length;
      return {
        socialWorkers: {
          posts,
          quits: st.quits,
          turnoverPerPostYear: posts > 0 ? (st.quits / posts) * (365 / days) : 0,
          vacantPostDays: sum(columns.socialWorkerVacancies),
        },
      };
    },
  },
});
