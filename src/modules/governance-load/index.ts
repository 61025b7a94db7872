/**
 * Governance load pushed down to the community (paper 004, with 003's layers): administrative
 * tasks arrive from line departments and pass down street → residents' committee → grid →
 * compound, with money and people attached (费随事转, fees follow tasks) or without
 * (事移财不转, tasks move, money does not). Community workers — staffed at paper 004's norm of
 * 18 per 10,000 residents, a norm and not an observation — split their hours between the
 * administrative work and service; what the administration crowds out shrinks the grid's and the
 * community's capacity to take up residents' issues (issue-routing reads it), so waits lengthen
 * and satisfaction falls. Secondments drain staff, low pay and overload drive turnover.
 *
 * The load per layer (task hours over staff hours) shows the hourglass: every department's tasks
 * converge on one street office and one residents' committee, where carrying them out lands when
 * money does not follow, while each department handles only its own and the grid and compound
 * only relay. Several departments with unclear boundaries pass residents' matters between them
 * (run-around time); a one-stop hall is the remedy (an intervention).
 *
 * In a crisis (gridMobilisation), the drain at the onset carries into the cadre hours left for
 * mobilising households (`gridMobilisation.staffShare`); in a lockdown (residentsCommittee), the
 * month's drain keeps part of the RC's posts from the crisis work (`residentsCommittee.absences`).
 * It knows nothing else of the crisis,
 * nor of the layers' delay and distortion of instructions (paper 003, elsewhere), nor of where
 * the money comes from.
 */
import { z } from 'zod';
import { defineModule } from '../../engine/index.js';
import { LAYERS, params, type GovernanceLoadParams } from './params.js';
import { runAround, type RunAroundState } from './run-around.js';
import { communityWorkers, zeroByLayer, type WorkforceState } from './workers.js';
import { rcPosts, type RcState } from '../residents-committee/index.js';

export { params, LAYERS, FUNDING, type GovernanceLoadParams, type Layer } from './params.js';
export { monthOf } from './workers.js';
export { visitsFor } from './run-around.js';

export type GovernanceLoadState = WorkforceState & RunAroundState;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export const governanceLoad = defineModule<any, GovernanceLoadState>({
  name: 'governanceLoad',
  description: "Administrative tasks pushed down from line departments through street, RC, grid and compound, with or without money (paper 004); community workers' hours split between tasks and service; secondments and turnover; the hourglass of load by layer; residents' run-around and the one-stop hall.",
  requires: ['community'],
  params,
  init(world) {
    const s = world.scenario.governanceLoad as GovernanceLoadParams;
    const per10000 = world.residents.count / 10_000;
    const norm = Math.round(s.layers.community.staffPer10000 * per10000);
    return {
      per10000,
      norm,
      employed: norm,
      seconded: 0,
      quits: 0,
      hires: 0,
      months: 0,
      loadHours: zeroByLayer(),
      loadStaffHours: zeroByLayer(),
      adminHours: 0,
      availableHours: 0,
      serviceHours: 0,
      neededHours: 0,
      employedMonths: 0,
      staffTime: 1,
      freeShare: 1,
      oneStopHall: false,
      byYear: {},
      residents: world.residents.count,
    };
  },
  processes: [communityWorkers, runAround],
  provides: {
    /** The share of the grid's and community's issue capacity the community workers have time for. */
    'issueRouting.staffTime': [(world: { state: Record<string, any> }) => (world.state.governanceLoad as GovernanceLoadState).staffTime],
    /**
     * The share of the grid's cadre hours left in a crisis (read once, at the onset): workers
     * drained by vacancies, secondments and tasks without money do not come back the day the
     * crisis begins, so a part of that drain (crisisCarryOver) carries into it.
     */
    'gridMobilisation.staffShare': [
      (world: { scenario: Record<string, any>; state: Record<string, any> }) =>
        1 - (world.scenario.governanceLoad as GovernanceLoadParams).crisisCarryOver * (1 - (world.state.governanceLoad as GovernanceLoadState).freeShare),
    ],
    /**
     * The same drain in the lockdown's provision model (residentsCommittee, paper 000): of the
     * RC's posts at the staffing norm, the share drained this month by vacancies, secondments and
     * the administration tasks bring is, in the crisisCarryOver part that is not undone, missing
     * from the crisis work. Counted only on days the RC has crisis work (the normal period then
     * does not read crisisCarryOver).
     */
    'residentsCommittee.absences': [
      {
        absent(world: { scenario: Record<string, any>; state: Record<string, any> } & Parameters<typeof rcPosts>[0]) {
          const rc = world.state.residentsCommittee as RcState | undefined;
          if (!rc || rc.admin === 0) return 0;
          const drained = 1 - (world.state.governanceLoad as GovernanceLoadState).freeShare;
          return (world.scenario.governanceLoad as GovernanceLoadParams).crisisCarryOver * drained * rcPosts(world);
        },
      },
    ],
  },
  metrics: [
    { name: 'communityWorkers', unit: 'workers', description: 'Community workers employed (vacancies left by turnover not yet filled are missing)', sample: (w) => (w.state.governanceLoad as GovernanceLoadState).employed },
    { name: 'workersServiceTime', unit: 'share', description: "Share of the service the grid and community need that community workers had time for this month, after administrative tasks and secondments", sample: (w) => (w.state.governanceLoad as GovernanceLoadState).staffTime },
  ],
  interventions: [
    {
      name: 'oneStopHall',
      description: 'a one-stop hall opens: residents take every matter to one window, which routes it among departments (small matters stay in the community, big ones in the street)',
      args: z.object({}),
      apply(_world, st) {
        st.oneStopHall = true;
      },
    },
  ],
  measures: {
    names: [
      'load.byLayer.department', 'load.byLayer.street', 'load.byLayer.community', 'load.byLayer.grid', 'load.byLayer.compound',
      'load.adminShare', 'load.serviceHoursPer1000', 'load.serviceMet', 'load.workers', 'load.workersPer10000', 'load.turnoverPerYear',
      'runAround.byYear.<year>.days', 'runAround.byYear.<year>.visits', 'runAround.meanDays', 'runAround.meanVisits',
    ],
    summarise(w, st) {
      const years = Object.keys(st.byYear).sort();
      let matters = 0, visits = 0, days = 0;
      for (const y of years) {
        matters += st.byYear[y].matters;
        visits += st.byYear[y].visits;
        days += st.byYear[y].days;
      }
      const meanEmployed = ratio(st.employedMonths, st.months);
      return {
        load: {
          byLayer: Object.fromEntries(LAYERS.map((l) => [l, ratio(st.loadHours[l], st.loadStaffHours[l])])),
          adminShare: ratio(Math.min(st.adminHours, st.availableHours), st.availableHours),
          serviceHoursPer1000: ratio(st.serviceHours, st.months) / (w.residents.count / 1000),
          serviceMet: ratio(Math.min(st.serviceHours, st.neededHours), st.neededHours),
          workers: st.employed,
          workersPer10000: st.employed / st.per10000,
          turnoverPerYear: ratio(st.quits, meanEmployed) / Math.max(1 / 12, st.months / 12),
        },
        runAround: {
          byYear: Object.fromEntries(years.map((y) => [y, { days: ratio(st.byYear[y].days, st.byYear[y].matters), visits: ratio(st.byYear[y].visits, st.byYear[y].matters) }])),
          meanDays: ratio(days, matters),
          meanVisits: ratio(visits, matters),
        },
      };
    },
  },
});
