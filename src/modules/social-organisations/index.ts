/**
 * Community social organisations (社会组织为载体; paper 001): three types — economic ones raise
 * resources, cultural ones build knowledge and ties through activities, associational ones
 * coordinate — each with a number, staff, a degree of professionalisation and funding (projects
 * bought by government, money raised themselves, hours bought by the charity module). Used as an
 * administrative subcontractor (paper 004), an organisation gives hours to the residents'
 * committee's paperwork instead of projects and grows passive, which cuts what its project hours
 * achieve. In normal times cultural projects are activities residents join as far as they trust
 * the actors and the activity matches their demands, and each attendance adds to the compound's
 * social capital; in a crisis every organisation's project hours go to care visits.
 */
import { z } from 'zod';
import { bernoulli, defineModule, sum, type ModuleProcess, type Rng } from '../../engine/index.js';
import { CARE_ACTORS, CARE_COORDINATORS, careOf, CHARITY_RAISERS, tookPart, type CareActor, type CareCoordinator, type CareWorld, type CharityRaiser, type ParticipationCounts } from '../community-care/index.js';
import type { RcState } from '../residents-committee/index.js';
import { count, nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

const orgType = (what: string) =>
  z
    .object({
      count: p(count, `${what} organisations in the community`, U.count),
      staff: p(nonNegative, 'staff (full-time equivalent) per organisation', U.people),
      hoursPerDay: p(nonNegative, 'working hours of each staff member', U.hoursPerDay),
      professionalisation: p(share, 'share of staff hours that are professional (trained, supervised)', U.share),
      governmentFunded: p(share, 'share of its hours paid by projects bought by government (the rest self-raised); only government-funded hours can be subcontracted', U.share),
    })
    .strict()
    .meta({ description: what });

export const params = sections({
  socialOrganisations: () => section('community social organisations (paper 001: 社会组织为载体)', {
    economic: orgType('economic (raise resources)'),
    cultural: orgType('cultural (build knowledge, ties and coping)'),
    associational: orgType('associational (coordinate)'),
    administrativeSubcontracting: p(share, "share of government-funded hours the RC takes for its own administrative work (行政发包)", U.share),
    passivityPerYear: p(nonNegative, "rate per year at which an organisation's passivity moves toward the share of its hours taken for paperwork", U.perYear),
    attendeesPerActivityHour: p(nonNegative, 'households one cultural activity hour can reach', U.count),
    tiesPerAttendance: p(nonNegative, "a household's attendance adds this × (1 − social capital) ÷ households to its compound's social capital", U.share),
    yuanPerEconomicHour: p(nonNegative, 'money an economic organisation raises per working hour (into the social-enterprise charity channel)', U.yuan),
    assignmentsPerAssociationalHour: p(nonNegative, 'care visits an associational organisation can assign across actors per working hour', U.count),
  }),
});

const TYPES = ['economic', 'cultural', 'associational'] as const;

export interface OrganisationsState {
  /** Per type: passivity (0–1) and today's effective project hours. */
  passivity: Record<(typeof TYPES)[number], number>;
  hours: Record<(typeof TYPES)[number], number>;
  /** Crisis care hours left today. */
  careHours: number;
  attendances: number;
}
const own = (w: { state: Record<string, any> }) => w.state.socialOrganisations as OrganisationsState;

const projects: ModuleProcess<CareWorld, OrganisationsState> = {
  name: 'organisationProjects',
  slot: 'morning',
  order: 15,
  step(world, st, ctx) {
    const s = world.scenario.socialOrganisations;
    const care = careOf(world);
    const rc = world.state.residentsCommittee as RcState | undefined;
    let subcontracted = 0;
    let purchased = care.purchasedProjectHours;
    care.purchasedProjectHours = 0;
    let crisisHours = 0;
    for (const type of TYPES) {
      const o = s[type];
      const staffHours = o.count * o.staff * o.hoursPerDay;
      const taken = staffHours * o.governmentFunded * s.administrativeSubcontracting;
      subcontracted += taken;
      // Passivity drifts toward the share of the organisation's hours taken for paperwork.
      const pressure = o.governmentFunded * s.administrativeSubcontracting;
      st.passivity[type] += Math.min(1, s.passivityPerYear / 365) * (pressure - st.passivity[type]);
      // Hours bought by the charity module go to cultural projects first.
      const bought = type === 'cultural' ? purchased : 0;
      if (type === 'cultural') purchased = 0;
      const effect = (0.5 + 0.5 * o.professionalisation) * (1 - st.passivity[type]);
      st.hours[type] = (staffHours - taken + bought) * effect * (care.crisis ? care.mobilisation : 1);
      if (care.crisis) crisisHours += st.hours[type];
    }
    care.purchasedProjectHours = purchased;
    // The RC's paperwork they do is work off the RC (in a crisis, when there is any).
    if (rc && care.crisis && subcontracted > 0) {
      const relief = Math.min(subcontracted, world.today.adminHours);
      rc.hoursFree = Math.min(rc.hoursAvailable, rc.hoursFree + relief);
      world.today.adminHours -= relief;
      world.today.staffHoursDemanded -= relief;
    }
    world.today.organisationHours = st.hours.economic + st.hours.cultural + st.hours.associational;
    world.today.mobilisedHours += world.today.organisationHours;
    st.careHours = care.crisis ? crisisHours : 0;
    if (care.crisis) return;

    // Normal times: cultural activities, joined as far as households trust and the activity matches.
    const places = Math.floor(st.hours.cultural * s.attendeesPerActivityHour);
    if (places <= 0) return;
    const attended = activities(ctx.rng, world.households, world.compounds, care.participation, ctx.day, places, care.projectMatch, s.tiesPerAttendance);
    st.attendances += attended;
    world.today.activityAttendances += attended;
  },
};

/** The households that came to the day's activities, in order (reused from day to day, grown to the day's places). */
let came = new Int32Array(0);

/**
 * The day's cultural activities: up to three tries a place, each at a household drawn from the
 * whole community, who comes with its trust × the activities' match to demand; each attendance
 * counts as taking part and adds to its compound's social capital. Returns the attendances. A
 * function of its own, given the stream and the tables once: inside step, the loop read the
 * world's objects (`ctx.rng`, the household table) on every try.
 *
 * In two passes: the tries (`comers`), then the attendances in the order they came. Whether a
 * household comes is a coin (in the every-module run at 1M, 413k of 966k tries came, and the
 * outcome changed from one try to the next at 49 % of them), so as a branch it was mispredicted
 * about as often, each time after a load of `trust` that mostly misses the cache (a household
 * drawn from the whole community). The tries read only `trust`, which the attendances do not
 * change, and the draws are the same, in the same order. A micro-benchmark on data of that run's
 * sizes (issue 16, part 16ak): 45–54 → 39–47 ns a try.
 */
function activities(rng: Rng, hh: CareWorld['households'], C: CareWorld['compounds'], participation: ParticipationCounts, day: number, places: number, chance: number, tiesPerAttendance: number): number {
  const { compound } = hh;
  const { socialCapital, households } = C;
  if (came.length < places) came = new Int32Array(places);
  const attended = comers(rng, hh.count, hh.trust, places, chance, came);
  for (let i = 0; i < attended; i++) {
    const h = came[i];
    tookPart(hh, participation, h, day);
    const c = compound[h];
    socialCapital[c] += (tiesPerAttendance * (1 - socialCapital[c])) / Math.max(1, households[c]);
  }
  return attended;
}

/**
 * The tries of the day's activities, without a branch on whether a household comes: each
 * household tried is written to `out`, whose count grows by 1 where it comes (0 or 1), and the
 * places left shrink by as much. Returns how many came. Up to three tries a place: the tries stop
 * when the places are taken or `places × 3` tries are made, `places` being those left (as ever).
 */
function comers(rng: Rng, n: number, trust: Float64Array, places: number, chance: number, out: Int32Array): number {
  let attended = 0;
  for (let k = 0; k < places * 3 && places > 0; k++) {
    const h = Math.floor(rng() * n);
    const comes = +bernoulli(rng, trust[h] * chance);
    out[attended] = h;
    attended += comes;
    places -= comes;
  }
  return attended;
}

const actor: CareActor<CareWorld> = {
  name: 'socialOrganisations',
  professional: false,
  project: true,
  hours: (w) => own(w).careHours,
  spend: (w, h) => { own(w).careHours -= h; },
};

const raiser: CharityRaiser<CareWorld> = {
  name: 'economicOrganisations',
  channel: 'socialEnterprises',
  yuan: (w) => (careOf(w).crisis ? 0 : own(w).hours.economic * w.scenario.socialOrganisations.yuanPerEconomicHour),
};

const coordinator: CareCoordinator<CareWorld> = {
  name: 'associationalOrganisations',
  assignments: (w) => own(w).hours.associational * w.scenario.socialOrganisations.assignmentsPerAssociationalHour,
};

export const socialOrganisations = defineModule<CareWorld, OrganisationsState>({
  name: 'socialOrganisations',
  description: 'Community social organisations of three types (paper 001): economic raise money, cultural run activities that build ties, associational coordinate; passive when used as administrative subcontractors; crisis care visits.',
  requires: ['communityCare', 'residentsCommittee'],
  params,
  init: () => ({ passivity: { economic: 0, cultural: 0, associational: 0 }, hours: { economic: 0, cultural: 0, associational: 0 }, careHours: 0, attendances: 0 }),
  processes: [projects],
  provides: { [CARE_ACTORS]: [actor], [CHARITY_RAISERS]: [raiser], [CARE_COORDINATORS]: [coordinator] },
  counters: [
    { name: 'organisationHours', unit: 'hours', description: "Social organisations' effective project hours today" },
    { name: 'activityAttendances', unit: 'households', description: 'Households that attended a cultural activity today' },
  ],
  metrics: [
    { name: 'organisationPassivity', unit: 'share', description: 'Mean passivity of the three organisation types (0 active – 1 passive)', sample: (w) => (own(w).passivity.economic + own(w).passivity.cultural + own(w).passivity.associational) / 3 },
  ],
  measures: {
    names: ['socialOrganisations.attendances', 'socialOrganisations.projectHours', 'socialOrganisations.finalPassivity'],
    summarise: (_w, st, { columns }) => ({
      socialOrganisations: {
        attendances: st.attendances,
        projectHours: sum(columns.organisationHours),
        finalPassivity: columns.organisationPassivity[columns.organisationPassivity.length - 1],
      },
    }),
  },
});
