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
 * demands raise trust, unheard ones lower it, and trust is what participation (activities,
 * volunteering) draws on. It also keeps who leads in each period (set by the platform module).
 */
import { z } from 'zod';
import { bernoulli, defineModule, mean, sum, type ModuleProcess, type ModuleStepContext, type PopulateContext, type Table } from '../../engine/index.js';
import { DIGITAL } from '../community/index.js';
import { lowOnBasicGoods, packagesToCover, receivePackages, type HouseholdsWorld } from '../households/index.js';
import { CRISIS_PHASES, OUTING_PHASES, type PhaseName } from '../lockdown/index.js';
import { count, nonNegative, p, positive, positiveCount, section, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = {
  care: section('care needs of vulnerable households and the shared task board of the five societies (paper 001)', {
    vulnerable: z
      .object({
        disabledShare: p(share, 'share of households with a disabled member (elderly living alone are found from household composition)', U.share),
        singleParentShare: p(share, 'share of working-age households with children that are single-parent', U.share),
      })
      .strict()
      .meta({ description: 'vulnerable groups of paper 003, drawn from their own population stream' }),
    visitIntervalDays: z
      .object({
        normal: p(positiveCount, 'days between care visits a vulnerable household needs in normal times', U.days),
        crisis: p(positiveCount, 'days between care visits it needs in a crisis', U.days),
      })
      .strict()
      .meta({ description: 'how often a vulnerable household needs a visit' }),
    visitHours: p(positive, 'hours one care visit takes, travel included', U.hours),
    informationLagDays: p(count, 'days after the crisis starts before a household without a smartphone user hears of the crisis services unless a visit or a relay tells it sooner', U.days),
    relaysPerRelayerPerDay: p(nonNegative, 'households without a smartphone user one active relayer (a mobilised party member of the building) tells of the crisis services per day', U.count),
    initialTrust: p(share, "every household's trust in the community's actors when the run starts", U.share),
    demandChannel: z
      .object({
        enabled: p(z.boolean(), 'residents can express demands and actors answer them with the hours left after care visits (paper 001: demand expression and aggregation)'),
        demandsPerHouseholdPerMonth: p(nonNegative, 'demands a household raises per month', U.count),
        responseHours: p(positive, 'hours to answer one demand', U.hours),
        trustGain: p(share, 'share of the gap to full trust closed when a demand is answered', U.share),
        trustLoss: p(share, 'share of trust lost when a demand goes unanswered or unheard', U.share),
      })
      .strict()
      .meta({ description: 'the demand expression channel' }),
    withoutLead: z
      .object({
        mobilisationDays: p(nonNegative, 'days for actors to reach full crisis effort when no platform names a lead', U.days),
        projectMatch: p(share, "share of activity hours that match residents' demands when no platform names a lead", U.share),
      })
      .strict()
      .meta({ description: 'how actors work when no platform module names who leads' }),
  }),
};

// ─── contributions ───
export const CARE_ACTORS = 'care.actors';
export const CARE_COORDINATORS = 'care.coordinators';

/** An actor that gives hours to care visits (and to answering demands). */
export interface CareActor<W = any> {
  name: string;
  /** Hours it can give to care visits now (read after the afternoon's deliveries). */
  hours(world: W, ctx: ModuleStepContext): number;
  /** Spends hours it gave (visits made and demands answered). */
  spend(world: W, hours: number): void;
  /** Professional staff (counts in the institutional dimension). */
  professional: boolean;
  /** Works as a managed project (counts in the technical dimension). */
  project: boolean;
}

/** Who can assign tasks across actors, and who leads in each period. */
export interface CareCoordinator<W = any> {
  name: string;
  /** Visits it can assign today so that no two actors take the same household. */
  assignments(world: W, ctx: ModuleStepContext): number;
  /** The lead's days to full crisis effort and share of activity matched to demand; null to leave it to others. */
  lead?(world: W, crisis: boolean): { mobilisationDays: number; projectMatch: number } | null;
}

/** Who relays crisis information to households without a smartphone user, per building (party members). */
export const CARE_RELAYS = 'care.relays';
export interface CareRelay<W = any> {
  name: string;
  /** Relayers active in building b today. */
  relayers(world: W, building: number): number;
}

/** Who can lead volunteers of the pool (social workers): leads up to `volunteers`, returns how many. */
export const VOLUNTEER_LEADERS = 'volunteerPool.leaders';
export interface VolunteerLeader<W = any> {
  name: string;
  lead(world: W, volunteers: number): number;
}

/** Who links charity resources to needs (social workers): hours of linking today. */
export const CHARITY_LINKERS = 'charity.linkers';
export interface CharityLinker<W = any> {
  name: string;
  hours(world: W): number;
}

/** Who raises money into a charity channel (economic social organisations): ¥ pledged today. */
export const CHARITY_RAISERS = 'charity.raisers';
export interface CharityRaiser<W = any> {
  name: string;
  channel: string;
  yuan(world: W, ctx: ModuleStepContext): number;
}

// ─── state ───
export const VULNERABLE = { none: 0, elderlyAlone: 1, disabled: 2, singleParent: 3 } as const;
export const VULNERABLE_GROUPS = ['elderlyAlone', 'disabled', 'singleParent'] as const;

export const careColumns = {
  /** VULNERABLE code (0 none). */
  vulnerable: Uint8Array,
  /** Day the household next needs a care visit. */
  careDue: Int32Array,
  /** Day of its last care visit (-1 never). */
  lastVisit: Int32Array,
  /** Day it heard of the current crisis's services (-1 not yet). */
  informedDay: Int32Array,
  trust: Float64Array,
  /** Day a member last took part in an activity or volunteered (-1 never). */
  lastParticipation: Int32Array,
};

export interface CareWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof careColumns>;
}

