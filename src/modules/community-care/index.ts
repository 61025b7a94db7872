/**
 * Community care (paper 001, five-society linkage; 003 names the vulnerable groups): the shared
 * ground the five societies work on. It draws which households are vulnerable (elderly living
 * alone, a disabled member, single parent), keeps their care needs, and runs the day's task
 * board: the hours that actors contribute (`care.actors` — social workers, social
 * organisations, volunteers…) become care visits, assigned across actors as far as a coordinator
 * (`care.coordinators` — the platform, associational organisations) can assign them, and picked
 * independently otherwise — so uncoordinated actors visit the same households and leave others
 * uncovered. While households cannot go out to shop, a visit also brings a care package (bought by
 * the charity module) to a household low on food, and tells a household without a smartphone of the services it did not
 * hear of online (the digital divide's information lag). Residents express demands; answered
 * demands raise trust, unheard ones lower it, and trust follows the households' ties to
 * neighbours as shared activity builds them and they fade (trust-ties.ts); trust is what
 * participation (activities, volunteering) draws on. It also keeps who leads in each period (set by the platform module).
 */
import { defineModule, mean, ratio, sum } from '../../engine/index.js';
import { CRISIS_PHASES, type PhaseName } from '../lockdown/index.js';
import { params } from './params.js';
import { careColumns, checkDayRange, initialState, own, populate, VULNERABLE_GROUPS, type CareState, type CareWorld } from './state.js';
import { period } from './period.js';
import { careRound } from './care-round.js';
import { follower, trustFromTies } from './trust-ties.js';
import { TIES_FOLLOWERS } from '../self-organisation/ties.js';
import { activeHouseholds, PARTICIPATION_WINDOW } from './participation.js';
import { metWithin } from './care-met.js';

const groupMetric = (g: (typeof VULNERABLE_GROUPS)[number], k: number) => ({
  name: `careMet${g[0].toUpperCase()}${g.slice(1)}`,
  unit: 'share',
  description: `Share of ${g} households visited within their care interval`,
  sample(w: CareWorld, ctx: { day: number }) {
    const st = own(w);
    const interval = st.crisis ? w.scenario.care.visitIntervalDays.crisis : w.scenario.care.visitIntervalDays.normal;
    const n = st.vulnerableByGroup[k].length;
    return n > 0 ? metWithin(st.visits, k, ctx.day, interval) / n : NaN;
  },
});

