/**
 * The epidemic keeps households' quarantine days in 16-bit columns (issue 16, part n: 2 bytes a
 * household each rather than 4), so a scenario whose run with its quarantine would outlast day
 * 32,767 is refused at load with a located error instead of wrapping round (past the size ceiling,
 * so only with allowLarge).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/load.js';
import { LOCKDOWN_EPIDEMIC } from './helpers.js';

const load = (end: string) => loadScenario(LOCKDOWN_EPIDEMIC, { 'calendar.end': end, 'epidemic.response.quarantineDays': 14 }, { allowLarge: true }).scenario;

describe('the 16-bit day columns', () => {
  it('refuse a run that outlasts them, at load', () => {
    expect(() => load('2110-01-01')).toThrow(ScenarioError);
    expect(() => load('2110-01-01')).toThrow(/epidemic keeps households' quarantine days in 16 bits/);
  });
  it('take a run of 89 years with its quarantine', () => {
    expect(load('2109-01-01').calendar.end).toBe('2109-01-01');
  });
});