export interface CareState {
  /** First day of the current crisis, or -1. */
  crisisSince: number;
  crisis: boolean;
  /** Whether households cannot go out to shop today (care packages are bought and brought only then). */
  shut: boolean;
  /** 0–1: share of full crisis effort the actors have reached (1 in normal times). */
  mobilisation: number;
  /** Share of activity hours matched to residents' demands today. */
  projectMatch: number;
  /** Care packages in stock, bought by the charity module, not yet delivered. */
  packages: number;
  /** Hours of social-organisation projects paid for (by the charity module) and not yet worked. */
  purchasedProjectHours: number;
  /** Cumulative goods, for conservation: packages received into stock and delivered. */
  packagesIn: number;
  packagesDelivered: number;
  /** Protective kits for front-line volunteers: in stock, received, used, wanted beyond stock (set by the pool). */
  kits: number;
  kitsIn: number;
  kitsUsed: number;
  kitsWanted: number;
}

const own = (w: { state: Record<string, any> }) => w.state.communityCare as CareState;
/** The care state, for the five-society modules. */
export const careOf = own;

function populate(world: CareWorld, ctx: PopulateContext): void {
  const s = world.scenario.care;
  const rng = ctx.stream('population.communityCare');
  const hh = world.households;
  for (let h = 0; h < hh.count; h++) {
    const elderly = hh.elderlyNoSmartphone[h] + hh.elderlySmartphone[h];
    const disabled = bernoulli(rng, s.vulnerable.disabledShare);
    const single = bernoulli(rng, s.vulnerable.singleParentShare);
    let v: number = VULNERABLE.none;
    if (hh.members[h] === 1 && elderly === 1) v = VULNERABLE.elderlyAlone;
    else if (disabled) v = VULNERABLE.disabled;
    // Working-age households with children: 'others' counts working-age adults and children.
    else if (elderly === 0 && hh.members[h] >= 3 && single) v = VULNERABLE.singleParent;
    hh.vulnerable[h] = v;
    hh.careDue[h] = v ? Math.floor(rng() * s.visitIntervalDays.normal) : 0;
    hh.lastVisit[h] = -1;
    hh.informedDay[h] = -1;
    hh.trust[h] = s.initialTrust;
    hh.lastParticipation[h] = -1;
  }
}

// ─── behaviour ───
const NO_PHONE = DIGITAL.none;

