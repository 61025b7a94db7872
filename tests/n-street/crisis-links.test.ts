/**
 * Issue 13, item 6 — a claim to test, not to write in: a community with more embedding and a
 * lower administrative load responds to the lockdown in a more orderly way. Besides the stations'
 * trust (lockdown-after-reform.test.ts), the crisis reads two more states the normal period left
 * (docs/ODD.md §11): the engagement the party network built, which speeds the neighbours' point-
 * to-area spread (partyNetwork.mobilisation.crisisSpread), and the community workers' drain at the
 * onset, which takes cadre hours from reaching households (governanceLoad.crisisCarryOver). Each
 * comparison changes one normal-period mode on the lockdown-after-reform street; the crisis
 * parameters are the same. Means over five seeds, 12 of the 48 compounds. The effects are small
 * (a few per cent of the days households wait): stations and neighbours set the pace once the
 * first households are reached, which more cadre hours cannot hurry (003's saturation).
 */
import { describe, expect, it } from 'vitest';
import { gridOnly, meanOf, variant } from './helpers.js';

// The grid's crisis alone: the lockdown's provision modules do not change its measures.
const base = (overrides: Record<string, unknown> = {}) => gridOnly(variant('lockdown-after-reform', overrides));
const unmet = 'grid.mobilisation.meanDaysUnmet';
const recovery = 'grid.mobilisation.daysToRecovery';
const byDay7 = 'grid.mobilisation.shareByDay7';

describe('N street in the lockdown: embedding and load carried from the normal period (issue 13, papers 002–004)', { timeout: 300_000 }, () => {
  const presence = { 'partyNetwork.embedding': 'presence-only' };
  const noMoney = { 'governanceLoad.funding': 'tasks-without-money' };

  it('an embedded party network leaves less need unmet and recovers sooner than one present only from above', () => {
    expect(meanOf(base(), 'grid.onset.meanNeighbourFactor')).toBeGreaterThan(meanOf(base(presence), 'grid.onset.meanNeighbourFactor') + 0.1);
    expect(meanOf(base(), unmet)).toBeLessThan(meanOf(base(presence), unmet) - 0.05);
    expect(meanOf(base(), recovery)).toBeLessThan(meanOf(base(presence), recovery));
    expect(meanOf(base(), byDay7)).toBeGreaterThan(meanOf(base(presence), byDay7) + 0.005);
  });

  it('through the engagement it built: with crisisSpread 0 embedding makes no difference in the crisis', () => {
    const off = { 'partyNetwork.mobilisation.crisisSpread': 0 };
    expect(meanOf(base(off), unmet)).toBeCloseTo(meanOf(base({ ...presence, ...off }), unmet), 9);
    expect(meanOf(base(off), recovery)).toBeCloseTo(meanOf(base({ ...presence, ...off }), recovery), 9);
  });

  it('fees that follow tasks leave the cadres more hours and less need unmet than tasks without money', () => {
    expect(meanOf(base(), 'grid.onset.staffShare')).toBeGreaterThan(meanOf(base(noMoney), 'grid.onset.staffShare') + 0.1);
    expect(meanOf(base(), unmet)).toBeLessThan(meanOf(base(noMoney), unmet) - 0.03);
    expect(meanOf(base(), byDay7)).toBeGreaterThan(meanOf(base(noMoney), byDay7) + 0.005);
  });

  it('through the drain carried into the crisis: with crisisCarryOver 0 funding makes no difference in the crisis', () => {
    const off = { 'governanceLoad.crisisCarryOver': 0 };
    expect(meanOf(base(off), 'grid.onset.staffShare')).toBe(1);
    expect(meanOf(base(off), unmet)).toBeCloseTo(meanOf(base({ ...noMoney, ...off }), unmet), 9);
    expect(meanOf(base(off), recovery)).toBeCloseTo(meanOf(base({ ...noMoney, ...off }), recovery), 9);
  });
});
