/**
 * The lockdown timeline of paper 000 (Xiao & Huang 2022): the dated steps by which H city closed
 * down in 2020 — road closure, movement control, closed management, the switch of provision
 * regime, reopening — as the phases every other module reads. It knows nothing of who provides
 * what in each phase; it only says which phase a day is in.
 */
import { defineModule, type Calendar } from '../../engine/index.js';
import { params, type Timeline } from './params.js';
import { phasesOf, STEPS } from './phases.js';

export const lockdown = defineModule({
  name: 'lockdown',
  description: "The lockdown steps of paper 000 as phases: normal, road closure, movement control, closed management (early, then later regime), reopening.",
  params,
  check(s: { calendar: { start: string; end: string }; timeline: Timeline }) {
    // The lockdown escalates in this order; a later step may be absent (null) but not earlier.
    const problems: { path: (string | number)[]; message: string }[] = [];
    let previous: { key: string; date: string } | undefined;
    for (const key of STEPS) {
      const date = s.timeline[key];
      if (date === null) continue;
      if (date < s.calendar.start || date > s.calendar.end) {
        problems.push({ path: ['timeline', key], message: `${date} is outside the run (${s.calendar.start} to ${s.calendar.end})` });
      }
      if (previous && date < previous.date) {
        problems.push({ path: ['timeline', key], message: `${key} (${date}) comes before ${previous.key} (${previous.date})` });
      }
      previous = { key, date };
    }
    if (s.timeline.regimeSwitch !== null && s.timeline.closedManagement === null) {
      problems.push({ path: ['timeline', 'regimeSwitch'], message: 'a regime switch needs a closedManagement date before it' });
    }
    return problems;
  },
  phases: (s: { timeline: Timeline }, calendar: Calendar) => phasesOf(s, calendar),
});

export { PHASES, OUTING_PHASES, CLOSED_PHASES, CRISIS_PHASES, phasesOf, type PhaseName } from './phases.js';
export { params as lockdownParams, type Timeline } from './params.js';
