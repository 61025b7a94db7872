/**
 * Party members' evening order-taking hours (`partyMembers.orderTakingHours`, issue 11): what they
 * bind and what they do not. Each building's reporting members visit, in their evening hours, the
 * households that cannot order online; whom they cannot reach the compound's volunteers and then
 * RC staff visit with the hours they have left (provision/ordering.ts). So fewer party-member hours
 * bind on who does the round: the RC's staff take it over, and their load rises. They do not bind
 * on unmet need in the default: the later regime's RC has hours to spare, and where it has not, the
 * loss is set downstream by the RC's hours to handle orders and the merchants' stock — an order
 * not taken tonight leaves its place in the queue to another household's. Means over ten seeds.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/experiment/run.js';
import { mean, qScenario, replicates } from '../helpers.js';

const SEEDS = 10;
const FEW = { 'partyMembers.orderTakingHours': 0.25 };
const runs = (o: Record<string, unknown>) => replicates(qScenario('lockdown-2020', o), SEEDS);
const avg = (rs: RunResult[], f: (r: RunResult) => number) => mean(rs.map(f));
const inLater = (series: string) => (r: RunResult) => r.series[series].reduce((a, b, i) => a + (r.phases[i] === 'closedLater' ? b : 0), 0);
const laterOverload = (r: RunResult) => mean(r.series.staffOverload.filter((_, i) => r.phases[i] === 'closedLater'));
const loss = (r: RunResult) => r.summary.resilience.lossNeedDays;

describe("party members' evening hours bind on who makes the door round", () => {
  it('fewer hours: RC staff make the visits the members cannot, and their load rises; unmet need does not move', () => {
    const base = runs({});
    const few = runs(FEW);
    expect(avg(few, inLater('doorVisitsByRcStaff'))).toBeGreaterThan(5 * avg(base, inLater('doorVisitsByRcStaff')) + 100);
    expect(avg(few, laterOverload)).toBeGreaterThan(avg(base, laterOverload) + 0.015);
    // Not a fact of paper 000, stated so no one reads the parameter as moving loss in the default.
    expect(Math.abs(avg(few, loss) - avg(base, loss))).toBeLessThan(0.1);
  }, 120_000);

  it('where volunteers and RC staff cannot take up the slack, more households go unvisited', () => {
    const scarce = { 'volunteers.hoursPerDay': 0, 'residentsCommittee.staffPer10000Residents': 10 };
    expect(avg(runs({ ...scarce, ...FEW }), inLater('doorVisitsMissed'))).toBeGreaterThan(1.3 * avg(runs(scarce), inLater('doorVisitsMissed')));
  }, 120_000);

  it('knock-out: when a visit costs no time, the hours bind on nothing', () => {
    const free = { 'lastMile.doorVisitsPerHour': 1e6 };
    const a = runs(free);
    const b = runs({ ...free, ...FEW });
    expect(b.map(inLater('doorVisitsByRcStaff'))).toEqual(a.map(inLater('doorVisitsByRcStaff')));
    expect(b.map(loss)).toEqual(a.map(loss));
  }, 120_000);
});
