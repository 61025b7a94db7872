/**
 * The residents' committee (居委会; papers 000 and 004): a few staff, at a staffing norm per
 * 10,000 residents, who first do the administrative work pushed down from above — daily
 * temperature statistics for every household, gate duty under closed management, tracing and
 * disinfection when a case is found — and only then have hours for anything else. The hours
 * left (`hoursFree`) are what the provision module spends on orders. A detected case is its
 * intervention.
 */
import { z } from 'zod';
import { defineModule, max, ratio, sum, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import { CLOSED_PHASES, CRISIS_PHASES, type PhaseName } from '../lockdown/index.js';
import { nonNegative, p, positiveCount, section, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = {
  residentsCommittee: section("the residents' committee (RC) and its workload", {
    staffPer10000Residents: p(nonNegative, "residents' committee (居委会) staff per 10,000 residents; the staff count is this × residents ÷ 10,000, rounded", U.perTenThousand),
    hoursPerDay: p(nonNegative, 'working hours of each staff member', U.hoursPerDay),
    adminMinutesPerHousehold: p(nonNegative, 'daily temperature statistics, per household', U.minutes),
    gateDutyHoursPerCompound: p(nonNegative, 'RC staff hours of gate duty per compound per day under closed management', U.hoursPerDay),
    orderMinutes: p(nonNegative, 'tallying, procurement and delivery to the gate, per order', U.minutes),
    withoutAuthority: z
      .object({
        temperatureStatistics: p(share, 'share of the daily temperature statistics that needs no staff authority (phone checks on elders, collecting the forms), so volunteers may do it', U.share),
        gateDuty: p(share, 'share of gate duty that needs no staff authority (checking temperatures, turning people back); issuing passes stays with staff', U.share),
      })
      .strict()
      .meta({ description: "RC tasks volunteers may take over; case tracing and passes need staff authority and stay with staff" }),
  }),
};

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

/** Residents' committee staff: the scenario's staffing norm applied to this community's size. */
export function rcStaff(world: CommunityWorld): number {
  return Math.round((world.scenario.residentsCommittee.staffPer10000Residents * world.residents.count) / 10_000);
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
    const gate = crisis && closed ? world.compounds.count * rc.gateDutyHoursPerCompound : 0;
    const admin = crisis ? statistics + gate + own.surges.reduce((n, x) => n + x.hours, 0) : 0;
    own.admin = admin;
    // Read only in a crisis, so the normal period does not depend on it (warm starts).
    own.withoutAuthority = crisis ? statistics * rc.withoutAuthority.temperatureStatistics + gate * rc.withoutAuthority.gateDuty : 0;
    let staff = rcStaff(world);
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
    { name: 'staffHoursAvailable', unit: 'hours', description: 'RC staff hours available (staff × hours per day)', sample: (w) => (w.state.residentsCommittee as RcState).hoursAvailable },
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
    names: ['staff.peakOverload', 'staff.overloadedDays', 'staff.daysWithoutStaff', 'staff.hoursDemanded', 'staff.hoursAvailable', 'population.rcStaff'],
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
      population: { rcStaff: rcStaff(world) },
    }),
  },
});