export const communityCare = defineModule<CareWorld, CareState>({
  name: 'communityCare',
  description: "Vulnerable households' care needs and the shared task board of the five societies: coordinated or independent visits, care packages, the information lag of the digital divide, demands, trust and participation (paper 001).",
  requires: ['lockdown', 'community', 'households'],
  params,
  check: checkDayRange,
  columns: { households: careColumns },
  populate: (w, ctx) => populate(w, ctx),
  init: (world) => initialState(world),
  processes: [period, trustFromTies, careRound],
  provides: { [TIES_FOLLOWERS]: [follower] },
  counters: [
    { name: 'careTasks', unit: 'households', description: 'Vulnerable households due a care visit today (or, while no one may go out, asking for food with care packages in stock)' },
    { name: 'careTasksCovered', unit: 'households', description: 'Of those, households visited today' },
    { name: 'careTasksUncovered', unit: 'households', description: 'Of those, households no one visited today' },
    { name: 'careVisits', unit: 'visits', description: 'Care visits made today by all actors' },
    { name: 'duplicatedVisits', unit: 'visits', description: 'Visits to a household another visit had already covered today (wasted effort)' },
    { name: 'careHours', unit: 'hours', description: 'Hours spent on care visits', record: false },
    { name: 'professionalCareHours', unit: 'hours', description: 'Care hours given by professional staff', record: false },
    { name: 'projectCareHours', unit: 'hours', description: 'Care hours given as managed projects', record: false },
    { name: 'coordinationShare', unit: 'share', description: "Share of the day's visits a coordinator assigned across actors" },
    { name: 'mobilisation', unit: 'share', description: "Share of full crisis effort the actors have reached (1 in normal times)" },
    { name: 'mobilisedHours', unit: 'hours', description: "Hours the five-society actors gave today (each actor counts its day's hours once, whatever they went to)" },
    { name: 'informedByVisit', unit: 'households', description: 'Households without a smartphone user told of crisis services by a visit, before hearing otherwise' },
    { name: 'informedByRelay', unit: 'households', description: 'Households without a smartphone user told of crisis services by a relayer of their building (a mobilised party member)' },
    { name: 'carePackagesDelivered', unit: 'packages', description: 'Care packages delivered to vulnerable households on visits' },
    { name: 'demandsExpressed', unit: 'demands', description: 'Demands residents expressed today' },
    { name: 'demandsAnswered', unit: 'demands', description: 'Demands answered today through the demand channel' },
  ],
  metrics: [
    {
      name: 'careCoverage', unit: 'share', description: 'Organisational dimension: share of care tasks covered today (NaN with no tasks)',
      sample: (w) => (w.today.careTasks > 0 ? w.today.careTasksCovered / w.today.careTasks : NaN),
    },
    ...VULNERABLE_GROUPS.map((g, k) => groupMetric(g, k)),
    {
      name: 'meanTrust', unit: 'share', description: "Mean household trust in the community's actors",
      // Added up by the night's pass (trust-ties.ts) before trust follows the night's ties: the day's trust.
      sample: (w) => ratio(own(w).dayTrust[0], own(w).dayTrust[1]),
    },
    {
      name: 'participation', unit: 'share', description: `Cultural dimension: share of households that took part in an activity or volunteered in the last ${PARTICIPATION_WINDOW} days`,
      sample: (w, ctx) => activeHouseholds(own(w).participation, ctx.day) / w.households.count,
    },
    {
      name: 'socialCapital', unit: 'share', description: "Cultural dimension: mean compound social capital (0–1; self-organisation reads it)",
      sample: (w) => mean(w.compounds.socialCapital),
    },
    {
      name: 'projectShare', unit: 'share', description: 'Technical dimension: share of care hours given as managed projects (NaN with none)',
      sample: (w) => (w.today.careHours > 0 ? w.today.projectCareHours / w.today.careHours : NaN),
    },
    {
      name: 'uninformedHouseholds', unit: 'households', description: 'In a crisis, households without a smartphone user not yet told of its services',
      sample: (w) => (own(w).crisis ? own(w).uninformed : 0),
    },
    { name: 'carePackagesInStock', unit: 'packages', description: 'Care packages bought and not yet delivered', sample: (w) => own(w).packages },
    { name: 'kitsInStock', unit: 'kits', description: 'Protective kits bought and not yet used', sample: (w) => own(w).kits },
  ],
  measures: {
    names: [
      'care.vulnerableHouseholds', 'care.crisisCoverage', 'care.normalCoverage', 'care.duplicatedVisits', 'care.uncoveredTaskDays',
      'care.crisisMobilisedHoursPerDay', 'care.carePackagesDelivered', 'care.kitsUsed', 'care.finalTrust', 'care.meanParticipation', 'care.finalSocialCapital',
      ...VULNERABLE_GROUPS.map((g) => `care.crisisCareMet.${g}`),
    ],
    summarise(world, state, { columns, timeline }) {
      const phases = Array.from({ length: columns.careCoverage.length }, (_, d) => CRISIS_PHASES.includes(timeline.phaseAt(d) as PhaseName));
      const over = (col: Float64Array, crisis: boolean) => {
        const xs = Array.from(col).filter((x, d) => phases[d] === crisis && !Number.isNaN(x));
        return xs.length ? mean(xs) : null;
      };
      const cap = (g: string) => `careMet${g[0].toUpperCase()}${g.slice(1)}`;
      return {
        care: {
          // Drawn at populate and fixed: the list's length, not a pass over every household.
          vulnerableHouseholds: state.vulnerableHouseholds.length,
          crisisCoverage: over(columns.careCoverage, true),
          normalCoverage: over(columns.careCoverage, false),
          duplicatedVisits: sum(columns.duplicatedVisits),
          uncoveredTaskDays: sum(columns.careTasksUncovered),
          crisisMobilisedHoursPerDay: over(columns.mobilisedHours, true),
          carePackagesDelivered: state.packagesDelivered,
          kitsUsed: state.kitsUsed,
          finalTrust: columns.meanTrust[columns.meanTrust.length - 1],
          meanParticipation: mean(columns.participation),
          finalSocialCapital: columns.socialCapital[columns.socialCapital.length - 1],
          crisisCareMet: Object.fromEntries(VULNERABLE_GROUPS.map((g) => [g, over(columns[cap(g)], true)])),
        },
      };
    },
  },
});

export * from './contributions.js';
export { joinedOngoing, leftOngoing, tookPart, type ParticipationCounts } from './participation.js';
export { params } from './params.js';
export { careColumns, careOf, stockCarePackages, stockKits, VULNERABLE, VULNERABLE_GROUPS, type CareState, type CareWorld } from './state.js';
