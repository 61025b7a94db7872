/**
 * The crisis timeline of paper 000 (H city command HQ, 2020) as engine phases: normal →
 * road closure (ordinary supply disrupted) → movement control (out once every few days) →
 * closed management under the early provision regime → the later regime → reopening.
 */
import type { Calendar } from '../../engine/index.js';
import type { Timeline as TimelineParams } from './params.js';

export const PHASES = {
  normal: 'normal',
  roadClosure: 'roadClosure',
  movementControl: 'movementControl',
  closedEarly: 'closedEarly',
  closedLater: 'closedLater',
  reopened: 'reopened',
} as const;
export type PhaseName = (typeof PHASES)[keyof typeof PHASES];

/** Phases in which households may go out to shop. */
export const OUTING_PHASES: readonly PhaseName[] = [PHASES.normal, PHASES.roadClosure, PHASES.movementControl, PHASES.reopened];
/** Phases of closed management, when the community provides. */
export const CLOSED_PHASES: readonly PhaseName[] = [PHASES.closedEarly, PHASES.closedLater];
/** Phases with epidemic administrative work for the RC. */
export const CRISIS_PHASES: readonly PhaseName[] = [PHASES.roadClosure, PHASES.movementControl, PHASES.closedEarly, PHASES.closedLater];

/** The lockdown steps in the order they come. */
export const STEPS = ['roadClosure', 'movementControl', 'closedManagement', 'regimeSwitch', 'reopening'] as const;

export function phasesOf(s: { timeline: TimelineParams }, calendar: Calendar): { name: PhaseName; startDay: number }[] {
  const t = s.timeline;
  const dated: [PhaseName, string | null][] = [
    [PHASES.roadClosure, t.roadClosure],
    [PHASES.movementControl, t.movementControl],
    [PHASES.closedEarly, t.closedManagement],
    [PHASES.closedLater, t.regimeSwitch],
    [PHASES.reopened, t.reopening],
  ];
  const phases: { name: PhaseName; startDay: number }[] = [{ name: PHASES.normal, startDay: 0 }];
  for (const [name, date] of dated) if (date !== null) phases.push({ name, startDay: calendar.dayOf(date) });
  return phases;
}
