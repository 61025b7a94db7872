/**
 * The community workers and their month (paper 004): tasks pushed down through the layers, and
 * the hours left for residents.
 *
 * Each line department pushes its tasks down, and temporary tasks come on top; every task passes
 * the street office, the residents' committee, the grid and the compound, each spending its
 * handling hours on it. Carrying a task out among the residents — visits, forms, statistics —
 * falls on the community workers unless money and people come with the task (费随事转); temporary
 * tasks never bring any. What is left of the workers' hours, after secondments and the
 * administrative work, is their service: if it falls short of what the grid's and community's
 * capacity to take up issues needs, that capacity shrinks in proportion (read by the
 * issue-routing module through `issueRouting.staffTime`).
 *
 * Workers leave with a chance that rises as their pay falls short of the local wage and as the
 * hours asked of them exceed their hours; vacancies take months to fill. So an administrative
 * load that crowds out service also thins the staff who would give it.
 */
import { dayOfMonth, logistic, type ModuleProcess } from '../../engine/index.js';
import type { GovernanceLoadParams, Layer } from './params.js';
import { LAYERS } from './params.js';

export interface Month {
  /** Hours of task work landing on each layer, and the staff hours it has, for the whole area. */
  hours: Record<Layer, number>;
  staffHours: Record<Layer, number>;
  /** Community workers' hours: available (present), administrative, service, service needed. */
  available: number;
  admin: number;
  service: number;
  needed: number;
}

export interface WorkforceState {
  /** Residents of the area, in tens of thousands. */
  per10000: number;
  norm: number;
  employed: number;
  seconded: number;
  quits: number;
  hires: number;
  /** Months recorded, and the sums of each layer's hours and staff hours over them. */
  months: number;
  loadHours: Record<Layer, number>;
  loadStaffHours: Record<Layer, number>;
  adminHours: number;
  availableHours: number;
  serviceHours: number;
  neededHours: number;
  employedMonths: number;
  /** This month's share of the needed service the workers have time for (1: all of it). */
  staffTime: number;
  /** This month's hours left after administration, over the staffing norm's hours (1: a full staff free of tasks). */
  freeShare: number;
}

const zero = () => Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
export const zeroByLayer = zero;

/** One month's task flow and the community workers' hours, given who is present. */
export function monthOf(s: GovernanceLoadParams, per10000: number, present: number, issueCapacityPer10000: number): Month {
  const L = s.layers;
  const regular = s.departments * s.tasksPerDepartmentPerMonth;
  const tasks = regular + s.temporaryTasksPerMonth;
  const hours = zero();
  const staffHours = zero();
  for (const layer of LAYERS) {
    hours[layer] = tasks * L[layer].hoursPerTask * per10000;
    staffHours[layer] = L[layer].staffPer10000 * L[layer].hoursPerMonth * per10000 * (layer === 'department' ? s.departments : 1);
  }
  // Carrying tasks out among residents: paid for when money follows the task, never for temporary ones.
  const unpaid = (s.funding === 'fees-follow-tasks' ? 0 : regular) + s.temporaryTasksPerMonth;
  hours.community += unpaid * s.executionHours * per10000;
  const available = present * L.community.hoursPerMonth;
  staffHours.community = available;
  const admin = hours.community;
  const service = Math.max(0, available - admin);
  const needed = issueCapacityPer10000 * per10000 * s.serviceHoursPerIssue;
  return { hours, staffHours, available, admin, service, needed };
}

export const communityWorkers: ModuleProcess<any, WorkforceState> = {
  name: 'communityWorkers',
  slot: 'dawn',
  step(world, st, ctx) {
    if (dayOfMonth(ctx.date) !== 1) return;
    const s = world.scenario.governanceLoad as GovernanceLoadParams;
    const routing = world.scenario.issueRouting as { grid: { issuesPerMonth: number }; community: { issuesPerMonth: number } } | undefined;
    const capacity = routing ? routing.grid.issuesPerMonth + routing.community.issuesPerMonth : 0;
    // Secondments this month: each worker away with the given chance.
    let seconded = 0;
    for (let k = 0; k < st.employed; k++) if (ctx.rng() < s.secondedShare) seconded++;
    st.seconded = seconded;
    const m = monthOf(s, st.per10000, st.employed - seconded, capacity);
    st.staffTime = m.needed > 0 ? Math.min(1, m.service / m.needed) : 1;
    const normHours = st.norm * s.layers.community.hoursPerMonth;
    st.freeShare = normHours > 0 ? Math.min(1, m.service / normHours) : 1;
    st.months++;
    for (const layer of LAYERS) {
      st.loadHours[layer] += m.hours[layer];
      st.loadStaffHours[layer] += m.staffHours[layer];
    }
    st.adminHours += m.admin;
    st.availableHours += m.available;
    st.serviceHours += m.service;
    st.neededHours += m.needed;
    st.employedMonths += st.employed;
    // Turnover: low pay and hours asked beyond hours had; vacancies filled over months.
    const t = s.turnover;
    const overload = m.available > 0 ? Math.max(0, (m.admin + m.needed) / m.available - 1) : 0;
    const quit = logistic(t.base + t.perPayGap * Math.max(0, 1 - t.payRatio) + t.perOverload * overload);
    let quits = 0;
    for (let k = 0; k < st.employed; k++) if (ctx.rng() < quit) quits++;
    let hires = 0;
    for (let k = 0; k < st.norm - st.employed; k++) if (ctx.rng() < 1 / t.hiringMonths) hires++;
    st.employed += hires - quits;
    st.quits += quits;
    st.hires += hires;
  },
};
