/**
 * The grid in a crisis (paper 003, Dalian 2020; with 004 on the residents' committee's load):
 * each layer of the grid a directive passes adds delay and a chance of distortion; the residents'
 * committee's cadres serve residents' requests in normal times, and in a crisis reach only a few
 * households each a day, from which mobilisation spreads through buildings "from point to area";
 * latent self-organisations — mutual-aid stations (002) or groups of compounds with social capital
 * (000) — answer the RC's call as fast as the trust built in normal times allows, and those
 * without it wait for a coordination platform set up only once the crisis has begun.
 *
 * The crisis is this module's own: it begins on `onset` (the first directive), which also splits
 * the run into a normal and a crisis phase when no other module (the lockdown) dates the phases.
 * What stations exist and when they meet is the mutualAid module's, read when it is in the model;
 * at the onset it reads, where those modules are in the model, the cadre hours the community
 * workers' normal-period drain leaves (governanceLoad) and the engagement that speeds neighbours'
 * spread in each compound (partyNetwork).
 * It does not know supplies, orders or the epidemic: "mobilised" means reached and enlisted in
 * the community's control work (registered, screened, informed, organised).
 */
import { z } from 'zod';
import { defineModule, LAST_DAY16, toEpochDay } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import { count, p, positiveCount, U } from '../../scenario/params.js';
import { gridDirectives } from './directives.js';
import { gridActivation, gridMobilisation as mobilisation } from './mobilisation.js';
import { params, type GridParams } from './params.js';
import { rcService } from './service.js';
import { cadresOn, gridOf, initGrid, type GridState } from './state.js';
import { gridTrust } from './trust.js';

export { params, type GridParams } from './params.js';
export { passDown } from './directives.js';
export { gridOf, type GridState } from './state.js';

const ratio0 = (a: number, b: number) => (b > 0 ? a / b : 0);

