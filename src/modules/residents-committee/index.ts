/**
 * The residents' committee (居委会; papers 000 and 004): a few staff, at a staffing norm per
 * 10,000 residents, who first do the administrative work pushed down from above — daily
 * temperature statistics for every household, gate duty under closed management (heavier at
 * the gates of compounds without a property company), tracing and disinfection when a case is
 * found — and only then have hours for anything else. The hours
 * left (`hoursFree`) are what the provision module spends on orders. A detected case is its
 * intervention.
 */
import { z } from 'zod';
import { defineModule, max, ratio, sum, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import { CLOSED_PHASES, CRISIS_PHASES, type PhaseName } from '../lockdown/index.js';
import { atLeast, nonNegative, p, positiveCount, section, sections, share, U } from '../../scenario/params.js';
import { gateDutyHours } from './gate-duty.js';

// ─── parameters ───
export const params = sections({
  residentsCommittee: () => section("the residents' committee (RC) and its workload", {
    staffingBasis: p(z.enum(['residents', 'households']), "paper 004's staffing norm in force: per 10,000 residents (staffPer10000Residents) or per households (householdsPerPost)"),
    staffPer10000Residents: p(nonNegative, "residents' committee (居委会) staff per 10,000 residents; the staff hours are this × residents ÷ 10,000 full-time posts × hoursPerDay, not rounded (a fraction is a part-time post)", U.perTenThousand),
    householdsPerPost: p(atLeast(1), 'staffingBasis households: households for each full-time post (the posts are households ÷ this, not rounded)', U.count),
    hoursPerDay: p(nonNegative, 'working hours of each staff member', U.hoursPerDay),
    adminMinutesPerHousehold: p(nonNegative, 'daily temperature statistics, per household', U.minutes),
    gateDutyHoursPerCompound: z
      .object({
        withPropertyCompany: p(nonNegative, "RC staff hours a day at the gate of a compound whose property company mans it (checking passes, supervising)", U.hoursPerDay),
        withoutPropertyCompany: p(nonNegative, 'RC staff hours a day at the gate of a compound with no property company, where the RC must man it', U.hoursPerDay),
      })
      .strict()
      .meta({ description: 'gate duty under closed management, per compound: each compound has its gate whatever its size (papers 000, 003)' }),
    orderMinutes: p(nonNegative, 'tallying, procurement and delivery to the gate, per order', U.minutes),
    withoutAuthority: z
      .object({
        temperatureStatistics: p(share, 'share of the daily temperature statistics that needs no staff authority (phone checks on elders, collecting the forms), so volunteers may do it', U.share),
        gateDuty: p(share, 'share of gate duty that needs no staff authority (checking temperatures, turning people back); issuing passes stays with staff', U.share),
      })
      .strict()
      .meta({ description: "RC tasks volunteers may take over; case tracing and passes need staff authority and stay with staff" }),
  }),
});

const caseDetectedArgs = z.object({
  // At most 10,000 hours a day: a thousand staff round the clock; more is a typo (1e308 would
  // make the day's demand Infinity).
  extraAdminHours: p(nonNegative.max(10_000), 'RC staff hours per day of tracing and disinfection', U.hoursPerDay),
  days: p(positiveCount, 'how many days the extra work lasts', U.days),
});

/**
 * RC staff off work today (ill, in quarantine), contributed by other modules (an epidemic). None
 * contributed: every staff member works, as in the lockdown model.
 */
export const RC_ABSENCES = 'residentsCommittee.absences';
export interface RcAbsence<W = CommunityWorld> {
  absent(world: W): number;
}

// ─── state ───
export interface RcState {
  /** Extra administrative hours per day from detected cases, until a day. */
  surges: { hours: number; untilDay: number }[];
  /** Staff hours today, and those left after administration (spent on orders during the day). */
  hoursAvailable: number;
  hoursFree: number;
  /** Today's administrative hours, and those of them volunteers may still take (no staff authority needed). */
  admin: number;
  withoutAuthority: number;
}

/**
 * Residents' committee posts, in full-time equivalents: the scenario's staffing norm applied to
 * this community's size, not rounded. The hours are pooled: 5.6 posts are five full-time staff and
 * a part-timer (or street cadres lent for part of the day), not six or five people. Rounding the
 * headcount made per-capita outcomes depend on the community's size — half the default community
 * had 6 staff for 5.6 posts, double it 23 for 22.6 — which a norm per 10,000 residents must not do.
 *
 * Paper 004 四(三) offers two norms: at least 18 per 10,000 residents, or one per 150–200
 * households. They differ where households are small: the RC's work (temperature statistics,
 * orders) comes per household, so a community without children has as much work as one with them
 * but, under the per-resident norm, fewer posts.
 */
export function rcPosts(world: CommunityWorld): number {
  const rc = world.scenario.residentsCommittee;
  return rc.staffingBasis === 'households'
    ? world.households.count / rc.householdsPerPost
    : (rc.staffPer10000Residents * world.residents.count) / 10_000;
}

/** Residents' committee staff as people (the posts, rounded), for modules that pick who they are. */
export function rcStaff(world: CommunityWorld): number {
  return Math.round(rcPosts(world));
}

/**
 * Volunteers take up to `hours` of today's administrative tasks that need no staff authority;
 * the staff's hours they free go to orders. Returns the hours taken.
 */
export function takeRcTasks(world: CommunityWorld, hours: number): number {
  const own = world.state.residentsCommittee as RcState | undefined;
  if (!own || hours <= 0) return 0;
  const taken = Math.min(hours, own.withoutAuthority);
  if (taken <= 0) return 0;
  own.withoutAuthority -= taken;
  // The staff gain free hours only for the part of the relief that brings administration below
  // their hours: relief of staff who are swamped lowers the overload first.
  const freed = Math.max(0, own.hoursAvailable - (own.admin - taken)) - Math.max(0, own.hoursAvailable - own.admin);
  own.admin -= taken;
  own.hoursFree += freed;
  world.today.adminHours -= taken;
  world.today.staffHoursDemanded -= taken;
  world.today.volunteerRcHours += taken;
  return taken;
}

// ─── behaviour ───
const labour: ModuleProcess<CommunityWorld, RcState> = {
  name: 'rcLabour',
  slot: 'morning',
  step(world, own, ctx) {
    const rc = world.scenario.residentsCommittee;
    own.surges = own.surges.filter((s) => s.untilDay > ctx.day);
    const crisis = CRISIS_PHASES.includes(ctx.phase as PhaseName);
    const closed = CLOSED_PHASES.includes(ctx.phase as PhaseName);
    const statistics = crisis ? (world.households.count * rc.adminMinutesPerHousehold) / 60 : 0;
    const gate = crisis && closed ? gateDutyHours(world) : 0;
    const admin = crisis ? statistics + gate + own.surges.reduce((n, x) => n + x.hours, 0) : 0;
    own.admin = admin;
    // Read only in a crisis, so the normal period does not depend on it (warm starts).
    own.withoutAuthority = crisis ? statistics * rc.withoutAuthority.temperatureStatistics + gate * rc.withoutAuthority.gateDuty : 0;
    let staff = rcPosts(world);
    for (const a of ctx.provided<RcAbsence>(RC_ABSENCES)) staff = Math.max(0, staff - a.absent(world));
    own.hoursAvailable = staff * rc.hoursPerDay;
    own.hoursFree = Math.max(0, own.hoursAvailable - admin);
    world.today.adminHours = admin;
    // Other modules add the hours their work demands of the staff (orders, carrying).
    world.today.staffHoursDemanded = admin;
  },
};

export const residentsCommittee = defineModule<CommunityWorld, RcState>({
  name: 'residentsCommittee',
  description: "The residents' committee's staff hours, spent first on administration pushed down from above (papers 000, 004); a detected case adds tracing work.",
  requires: ['lockdown', 'community'],
  params,
  init: () => ({ surges: [], hoursAvailable: 0, hoursFree: 0, admin: 0, withoutAuthority: 0 }),
  processes: [labour],
  counters: [
    { name: 'staffHoursDemanded', unit: 'hours', description: "RC staff hours the day's work called for: administration, every waiting order, and carrying no one else could" },
    { name: 'adminHours', unit: 'hours', description: 'RC hours taken by administrative tasks (temperature statistics, gate duty, case tracing), after what volunteers took over' },
    { name: 'volunteerRcHours', unit: 'hours', description: "Hours of the RC's administrative tasks volunteers took over today (temperature statistics, gate duty support)" },
  ],
  metrics: [
    { name: 'staffHoursAvailable', unit: 'hours', description: 'RC staff hours available (posts × hours per day, less absences)', sample: (w) => (w.state.residentsCommittee as RcState).hoursAvailable },
    {
      // No ratio without staff hours: such a day is blank here and counted in staff.daysWithoutStaff.
      name: 'staffOverload', unit: 'ratio', description: 'Staff hours demanded over available; above 1 the RC is overloaded; blank on a day with no staff hours',
      sample: (w) => ratio(w.today.staffHoursDemanded, (w.state.residentsCommittee as RcState).hoursAvailable),
    },
  ],
  interventions: [
    {
      name: 'caseDetected',
      description: 'a case in the community adds tracing and disinfection work',
      args: caseDetectedArgs,
      apply(_world, own, event, ctx) {
        own.surges.push({ hours: event.extraAdminHours as number, untilDay: ctx.day + (event.days as number) });
      },
    },
  ],
  measures: {
    names: ['staff.peakOverload', 'staff.overloadedDays', 'staff.daysWithoutStaff', 'staff.hoursDemanded', 'staff.hoursAvailable', 'population.rcStaff', 'population.rcPosts'],
    summarise: (world, _own, { columns }) => ({
      staff: {
        // null when no day had staff hours (then no ratio exists; see daysWithoutStaff).
        peakOverload: Number.isFinite(max(columns.staffOverload)) ? max(columns.staffOverload) : null,
        // Days the work asked more hours than the staff had, those with no staff at all included.
        overloadedDays: columns.staffHoursDemanded.filter((demanded, d) => demanded > columns.staffHoursAvailable[d]).length,
        daysWithoutStaff: columns.staffHoursDemanded.filter((demanded, d) => demanded > 0 && columns.staffHoursAvailable[d] === 0).length,
        hoursDemanded: sum(columns.staffHoursDemanded),
        hoursAvailable: sum(columns.staffHoursAvailable),
      },
      population: { rcStaff: rcStaff(world), rcPosts: rcPosts(world) },
    }),
  },
});
