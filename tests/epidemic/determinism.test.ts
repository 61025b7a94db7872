/** The epidemic is a pure function of scenario and seed: the same seed gives byte-identical outputs. */
import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

describe('epidemic determinism', () => {
  it('same scenario and seed, same bytes; another seed, another epidemic', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { 'community.compounds': 2, 'epidemic.initialInfections': 10 });
    const text = (seed: number) => {
      const r = runScenario(s, { seed });
      return timeseriesCsv(r) + summaryJson(r);
    };
    const a = text(5);
    expect(text(5)).toBe(a);
    expect(text(6)).not.toBe(a);
  });
});
