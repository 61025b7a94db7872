/**
 * Validation of the epidemic against theory, well mixed with no response
 * (scenarios/epidemic/well-mixed-validation.yaml, ≈ 10,000 residents): the final attack rate
 * solves the SIR final-size equation z = 1 − exp(−R0·z), R0 < 1 gives only minor outbreaks, and
 * early growth matches the SEIR linearisation.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { mean } from '../helpers.js';
import { finalSize, scenario, seirGrowthRate, slope, WELL_MIXED } from './helpers.js';

const SEEDS = [1, 2, 3, 4];

describe('well-mixed epidemic, no response', () => {
  for (const r0 of [1.5, 2, 3]) {
    it(`R0 = ${r0}: the mean final attack rate is within 2 points of the final-size root`, () => {
      const s = scenario(WELL_MIXED, { 'epidemic.R0': r0 });
      const rates = SEEDS.map((seed) => runScenario(s, { seed }).summary.epidemic.attackRate as number);
      const z = finalSize(r0);
      console.log(`final size R0=${r0}: simulated ${rates.map((r) => r.toFixed(4)).join(', ')} (mean ${mean(rates).toFixed(4)}), equation ${z.toFixed(4)}`);
      expect(Math.abs(mean(rates) - z)).toBeLessThan(0.02);
    });
  }

  it('R0 = 0.8 gives minor outbreaks only', () => {
    const s = scenario(WELL_MIXED, { 'epidemic.R0': 0.8, 'calendar.end': '2020-06-30' });
    const rates = SEEDS.map((seed) => runScenario(s, { seed }).summary.epidemic.attackRate as number);
    console.log(`R0=0.8: attack rates ${rates.map((r) => r.toFixed(4)).join(', ')}`);
    // 10 introductions with R0 = 0.8 infect 10 / (1 − 0.8) = 50 people on average (0.5 %).
    for (const r of rates) expect(r).toBeLessThan(0.02);
  });

  for (const r0 of [2, 3]) {
    it(`R0 = ${r0}: early exponential growth matches the SEIR linearisation within 10 %`, () => {
      // ≈ 80,000 residents and 40 introductions, for a clean exponential phase long enough to fit.
      const s = scenario(WELL_MIXED, { 'epidemic.R0': r0, 'community.compounds': 80, 'epidemic.initialInfections': 40, 'calendar.end': '2020-03-10' });
      const n = s.community.compounds;
      const rates = SEEDS.slice(0, 3).map((seed) => {
        const result = runScenario(s, { seed });
        const N = result.summary.population.residents;
        const incidence = result.series.newInfections;
        // Fit the log of those infected (exposed or infectious) from when the introductions'
        // transient has passed (cumulative ≥ 0.2 %) until depletion would matter (≤ 2 %).
        const x: number[] = [];
        const y: number[] = [];
        let cumulative = 0;
        for (let t = 0; t < incidence.length; t++) {
          cumulative += incidence[t];
          const infected = result.series.residentsExposed[t] + result.series.residentsSymptomatic[t];
          if (cumulative >= 0.002 * N && cumulative <= 0.02 * N) {
            x.push(t);
            y.push(Math.log(infected));
          }
        }
        expect(x.length, `days in the fit window (${n} compounds)`).toBeGreaterThan(5);
        return slope(x, y);
      });
      const expected = seirGrowthRate(r0, s.epidemic.course.latentDays, s.epidemic.course.infectiousDays);
      const error = mean(rates) / expected - 1;
      console.log(`growth R0=${r0}: simulated ${rates.map((r) => r.toFixed(4)).join(', ')} per day (mean ${mean(rates).toFixed(4)}), linearisation ${expected.toFixed(4)}, error ${(100 * error).toFixed(1)} %`);
      expect(Math.abs(error)).toBeLessThan(0.1);
    }, 20_000);
  }
});
