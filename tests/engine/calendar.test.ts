import { describe, expect, it } from 'vitest';
import { Calendar, toEpochDay } from '../../src/engine/calendar.js';
import { Timeline } from '../../src/engine/timeline.js';

describe('calendar', () => {
  it('maps days to dates across a leap day', () => {
    const c = new Calendar('2020-02-27', '2020-03-02');
    expect(c.days).toBe(5);
    expect(c.dateOf(2)).toBe('2020-02-29');
    expect(c.dayOf('2020-03-01')).toBe(3);
  });

  it('rejects what is not a date', () => {
    expect(() => toEpochDay('2020-02-30')).toThrow(/not a calendar date/);
    expect(() => toEpochDay('24/01/2020')).toThrow(/YYYY-MM-DD/);
    expect(() => new Calendar('2020-02-02', '2020-02-01')).toThrow(/before start/);
  });
});

describe('timeline', () => {
  it('gives each day the last phase started and the events dated that day', () => {
    const t = new Timeline([{ name: 'normal', startDay: 0 }, { name: 'crisis', startDay: 3 }], [{ day: 4, type: 'case' }]);
    expect([0, 2, 3, 9].map((d) => t.phaseAt(d))).toEqual(['normal', 'normal', 'crisis', 'crisis']);
    expect(t.eventsOn(4).map((e) => e.type)).toEqual(['case']);
    expect(t.eventsOn(5)).toEqual([]);
  });
});
