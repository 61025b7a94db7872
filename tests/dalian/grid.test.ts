/**
 * Paper 003's findings on the grid in a crisis, each as a mean over five seeds with a margin, and
 * each gone when its mechanism is switched off (docs/ODD.md, "The grid in a crisis"):
 * - each layer a directive passes adds delay (and distortion, which sends it round again);
 * - more residents'-committee staff help normal-period service but saturate in crisis
 *   mobilisation, because after the first contacts the neighbours' point-to-area spread and the
 *   self-organisations set the pace;
 * - pre-existing trust lets latent self-organisations answer the RC's call fast, while a
 *   coordination platform set up in the crisis comes late.
 */
import { describe, expect, it } from 'vitest';
import { dalian, meanOf } from './helpers.js';

const G = 'gridMobilisation';

describe('Dalian grid (paper 003): layers and delay', { timeout: 60_000 }, () => {
  const layers = (n: number, extra: Record<string, unknown> = {}) => dalian({ [`${G}.layers`]: n, ...extra });

  it('more layers → directives arrive later and households wait longer to be mobilised', () => {
    expect(meanOf(layers(7), 'grid.instructions.meanDelayDays')).toBeGreaterThan(meanOf(layers(3), 'grid.instructions.meanDelayDays') + 2);
    expect(meanOf(layers(7), 'grid.mobilisation.meanDaysUnmet')).toBeGreaterThan(meanOf(layers(3), 'grid.mobilisation.meanDaysUnmet') + 0.5);
  });

  it('distortion compounds with layers: a larger share of directives goes round again', () => {
    expect(meanOf(layers(7), 'grid.instructions.distortedShare')).toBeGreaterThan(meanOf(layers(3), 'grid.instructions.distortedShare') + 0.1);
  });

  it('without a hold or distortion at each layer, the number of layers changes nothing', () => {
    const off = { [`${G}.delayDaysPerLayer`]: 0, [`${G}.distortionPerLayer`]: 0 };
    expect(meanOf(layers(7, off), 'grid.instructions.meanDelayDays')).toBe(0);
    expect(meanOf(layers(7, off), 'grid.mobilisation.meanDaysUnmet')).toBeCloseTo(meanOf(layers(3, off), 'grid.mobilisation.meanDaysUnmet'), 9);
  });
});

describe('Dalian grid (paper 003): staff saturate crisis mobilisation but help normal service', { timeout: 60_000 }, () => {
  // No cadres sent from outside: the community's own staff only.
  const staff = (per10000: number, extra: Record<string, unknown> = {}) => dalian({ events: [], [`${G}.staffPer10000Residents`]: per10000, ...extra });
  /** Relative gain of doubling the staff from 9 to 18 per 10,000 residents. */
  const crisisGain = (extra: Record<string, unknown> = {}) =>
    meanOf(staff(9, extra), 'grid.mobilisation.meanDaysUnmet') / meanOf(staff(18, extra), 'grid.mobilisation.meanDaysUnmet') - 1;
  const normalGain = () => meanOf(staff(18), 'grid.normalService.servedPerHouseholdPerYear') / meanOf(staff(9), 'grid.normalService.servedPerHouseholdPerYear') - 1;

  it('doubling staff serves far more requests in normal times, but mobilises only a little faster in a crisis', () => {
    expect(normalGain()).toBeGreaterThan(0.4);
    expect(meanOf(staff(18), 'grid.normalService.meanDaysWaited')).toBeLessThan(meanOf(staff(9), 'grid.normalService.meanDaysWaited') / 2);
    expect(crisisGain()).toBeLessThan(0.25);
    expect(crisisGain()).toBeLessThan(normalGain() / 2);
  });

  it('without point-to-area spread and self-organisations, crisis mobilisation scales with staff again', () => {
    const alone = { [`${G}.crisis.neighbourRate`]: 0, [`${G}.selfOrganisations.reachPerDay`]: 0 };
    expect(crisisGain(alone)).toBeGreaterThan(0.3);
    expect(crisisGain(alone)).toBeGreaterThan(crisisGain() + 0.15);
  });
});

describe('Dalian grid (paper 003): trust activates latent self-organisations fast', { timeout: 60_000 }, () => {
  // Ten compounds, so that each run has a few latent organisations to average over.
  const trust = (t: number, extra: Record<string, unknown> = {}) => dalian({ 'community.compounds': 10, [`${G}.selfOrganisations.initialTrust`]: t, ...extra });

  it('with pre-existing trust they answer within days, before a crisis-time platform would reach them', () => {
    const high = meanOf(trust(0.9), 'grid.selfOrganisations.meanActivationDays');
    expect(high).toBeLessThan(meanOf(trust(0.1), 'grid.selfOrganisations.meanActivationDays') - 3);
    expect(high).toBeLessThan(dalian()[G].selfOrganisations.platformSetupDays);
  });

  it('without the RC\u2019s call (platform only), trust makes no difference and activation comes late', () => {
    const noCall = { [`${G}.selfOrganisations.callRatePerDay`]: 0 };
    const late = meanOf(trust(0.9, noCall), 'grid.selfOrganisations.meanActivationDays');
    expect(late).toBeCloseTo(meanOf(trust(0.1, noCall), 'grid.selfOrganisations.meanActivationDays'), 9);
    expect(late).toBeGreaterThan(dalian()[G].selfOrganisations.platformSetupDays);
  });
});

describe('Dalian grid: reproducibility', { timeout: 60_000 }, () => {
  it('gives the same summary for the same seed', async () => {
    const { runScenario } = await import('../../src/experiment/run.js');
    const a = runScenario(dalian(), { replicate: 7 }).summary;
    const b = runScenario(dalian(), { replicate: 7 }).summary;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('Dalian grid: bad input', { timeout: 60_000 }, () => {
  it('an onset outside the run is a located error naming gridMobilisation.onset', async () => {
    const { problemsOf } = await import('../scenario/helpers.js');
    const [p] = problemsOf(() => dalian({ 'gridMobilisation.onset': '2021-01-25' }));
    expect(p.path).toBe('gridMobilisation.onset');
    expect(p.message).toMatch(/2021-01-25 is outside the run \(2019-10-01 to 2020-03-31\)/);
  });

  it('a run longer than the 16-bit day of mobilisation holds is a located error naming calendar.end', async () => {
    const { problemsOf } = await import('../scenario/helpers.js');
    const problems = problemsOf(() => dalian({ 'calendar.end': '2109-09-01' }));
    expect(problems.find((p) => p.message.includes('16 bits'))?.path).toBe('calendar.end');
  });

  it('a distortion chance of 1 (a directive that can never arrive) is refused', async () => {
    const { problemsOf } = await import('../scenario/helpers.js');
    const [p] = problemsOf(() => dalian({ 'gridMobilisation.distortionPerLayer': 1 }));
    expect(p.path).toBe('gridMobilisation.distortionPerLayer');
  });
});
