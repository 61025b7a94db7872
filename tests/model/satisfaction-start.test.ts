/**
 * Satisfaction starts at its steady state (issue 11): in the normal period nothing about provision
 * changes, so mean satisfaction must stay flat there, not climb from an assumed starting value.
 * And it still moves when provision does: it falls through the early regime (checked in
 * stylized-facts.test.ts), so flatness is not a frozen score.
 */
import { describe, expect, it } from 'vitest';
import { qScenario, replicates } from '../helpers.js';

describe('mean satisfaction in the normal period', () => {
  const runs = replicates(qScenario('lockdown-2020'), 3);

  it('is flat within 0.01 from the first day to the road closure', () => {
    for (const r of runs) {
      const normal = r.phases.map((p, i) => (p === 'normal' ? r.series.meanSatisfaction[i] : NaN)).filter((x) => !Number.isNaN(x));
      expect(normal.length).toBeGreaterThan(7);
      expect(Math.max(...normal) - Math.min(...normal)).toBeLessThan(0.01);
    }
  });

  it('moves once the lockdown bites', () => {
    for (const r of runs) expect(Math.min(...r.series.meanSatisfaction)).toBeLessThan(r.series.meanSatisfaction[0] - 0.05);
  });
});

describe('satisfaction with every weight 0', () => {
  // No score to move toward: every household is content (1) from the start and stays so, and the
  // mean reads the sum of the unmoved scores (the step's path without weights).
  const zero = { 'satisfaction.weights.basic': 0, 'satisfaction.weights.personal': 0, 'satisfaction.weights.price': 0, 'satisfaction.weights.variety': 0 };
  const [run] = replicates(qScenario('lockdown-2020', zero), 1);

  it('is 1 every day, through the lockdown', () => {
    expect(run.series.meanSatisfaction.length).toBeGreaterThan(30);
    for (const x of run.series.meanSatisfaction) expect(x).toBe(1);
  });
});
