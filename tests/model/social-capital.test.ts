/**
 * Dynamic social capital (issue 11): households' ties to neighbours grow with shared activity —
 * group buys, goods carried to the door by neighbours, volunteering — and fade without; a
 * compound's social capital (their mean) decides when its group buying starts and how many join.
 * Each fact is a mean over seeds with a margin, and each is tested to vanish with its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { defineModule } from '../../src/engine/index.js';
import type { RunResult } from '../../src/experiment/run.js';
import { runScenario } from '../../src/experiment/run.js';
import type { CommunityWorld } from '../../src/modules/community/index.js';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { mean, ROOT } from '../helpers.js';

const SEEDS = [1, 2, 3, 4, 5, 6];
const Q_MODULES = ['lockdown', 'community', 'households', 'resilience', 'merchants', 'residentsCommittee', 'provision', 'partyMembers', 'volunteers', 'selfOrganisation', 'satisfaction'];

/** A test module that gives every compound 0.15 more prior social capital (before selfOrganisation reads it). */
const boost = defineModule<CommunityWorld>({
  name: 'tiesBoost',
  description: 'test only: more prior social capital in every compound',
  requires: ['community'],
  init(w) {
    for (let c = 0; c < w.compounds.count; c++) w.compounds.socialCapital[c] = Math.min(1, w.compounds.socialCapital[c] + 0.15);
    for (let h = 0; h < w.households.count; h++) w.households.ties[h] = w.compounds.socialCapital[w.households.compound[h]];
    return {};
  },
});

function runs(overrides: Record<string, unknown>, boosted = false): RunResult[] {
  const modules = boosted ? [...Q_MODULES.slice(0, 2), 'tiesBoost', ...Q_MODULES.slice(2)] : Q_MODULES;
  const scenario = loadScenario(join(ROOT, 'scenarios/q-community/lockdown-2020.yaml'), { ...overrides, modules }, { modules: [boost] }).scenario;
  return SEEDS.map((seed) => runScenario(scenario, { seed, modules: [boost] }));
}

/** Compound-days of self-organised group buying under closed management: more when compounds start earlier. */
const organisedDays = (r: RunResult) => Array.from(r.series.selfOrganisedCompounds).reduce((a, b) => a + b, 0);
const tiesOn = (r: RunResult, phase: string, which: 'first' | 'last') => {
  const days = r.phases.flatMap((p, d) => (p === phase ? [d] : []));
  return r.series.meanTies[which === 'first' ? days[0] : days[days.length - 1]];
};

describe('social capital', () => {
  it('more social capital → self-organisation starts earlier and reaches more; not when it does not depend on social capital', () => {
    const base = runs({});
    const more = runs({}, true);
    expect(mean(more.map(organisedDays))).toBeGreaterThan(1.3 * mean(base.map(organisedDays)));
    const buys = (r: RunResult) => r.summary.selfOrganisation.groupBuys;
    expect(mean(more.map(buys))).toBeGreaterThan(1.3 * mean(base.map(buys)));
    // Switched off: every compound organises after the formation delay whatever its social
    // capital, and joining does not depend on ties.
    const off = { 'selfOrganisation.socialCapitalThreshold': 0, 'selfOrganisation.ties.participationEffect': 0 };
    const baseOff = runs(off);
    const moreOff = runs(off, true);
    expect(mean(moreOff.map(organisedDays))).toBe(mean(baseOff.map(organisedDays)));
    expect(Math.abs(mean(moreOff.map(buys)) - mean(baseOff.map(buys)))).toBeLessThan(0.02 * mean(baseOff.map(buys)));
  }, 600_000);

  it('social capital rises with group buying and shared help, and decays when activity stops; not without growth or decay', () => {
    const base = runs({});
    const rise = (r: RunResult) => tiesOn(r, 'closedLater', 'last') - tiesOn(r, 'closedEarly', 'first');
    const fall = (r: RunResult) => tiesOn(r, 'reopened', 'first') - r.series.meanTies[r.dates.length - 1];
    expect(mean(base.map(rise))).toBeGreaterThan(0.05);
    expect(mean(base.map(fall))).toBeGreaterThan(0.01);
    // Group buying's part: without it ties rise less.
    const noGroupBuys = runs({ 'selfOrganisation.enabled': false });
    expect(mean(noGroupBuys.map(rise))).toBeLessThan(mean(base.map(rise)) - 0.01);
    // Switched off: no growth, no rise; no decay, no fall.
    expect(Math.max(...runs({ 'selfOrganisation.ties.growthPerActivity': 0 }).map((r) => Math.abs(rise(r))))).toBeLessThan(1e-12);
    expect(Math.max(...runs({ 'selfOrganisation.ties.decayPerDay': 0 }).map(fall))).toBeLessThanOrEqual(1e-12);
  }, 600_000);
});
