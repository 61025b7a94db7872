/** Timeline dates as day offsets from calendar.start become ISO dates before validation. */
import { describe, expect, it } from 'vitest';
import { normaliseDates } from '../../src/scenario/dates.js';
import { defaultWith, load, problemsOf } from './helpers.js';

describe('day offsets', () => {
  it('give the same scenario as the dates they stand for', () => {
    // 2020-01-10 + 14 = 2020-01-24; + 46 = 2020-02-25 (2020 is a leap year: 2020-02-29 exists).
    const text = defaultWith(
      ['roadClosure: { value: 2020-01-24', 'roadClosure: { value: 14'],
      ['regimeSwitch: { value: 2020-02-25', 'regimeSwitch: { value: 46'],
      ['events: []', 'events:\n  - { date: 50, type: caseDetected, extraAdminHours: 2, days: 3 }'],
    );
    const { scenario, document } = load({ 's.yaml': text }, 's.yaml');
    const base = load({}, 'base.yaml').scenario;
    expect(scenario.timeline).toEqual(base.timeline);
    expect(scenario.events[0].date).toBe('2020-02-29');
    // The document keeps what the user wrote (it is what a manifest records).
    expect((document.timeline as any).regimeSwitch.value).toBe(46);
  });

  it('work with --set, and are validated like dates', () => {
    expect(load({}, 'base.yaml', { 'timeline.regimeSwitch': 40 }).scenario.timeline.regimeSwitch).toBe('2020-02-19');
    const [p] = problemsOf(() => load({}, 'base.yaml', { 'timeline.reopening': 200 }));
    expect(p).toMatchObject({ path: 'timeline.reopening', message: '2020-07-28 is outside the run (2020-01-10 to 2020-04-15)' });
  });

  it('must be whole numbers', () => {
    const [p] = problemsOf(() => load({}, 'base.yaml', { 'timeline.reopening': 70.5 }));
    expect(p.message).toBe('expected a date (YYYY-MM-DD) or a whole number of days after calendar.start or null, found the number 70.5');
  });

  it('are left alone when calendar.start is unusable, for validation to report', () => {
    const doc = { calendar: { start: 'soon' }, timeline: { roadClosure: 3 } };
    expect(normaliseDates(doc)).toEqual(doc);
    expect(normaliseDates({ calendar: { start: '2020-01-01' }, timeline: { a: 1e12 } })).toEqual({ calendar: { start: '2020-01-01' }, timeline: { a: 1e12 } });
  });
});
