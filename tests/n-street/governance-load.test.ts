/**
 * Paper 004: tasks pushed down without money crowd community workers' service out, so residents'
 * issues wait and satisfaction falls; fees that follow tasks restore them. Load peaks at the street
 * office and the residents' committee (the hourglass). A one-stop hall cuts residents' run-around
 * between departments with unclear boundaries. In the model (src/modules/governance-load) service
 * is what is left of the workers' hours after administrative work, and the grid's and community's
 * capacity shrinks with it; each fact goes when its mechanism is switched off.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { mean, meanOf, nStreet, runs, variant } from './helpers.js';

const late = (s: Scenario) => mean(runs(s).map((r) => ((r.summary as any).satisfaction.byYear['2017'] + (r.summary as any).satisfaction.byYear['2018']) / 2));
const SERVICE = 'load.serviceHoursPer1000';

describe('N street: tasks pushed down with and without money (paper 004)', { timeout: 300_000 }, () => {
  const without = variant('tasks-without-money');
  const fees = variant('fees-follow-tasks');

  it('lowers service and satisfaction when tasks come without money', () => {
    expect(meanOf(without, SERVICE)).toBeLessThan(0.7 * meanOf(fees, SERVICE));
    expect(meanOf(without, 'load.adminShare')).toBeGreaterThan(meanOf(fees, 'load.adminShare') + 0.3);
    expect(late(without)).toBeLessThan(late(fees) - 0.1);
    expect(meanOf(without, 'issues.meanDaysWaited.grid')).toBeGreaterThan(2 * meanOf(fees, 'issues.meanDaysWaited.grid'));
  });

  it('restores them when fees follow tasks: satisfaction as if no load were pushed down', () => {
    const none = { ...nStreet(), modules: ['community', 'partyNetwork', 'mutualAid', 'issueRouting'] } as Scenario;
    expect(Math.abs(late(fees) - late(none))).toBeLessThan(0.01);
    expect(late(fees)).toBeGreaterThan(0.9);
  });

  it('makes no difference when carrying tasks out costs no hours (the mechanism off)', () => {
    const off = { 'governanceLoad.executionHours': 0 };
    expect(Math.abs(late(variant('tasks-without-money', off)) - late(variant('fees-follow-tasks', off)))).toBeLessThan(0.01);
    expect(Math.abs(meanOf(variant('tasks-without-money', off), SERVICE) - meanOf(variant('fees-follow-tasks', off), SERVICE))).toBeLessThan(1);
  });

  it('drains service with secondments and turnover with low pay', () => {
    expect(meanOf(nStreet({ 'governanceLoad.secondedShare': 0.4 }), SERVICE)).toBeLessThan(meanOf(nStreet({ 'governanceLoad.secondedShare': 0 }), SERVICE) - 30);
    expect(meanOf(nStreet({ 'governanceLoad.turnover.payRatio': 0.5 }), 'load.turnoverPerYear'))
      .toBeGreaterThan(meanOf(nStreet({ 'governanceLoad.turnover.payRatio': 1 }), 'load.turnoverPerYear') + 0.1);
  });
});

describe('N street: the hourglass of load by layer (paper 004)', { timeout: 300_000 }, () => {
  const layer = (s: Scenario, l: string) => meanOf(s, `load.byLayer.${l}`);

  it('peaks at the street office and the residents\u2019 committee when tasks come without money', () => {
    const s = variant('tasks-without-money');
    for (const waist of ['street', 'community']) {
      for (const other of ['department', 'grid', 'compound']) expect(layer(s, waist), `${waist} > ${other}`).toBeGreaterThan(layer(s, other) + 0.2);
    }
  });

  it('loses its waist at the RC when fees follow tasks, and at the street with one department (no convergence)', () => {
    const fees = variant('fees-follow-tasks');
    expect(layer(fees, 'community')).toBeLessThan(layer(fees, 'grid'));
    const one = variant('tasks-without-money', { 'governanceLoad.departments': 1 });
    expect(layer(one, 'street')).toBeLessThan(layer(one, 'department'));
  });
});

describe('N street: residents\u2019 run-around and the one-stop hall (paper 004)', { timeout: 300_000 }, () => {
  it('cuts run-around time after the hall opens (2016), against the same street without one', () => {
    const hall = variant('fees-follow-tasks');
    const none = nStreet();
    const days = (s: Scenario, y: string) => meanOf(s, `runAround.byYear.${y}.days`);
    expect(days(hall, '2017')).toBeLessThan(0.6 * days(none, '2017'));
    expect(days(hall, '2015')).toBeCloseTo(days(none, '2015'), 6);
  });

  it('cuts nothing when one department with clear boundaries handles every matter', () => {
    const clear = { 'governanceLoad.departments': 1, 'governanceLoad.runAround.unclearShare': 0 };
    expect(meanOf(variant('fees-follow-tasks', clear), 'runAround.byYear.2017.days')).toBeCloseTo(meanOf(nStreet(clear), 'runAround.byYear.2017.days'), 6);
  });
});
