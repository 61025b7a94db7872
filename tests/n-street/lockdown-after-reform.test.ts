/**
 * Paper 002's claim, to test and not to write in: a street that built self-governance in normal
 * times responds to the lockdown in a more orderly way. The two scenarios differ only in the
 * reform (stations and joint meetings); the crisis parameters are the same. In the model the
 * difference can only arise through what the normal period left behind: a station in every
 * compound is a latent self-organisation that has met the grid monthly for years, and answers the
 * RC's call within days; and the party network, embedded in the stations, built engagement that
 * speeds neighbours' spread (docs/ODD.md §11). Means over five seeds, 12 of the 48 compounds.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { runScenario, runSeedOf } from '../../src/experiment/run.js';
import { branch, branchProblems, warmUp } from '../../src/experiment/warm-start.js';
import { ROOT } from '../helpers.js';
import { gridOnly, mean, pick, runs, SMALL } from './helpers.js';

const cache = new Map<string, Scenario>();
const full = (name: string, overrides: Record<string, unknown> = {}) => {
  const key = name + JSON.stringify(overrides);
  if (!cache.has(key)) cache.set(key, loadScenario(resolve(ROOT, 'scenarios/n-street', `${name}.yaml`), { ...SMALL, ...overrides }).scenario);
  return cache.get(key)!;
};
// The grid's crisis alone (the lockdown's provision modules are lockdown-provision.test.ts's):
// they do not change the grid's measures (the first test), and cost five times as much to run.
const load = (name: string, overrides: Record<string, unknown> = {}) => gridOnly(full(name, overrides));
const m = (s: Scenario, path: string) => mean(runs(s).map((r) => pick(r.summary, path)));

describe('N street: lockdown after the reform against lockdown without it (papers 002, 003)', { timeout: 120_000 }, () => {
  const after = load('lockdown-after-reform');
  const without = load('lockdown-without-reform');

  it('the grid reads nothing of the lockdown\u2019s provision: its measures are the same without those modules', () => {
    const withProvision = runScenario(full('lockdown-after-reform'), { replicate: 0 }).summary as any;
    expect(withProvision.resilience).toBeDefined();
    expect(withProvision.grid).toEqual((runs(after)[0].summary as any).grid);
  });

  it('the two differ only in the reform: stations and joint meetings', () => {
    const { mutualAid: a, events: ea, ...restA } = after as any;
    const { mutualAid: b, events: eb, ...restB } = without as any;
    expect({ ...restA, name: '', description: '' }).toEqual({ ...restB, name: '', description: '' });
    expect(m(without, 'stations.count')).toBe(0);
    expect(m(after, 'stations.count')).toBe(12);
  });

  it('the reformed street leaves less need unmet and recovers faster', () => {
    expect(m(after, 'grid.mobilisation.meanDaysUnmet')).toBeLessThan(m(without, 'grid.mobilisation.meanDaysUnmet') - 1);
    expect(m(after, 'grid.mobilisation.daysToRecovery')).toBeLessThan(m(without, 'grid.mobilisation.daysToRecovery') - 2);
    expect(m(after, 'grid.mobilisation.shareByDay7')).toBeGreaterThan(m(without, 'grid.mobilisation.shareByDay7') + 0.15);
  });

  // The reform reaches the crisis through two channels: the stations as latent self-organisations,
  // and the engagement the party network built by serving inside them, which speeds neighbours'
  // spread (crisis-links.test.ts). Each knock-out below isolates one.
  const noEngagement = { 'partyNetwork.mobilisation.crisisSpread': 0 };

  it('through the latent self-organisations the stations are and the engagement: with both off, the reform makes no difference', () => {
    const off = { 'gridMobilisation.selfOrganisations.reachPerDay': 0, ...noEngagement };
    expect(m(load('lockdown-after-reform', off), 'grid.mobilisation.meanDaysUnmet'))
      .toBeCloseTo(m(load('lockdown-without-reform', off), 'grid.mobilisation.meanDaysUnmet'), 9);
  });

  it('with the organisations mobilising no one, the engagement alone still leaves the reformed street less need unmet', () => {
    const off = { 'gridMobilisation.selfOrganisations.reachPerDay': 0 };
    expect(m(load('lockdown-after-reform', off), 'grid.mobilisation.meanDaysUnmet'))
      .toBeLessThan(m(load('lockdown-without-reform', off), 'grid.mobilisation.meanDaysUnmet') - 0.3);
  });

  it('and through the trust the stations built: without it the stations\u2019 share of the advantage shrinks by more than half', () => {
    const noGain = { 'gridMobilisation.selfOrganisations.trustGainPerMeeting': 0, ...noEngagement };
    const gap = (extra: Record<string, unknown>) =>
      m(load('lockdown-without-reform', extra), 'grid.mobilisation.meanDaysUnmet') - m(load('lockdown-after-reform', extra), 'grid.mobilisation.meanDaysUnmet');
    expect(gap(noGain)).toBeLessThan(gap(noEngagement) / 2);
    expect(m(load('lockdown-after-reform', noGain), 'grid.selfOrganisations.meanActivationDays'))
      .toBeGreaterThan(m(after, 'grid.selfOrganisations.meanActivationDays') + 3);
  });

  it('the street as the reform left it can be warm-started into crisis variants; the no-reform street cannot branch from it', () => {
    const warm = warmUp(after, runSeedOf(3, 1));
    const faster = load('lockdown-after-reform', { 'gridMobilisation.crisis.contactsPerCadrePerDay': 12 });
    const branched = branch(warm, faster, 3, 1);
    expect(branched.summary).toEqual(runScenario(faster, { seed: 3, replicate: 1 }).summary);
    expect(branched.summary).not.toEqual(runScenario(after, { seed: 3, replicate: 1 }).summary);
    expect(branchProblems(warm, without).join('\n')).toMatch(/mutualAid\.rollout/);
  });
});