/** Dawn: the period, and the lead's pace of mobilisation and match of projects to demand. */
const period: ModuleProcess<CareWorld, CareState> = {
  name: 'carePeriod',
  slot: 'dawn',
  step(world, state, ctx) {
    const crisis = CRISIS_PHASES.includes(ctx.phase as PhaseName);
    if (crisis && !state.crisis) {
      state.crisisSince = ctx.day;
      world.households.informedDay.fill(-1);
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
    if (crisis) {
      const { count, informedDay, digital } = world.households;
      const lagOver = ctx.day - state.crisisSince >= s.informationLagDays;
      for (let h = 0; h < count; h++) {
        if (informedDay[h] < 0 && (digital[h] !== NO_PHONE || lagOver)) informedDay[h] = ctx.day;
      }
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
const careRound: ModuleProcess<CareWorld, CareState> = {
  name: 'careRound',
  slot: 'afternoon',
  order: 20,
  step(world, state, ctx) {
    const s = world.scenario.care;
    const hh = world.households;
    const t = world.today;
    const low = lowOnBasicGoods(world.scenario, hh);
    const tasks: number[] = [];
    const { count, vulnerable, careDue, informedDay } = hh;
    const stocked = state.shut && state.packages > 0;
    for (let h = 0; h < count; h++) {
      if (!vulnerable[h]) continue;
      if (careDue[h] <= ctx.day || (stocked && informedDay[h] >= 0 && low(h))) tasks.push(h);
    }
    const actors = ctx.provided<CareActor<CareWorld>>(CARE_ACTORS);
    const visitsOf = actors.map((a) => Math.floor(Math.max(0, a.hours(world, ctx)) / s.visitHours));
    const totalVisits = visitsOf.reduce((a, b) => a + b, 0);
    let assignable = 0;
    for (const c of ctx.provided<CareCoordinator<CareWorld>>(CARE_COORDINATORS)) assignable += c.assignments(world, ctx);
    const coordination = totalVisits > 0 ? Math.min(1, assignable / totalVisits) : 0;
    t.coordinationShare = coordination;
    t.careTasks = tasks.length;

    const visited = new Uint8Array(tasks.length);
    const interval = state.crisis ? s.visitIntervalDays.crisis : s.visitIntervalDays.normal;
    const visit = (i: number, actor: number) => {
      const h = tasks[i];
      const spent = s.visitHours;
      actors[actor].spend(world, spent);
      t.careVisits++;
      t.careHours += spent;
      if (actors[actor].professional) t.professionalCareHours += spent;
      if (actors[actor].project) t.projectCareHours += spent;
      if (visited[i]) { t.duplicatedVisits++; return; }
      visited[i] = 1;
      t.careTasksCovered++;
      hh.careDue[h] = ctx.day + interval;
      hh.lastVisit[h] = ctx.day;
      if (hh.informedDay[h] < 0 && state.crisis) { hh.informedDay[h] = ctx.day; t.informedByVisit++; }
      if (state.shut && state.packages > 0 && low(h)) {
        const { vegetable, pork } = packagesToCover(world.scenario, hh, h);
        const n = Math.min(state.packages, vegetable + pork);
        const veg = Math.min(vegetable, n);
        receivePackages(world, h, { vegetable: veg, pork: n - veg, vegetablePaid: 0, porkPaid: 0, quality: 1, variety: hh.lastVariety[h] });
        state.packages -= n;
        state.packagesDelivered += n;
        t.carePackagesDelivered += n;
      }
    };
    // Uncoordinated visits first: each actor picks distinct tasks of its own at random.
    const planned = visitsOf.map((v) => v - Math.round(coordination * v));
    const scratch = tasks.map((_, i) => i);
    actors.forEach((_, a) => {
      const n = Math.min(planned[a], tasks.length);
      for (let k = 0; k < n; k++) {
        const j = k + Math.floor(ctx.rng() * (tasks.length - k));
        const x = scratch[k]; scratch[k] = scratch[j]; scratch[j] = x;
        visit(scratch[k], a);
      }
    });
    // Coordinated visits take the tasks no one has taken, oldest due first (list order).
    let next = 0;
    actors.forEach((_, a) => {
      let n = visitsOf[a] - planned[a];
      while (n > 0) {
        while (next < tasks.length && visited[next]) next++;
        if (next >= tasks.length) break;
        visit(next, a);
        n--;
      }
    });
    for (let i = 0; i < tasks.length; i++) if (!visited[i]) t.careTasksUncovered++;

    // Demands: expressed by informed households (all, in normal times); answered with hours left.
    const dc = s.demandChannel;
    const rate = dc.demandsPerHouseholdPerMonth / 30;
    if (rate <= 0) return;
    const left = actors.map((a) => Math.max(0, a.hours(world, ctx)));
    let a = 0;
    const rng = ctx.rng;
    for (let h = 0; h < count; h++) {
      if (!(rng() < rate)) continue;
      if (state.crisis && informedDay[h] < 0) continue;
      t.demandsExpressed++;
      while (dc.enabled && a < left.length && left[a] < dc.responseHours) a++;
      if (dc.enabled && a < left.length) {
        left[a] -= dc.responseHours;
        actors[a].spend(world, dc.responseHours);
        t.demandsAnswered++;
        hh.trust[h] += dc.trustGain * (1 - hh.trust[h]);
      } else {
        hh.trust[h] -= dc.trustLoss * hh.trust[h];
      }
    }
  },
};

const groupMetric = (g: (typeof VULNERABLE_GROUPS)[number]) => ({
  name: `careMet${g[0].toUpperCase()}${g.slice(1)}`,
  unit: 'share',
  description: `Share of ${g} households visited within their care interval`,
  sample(w: CareWorld, ctx: { day: number }) {
    const { count, vulnerable, lastVisit } = w.households;
    const st = own(w);
    const interval = st.crisis ? w.scenario.care.visitIntervalDays.crisis : w.scenario.care.visitIntervalDays.normal;
    const code = VULNERABLE[g];
    let n = 0;
    let met = 0;
    for (let h = 0; h < count; h++) {
      if (vulnerable[h] !== code) continue;
      n++;
      if (lastVisit[h] >= 0 && ctx.day - lastVisit[h] < interval) met++;
    }
    return n > 0 ? met / n : NaN;
  },
});

const PARTICIPATION_WINDOW = 30;

export const communityCare = defineModule<CareWorld, CareState>({
  name: 'communityCare',
  description: "Vulnerable households' care needs and the shared task board of the five societies: coordinated or independent visits, care packages, the information lag of the digital divide, demands, trust and participation (paper 001).",
  requires: ['lockdown', 'community', 'households'],
  params,
  columns: { households: careColumns },
  populate: (w, ctx) => populate(w, ctx),
  init: () => ({ crisisSince: -1, crisis: false, shut: false, mobilisation: 1, projectMatch: 1, packages: 0, purchasedProjectHours: 0, packagesIn: 0, packagesDelivered: 0, kits: 0, kitsIn: 0, kitsUsed: 0, kitsWanted: 0 }),
  processes: [period, careRound],
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
    ...VULNERABLE_GROUPS.map(groupMetric),
    {
      name: 'meanTrust', unit: 'share', description: "Mean household trust in the community's actors",
      sample: (w) => mean(w.households.trust),
    },
    {
      name: 'participation', unit: 'share', description: `Cultural dimension: share of households that took part in an activity or volunteered in the last ${PARTICIPATION_WINDOW} days`,
      sample(w, ctx) {
        const last = w.households.lastParticipation;
        let n = 0;
        for (let h = 0; h < last.length; h++) if (last[h] >= 0 && ctx.day - last[h] < PARTICIPATION_WINDOW) n++;
        return n / last.length;
      },
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
      sample(w) {
        if (!own(w).crisis) return 0;
        const { count, informedDay } = w.households;
        let n = 0;
        for (let h = 0; h < count; h++) if (informedDay[h] < 0) n++;
        return n;
      },
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
      const hh = world.households;
      let vulnerable = 0;
      for (let h = 0; h < hh.count; h++) if (hh.vulnerable[h]) vulnerable++;
      const cap = (g: string) => `careMet${g[0].toUpperCase()}${g.slice(1)}`;
      return {
        care: {
          vulnerableHouseholds: vulnerable,
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

/** Adds protective kits to the care stock (the charity module buys them for the volunteer pool). */
export function stockKits(world: { state: Record<string, any> }, n: number): void {
  const st = own(world);
  st.kits += n;
  st.kitsIn += n;
}

/** Adds packages to the care stock (the charity module buys them). */
export function stockCarePackages(world: { state: Record<string, any> }, n: number): void {
  const st = own(world);
  st.packages += n;
  st.packagesIn += n;
}