export const gridMobilisation = defineModule<CommunityWorld, GridState>({
  name: 'gridMobilisation',
  description: "The grid in a crisis (paper 003): directives delayed and distorted by each layer, cadres who reach only a few households a day, point-to-area spread in buildings, latent self-organisations activated by trust built in normal times; normal-period service by the same cadres.",
  requires: ['community'],
  params,
  check(s: { calendar: { start: string; end: string }; gridMobilisation: GridParams }) {
    const on = s.gridMobilisation.onset;
    const days = toEpochDay(s.calendar.end) - toEpochDay(s.calendar.start) + 1;
    return [
      ...(on < s.calendar.start || on > s.calendar.end ? [{ path: ['gridMobilisation', 'onset'], message: `${on} is outside the run (${s.calendar.start} to ${s.calendar.end})` }] : []),
      // The day a household is mobilised is kept in 16 bits (2 bytes a household rather than 4).
      ...(days > LAST_DAY16 ? [{ path: ['calendar', 'end'], message: `the grid keeps the day a household is mobilised in 16 bits: a run of ${days} days is longer than ${LAST_DAY16} (about 89 years); shorten the run` }] : []),
    ];
  },
  phases: (s: { calendar: { start: string }; gridMobilisation: GridParams }) => {
    const onset = toEpochDay(s.gridMobilisation.onset) - toEpochDay(s.calendar.start);
    return onset > 0 ? [{ name: 'normal', startDay: 0 }, { name: 'crisis', startDay: onset }] : [{ name: 'crisis', startDay: 0 }];
  },
  init: initGrid,
  processes: [gridDirectives, rcService, gridActivation, mobilisation, gridTrust],
  metrics: [
    { name: 'gridMobilisedShare', unit: 'share', description: 'Share of households mobilised since the crisis directive (reached by a cadre, a neighbour or a self-organisation)', sample: (w) => ratio0(gridOf(w).mobilised, w.households.count) },
    {
      name: 'gridActiveSelfOrganisations', unit: 'count', description: 'Latent self-organisations that have answered the call in the crisis',
      sample: (w) => {
        let n = 0;
        for (const d of gridOf(w).activeDay) if (d >= 0) n++;
        return n;
      },
    },
    { name: 'rcRequestsWaiting', unit: 'requests', description: "Residents' requests waiting for the RC's cadres (normal period)", sample: (w) => gridOf(w).queue.length - gridOf(w).queueHead },
  ],
  interventions: [
    {
      name: 'sendCadres',
      description: 'cadres sent down to the community from outside (003: 48 young cadres of the city sports bureau to one short-staffed community)',
      args: z.object({
        cadres: p(count, 'cadres sent', U.people),
        days: p(positiveCount, 'days they stay', U.days),
      }),
      apply(_world, st, event, ctx) {
        st.sent.push({ cadres: event.cadres as number, untilDay: ctx.day + (event.days as number) });
      },
    },
  ],
  measures: {
    names: [
      'grid.staff', 'grid.peakCadres', 'grid.onset.staffShare', 'grid.onset.meanNeighbourFactor',
      'grid.instructions.directives', 'grid.instructions.meanDelayDays', 'grid.instructions.distortedShare', 'grid.instructions.firstArrivalDays',
      'grid.mobilisation.finalShare', 'grid.mobilisation.shareByDay7', 'grid.mobilisation.meanDaysUnmet', 'grid.mobilisation.daysToRecovery',
      'grid.mobilisation.byCadres', 'grid.mobilisation.byNeighbours', 'grid.mobilisation.bySelfOrganisations',
      'grid.selfOrganisations.latent', 'grid.selfOrganisations.meanTrustAtOnset', 'grid.selfOrganisations.activated', 'grid.selfOrganisations.meanActivationDays',
      'grid.arrivals.count', 'grid.arrivals.screened', 'grid.arrivals.meanDaysToScreening', 'grid.arrivals.quarantineCadreHours',
      'grid.normalService.requests', 'grid.normalService.servedPerHouseholdPerYear', 'grid.normalService.meanDaysWaited',
    ],
    summarise(w, st, run) {
      const days = run.calendar.days;
      const onset = st.onsetDay;
      const H = w.households.count;
      // Days each household waited from the onset to be mobilised; those never reached wait to the end.
      let unmet = 0, byDay7 = 0;
      for (let h = 0; h < H; h++) {
        const d = st.mobilisedDay[h];
        unmet += (d >= 0 ? d : days) - onset;
        if (d >= 0 && d - onset <= 7) byDay7++;
      }
      let activated = 0, activationDays = 0;
      for (let c = 0; c < st.activeDay.length; c++) if (st.activeDay[c] >= 0) { activated++; activationDays += st.activeDay[c] - onset; }
      let peak = st.staff;
      for (let d = onset; d < days; d++) peak = Math.max(peak, cadresOn(st, d));
      const crisisDays = Math.max(0, days - onset);
      let factor = 0;
      for (const f of st.neighbourFactor) factor += f;
      return {
        grid: {
          staff: st.staff,
          peakCadres: peak,
          // What the normal period left the crisis (1 when no module provides it).
          onset: { staffShare: st.staffShare, meanNeighbourFactor: ratio0(factor, st.neighbourFactor.length) },
          instructions: {
            directives: st.directives,
            meanDelayDays: ratio0(st.delaySum, st.directives),
            distortedShare: ratio0(st.distorted, st.directives),
            // Censored at the run's end when no directive arrived.
            firstArrivalDays: st.firstArrival >= 0 ? Math.min(st.firstArrival, days) - onset : crisisDays,
          },
          mobilisation: {
            finalShare: ratio0(st.mobilised, H),
            shareByDay7: ratio0(byDay7, H),
            meanDaysUnmet: H && crisisDays ? unmet / H : 0,
            // Censored at the run's end (the crisis days, plus one) when the share was never reached.
            daysToRecovery: st.recoveryDays >= 0 ? st.recoveryDays : crisisDays + 1,
            byCadres: st.byCadres,
            byNeighbours: st.byNeighbours,
            bySelfOrganisations: st.bySelfOrganisations,
          },
          selfOrganisations: {
            latent: st.latentAtOnset,
            meanTrustAtOnset: st.meanTrustAtOnset,
            activated,
            meanActivationDays: ratio0(activationDays, activated),
          },
          arrivals: {
            count: st.arrivals,
            screened: st.arrivalsScreened,
            meanDaysToScreening: ratio0(st.screeningDays, st.arrivalsScreened),
            quarantineCadreHours: st.quarantineHours,
          },
          normalService: {
            requests: st.requests,
            servedPerHouseholdPerYear: ratio0(st.served, H) * ratio0(365, st.normalDays),
            meanDaysWaited: ratio0(st.daysWaited, st.served),
          },
        },
      };
    },
  },
});
