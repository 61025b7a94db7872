/**
 * The household layer alone: in a run where only households transmit, the observed secondary
 * attack rate (the share of a household's other members its first case infects) matches the
 * parameter — for exponential and Erlang-2 infectious times, since the household rate is derived
 * from the parameter for each shape. The latent time is made long here so that a secondary case
 * is rarely infectious while the first still is: otherwise it infects some contacts first, and
 * the first case's own share falls below the parameter (competing risks, not an error).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { mean } from '../helpers.js';
import { scenario, WELL_MIXED } from './helpers.js';

const householdOnly = (sar: number, shape: number) =>
  scenario(WELL_MIXED, {
    'epidemic.mixing': 'layered',
    'epidemic.transmission.householdSecondaryAttackRate': sar,
    'epidemic.course.durationShape': shape,
    'epidemic.course.latentDays': 20,
    'community.compounds': 20,
    'epidemic.initialInfections': 1000,
    'calendar.end': '2020-05-31',
  });

describe('household secondary attack rate', () => {
  for (const [sar, shape] of [[0.166, 2], [0.4, 1]] as const) {
    it(`SAR ${sar}, durations of shape ${shape}: observed within 2 points (mean of 3 seeds)`, () => {
      const s = householdOnly(sar, shape);
      const results = [1, 2, 3].map((seed) => runScenario(s, { seed }).summary.epidemic);
      const observed = results.map((e) => e.householdSecondaryAttackRate as number);
      console.log(`household SAR ${sar} (shape ${shape}): observed ${observed.map((x) => x.toFixed(4)).join(', ')} (mean ${mean(observed).toFixed(4)})`);
      // Only households transmit: every infection beyond the introductions is a household one.
      for (const e of results) expect(e.infections - e.infectionsByLayer.seed).toBe(e.infectionsByLayer.household);
      expect(Math.abs(mean(observed) - sar)).toBeLessThan(0.02);
    });
  }
});
