/**
 * Volunteers (issue 11; paper 002): drawn from every age with retired residents and party members
 * most likely, and able to take the residents' committee's tasks that need no staff authority.
 * Each fact is a mean over seeds with a margin, and each is tested to vanish with its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import type { RunResult } from '../../src/experiment/run.js';
import { AGE } from '../../src/modules/community/index.js';
import { mean, qScenario, replicates } from '../helpers.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Over several drawn populations: elderly among volunteers, and among residents aged 18+. */
function elderlyShares(overrides: Record<string, unknown>): { volunteers: number; adults: number } {
  let vElderly = 0, volunteers = 0, elderly = 0, grown = 0;
  for (const seed of SEEDS) {
    // A larger community than the default, so each seed draws a few hundred volunteers.
    const R = createSimulation(qScenario('lockdown-2020', { 'community.compounds': 24, 'population.volunteerShare': 0.02, ...overrides }), String(seed)).world.residents;
    for (let r = 0; r < R.count; r++) {
      if (R.age[r] === AGE.child) continue;
      grown++;
      if (R.age[r] === AGE.elderly) elderly++;
      if (R.volunteer[r]) {
        volunteers++;
        if (R.age[r] === AGE.elderly) vElderly++;
      }
    }
  }
  return { volunteers: vElderly / volunteers, adults: elderly / grown };
}

describe('who volunteers', () => {
  it('volunteers come from all ages and skew retired; with no extra rate for the retired the skew vanishes', () => {
    const skewed = elderlyShares({});
    // The elderly are about a third of residents aged 18+; three times the rate makes them most volunteers.
    expect(skewed.volunteers).toBeGreaterThan(0.5);
    expect(skewed.volunteers).toBeLessThan(0.95);
    expect(skewed.volunteers).toBeGreaterThan(skewed.adults + 0.2);
    const flat = elderlyShares({ 'population.volunteerRate.retired': 1, 'population.volunteerRate.partyMember': 1 });
    expect(Math.abs(flat.volunteers - flat.adults)).toBeLessThan(0.05);
  }, 120_000);

  it('retired party members volunteer far more often than other retired residents, unless membership carries no extra rate', () => {
    /** Among the elderly: volunteers per party member over volunteers per non-member. */
    const ratio = (overrides: Record<string, unknown>) => {
      const s = qScenario('lockdown-2020', { 'community.compounds': 24, 'population.volunteerShare': 0.02, ...overrides });
      let members = 0, memberVolunteers = 0, others = 0, otherVolunteers = 0;
      for (const seed of SEEDS) {
        const R = createSimulation(s, String(seed)).world.residents;
        for (let r = 0; r < R.count; r++) {
          if (R.age[r] !== AGE.elderly) continue;
          if (R.party[r]) { members++; memberVolunteers += R.volunteer[r]; } else { others++; otherVolunteers += R.volunteer[r]; }
        }
      }
      return memberVolunteers / members / (otherVolunteers / others);
    };
    expect(ratio({})).toBeGreaterThan(4);
    const flat = ratio({ 'population.volunteerRate.partyMember': 1 });
    expect(flat).toBeGreaterThan(0.5);
    expect(flat).toBeLessThan(2);
  }, 120_000);

  it('volunteerShare stays the share of residents aged 18+ who volunteer, whatever the rates', () => {
    for (const rates of [{}, { 'population.volunteerRate.retired': 1, 'population.volunteerRate.partyMember': 1 }]) {
      let v = 0, grown = 0;
      for (const seed of SEEDS) {
        const R = createSimulation(qScenario('lockdown-2020', { 'community.compounds': 24, 'population.volunteerShare': 0.02, ...rates }), String(seed)).world.residents;
        for (let r = 0; r < R.count; r++) if (R.age[r] !== AGE.child) { grown++; v += R.volunteer[r]; }
      }
      expect(v / grown).toBeGreaterThan(0.017);
      expect(v / grown).toBeLessThan(0.023);
    }
  }, 120_000);
});

describe("volunteers relieve the residents' committee", () => {
  const REPS = 6;
  /** Mean staff overload over the days of the later regime, when volunteers are mobilised. */
  const laterOverload = (r: RunResult) => mean(Array.from(r.series.staffOverload).filter((_, d) => r.phases[d] === 'closedLater'));
  const overload = (overrides: Record<string, unknown>) => mean(replicates(qScenario('lockdown-2020', overrides), REPS).map(laterOverload));
  const none = { 'residentsCommittee.withoutAuthority.temperatureStatistics': 0, 'residentsCommittee.withoutAuthority.gateDuty': 0 };

  it("8× the volunteers lower the RC's overload; if volunteers may take no RC task the effect vanishes", () => {
    // From a few volunteers (who cannot cover the tasks without authority) to eight times as many.
    const few = overload({ 'population.volunteerShare': 0.001 });
    const many = overload({ 'population.volunteerShare': 0.008 });
    expect(many).toBeLessThan(0.8 * few);
    const fewNone = overload({ 'population.volunteerShare': 0.001, ...none });
    const manyNone = overload({ 'population.volunteerShare': 0.008, ...none });
    expect(Math.abs(manyNone - fewNone)).toBeLessThan(0.03 * fewNone);
  }, 300_000);
});
