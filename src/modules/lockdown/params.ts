/** Parameters of the lockdown timeline (paper 000): the date of each step, or null. */
import type { z } from 'zod';
import { isoDate, p, section, sections } from '../../scenario/params.js';

export const params = sections({
  timeline: () => section('the lockdown steps, in this order; a date or a whole number of days after calendar.start, or null for a step that never comes', {
    roadClosure: p(isoDate.nullable(), 'all road traffic closed; ordinary supply disrupted. The shock date.'),
    movementControl: p(isoDate.nullable(), 'households may go out once every few days'),
    closedManagement: p(isoDate.nullable(), 'no outings without a pass; the early provision regime starts'),
    regimeSwitch: p(isoDate.nullable(), 'the later provision regime replaces the early one'),
    reopening: p(isoDate.nullable(), 'closure ends; outings resume'),
  }),
});
export type Timeline = z.output<typeof params.timeline>;
