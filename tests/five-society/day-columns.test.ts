/**
 * Community care keeps day numbers in 16-bit columns (careDue, lastVisit, informedDay,
 * lastParticipation): a run whose days would go past day 32,767 is refused at load with the reason
 * and the path (calendar.end), not left to wrap around; one that stays below runs.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { problemsOf } from '../scenario/helpers.js';
import { ROOT } from '../helpers.js';
import { SMALL } from './helpers.js';

const scenario = (end: string) =>
  loadScenario(resolve(ROOT, 'scenarios/five-society/five-society.yaml'), { ...SMALL, 'calendar.end': end }, { allowLarge: true }).scenario;

describe('16-bit day columns of community care', () => {
  it('refuses, at load, a run that would go past day 32,767, naming calendar.end', () => {
    const problem = problemsOf(() => scenario('2110-01-01')).find((p) => p.message.includes('community care keeps days in 16 bits'));
    expect(problem?.path).toBe('calendar.end');
    expect(problem?.message).toMatch(/to day 32767.*shorten the run/);
  });
  it('builds a run of many years below it', () => {
    expect(() => createSimulation(scenario('2080-01-01'), 'days')).not.toThrow();
  });
});
