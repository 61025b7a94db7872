/**
 * The community as platform (社区为平台; paper 001): a coordination mechanism with a lead
 * coordinator who assigns care visits across actors so that no two take the same household. Its
 * reach is the coordinator's hours × assignments per hour; a coordinator who is also a residents'
 * committee worker (one post doing many jobs, 001) loses to the RC's administration the share of
 * the RC's hours that administration takes — most in a crisis. It also names who leads in each
 * period (001: social workers, organisations and the community in normal times, government in a
 * crisis): each kind of lead has a pace of crisis mobilisation (authority) and a share of
 * activity matched to residents' demands (professional, bottom-up work).
 */
import { z } from 'zod';
import { defineModule } from '../../engine/index.js';
import { CARE_COORDINATORS, type CareCoordinator, type CareWorld } from '../community-care/index.js';
import type { RcState } from '../residents-committee/index.js';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

export const LEADERS = ['government', 'community', 'socialWorkers', 'socialOrganisations'] as const;

const leaderTraits = (who: string) =>
  z
    .object({
      mobilisationDays: p(nonNegative, `days for actors to reach full crisis effort when ${who} leads`, U.days),
      projectMatch: p(share, `share of activity hours matched to residents' demands when ${who} leads`, U.share),
    })
    .strict()
    .meta({ description: `${who} as lead` });

export const params = sections({
  platform: () => section('the community as platform: coordination and who leads (paper 001: 社区为平台)', {
    coordinatorHoursPerDay: p(nonNegative, "the lead coordinator's hours a day", U.hoursPerDay),
    coordinatorIsRcWorker: p(z.boolean(), "the coordinator is also an RC worker and loses the RC's administrative share of hours (one post, many jobs)"),
    assignmentsPerHour: p(nonNegative, 'care visits a coordinator can assign across actors per hour', U.count),
    lead: z
      .object({
        normal: p(z.enum(LEADERS), 'who leads in normal times'),
        crisis: p(z.enum(LEADERS), 'who leads in a crisis'),
      })
      .strict()
      .meta({ description: 'who leads in each period' }),
    leaders: z
      .object({
        government: leaderTraits('the government (street office)'),
        community: leaderTraits("the community (party committee and RC)"),
        socialWorkers: leaderTraits('social workers'),
        socialOrganisations: leaderTraits('social organisations'),
      })
      .strict()
      .meta({ description: 'what each kind of lead brings' }),
  }),
});

export interface PlatformState {
  coordinatorHours: number;
}

const coordinator: CareCoordinator<CareWorld> = {
  name: 'platform',
  assignments(w) {
    const s = w.scenario.platform;
    const rc = w.state.residentsCommittee as RcState | undefined;
    let hours = s.coordinatorHoursPerDay;
    if (s.coordinatorIsRcWorker && rc && rc.hoursAvailable > 0) hours *= Math.max(0, 1 - w.today.adminHours / rc.hoursAvailable);
    (w.state.platform as PlatformState).coordinatorHours = hours;
    return hours * s.assignmentsPerHour;
  },
  lead(w, crisis) {
    const s = w.scenario.platform;
    return s.leaders[crisis ? s.lead.crisis : s.lead.normal];
  },
};

export const platform = defineModule<CareWorld, PlatformState>({
  name: 'platform',
  description: 'The community as platform (paper 001): a lead coordinator assigns care visits across actors (weakened when the post also carries RC administration) and names who leads in normal times and in a crisis.',
  requires: ['communityCare', 'residentsCommittee'],
  params,
  init: () => ({ coordinatorHours: 0 }),
  provides: { [CARE_COORDINATORS]: [coordinator] },
  metrics: [
    { name: 'coordinatorHours', unit: 'hours', description: "The lead coordinator's hours left for coordination today", sample: (w) => (w.state.platform as PlatformState).coordinatorHours },
  ],
});
