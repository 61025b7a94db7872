/**
 * Paper 002: 45 of 48 station heads are party members (93.8 %). In the model heads are elected by
 * reputation (service, time, standing) and no parameter sets their party share: it emerges from
 * party members' service, and goes when the service that builds reputation stops counting.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/modules/mutual-aid/index.js';
import { meanOf, nStreet } from './helpers.js';

const HEADS = 'stations.headsPartyShare';

describe('N street: who heads the mutual-aid stations (paper 002)', { timeout: 120_000 }, () => {
  it('elects mostly party members as heads, far above their share of residents (about 7 %)', () => {
    const share = meanOf(nStreet(), HEADS);
    expect(share).toBeGreaterThan(0.75);
    expect(Math.abs(share - 45 / 48)).toBeLessThan(0.15);
  });

  it('elects few party heads when service does not count toward reputation', () => {
    expect(meanOf(nStreet({ 'mutualAid.reputation.service': 0 }), HEADS)).toBeLessThan(0.3);
  });

  it('elects few party heads when party members serve no more than others', () => {
    expect(meanOf(nStreet({ 'mutualAid.serviceHoursPerYear.partyMember': 2 }), HEADS)).toBeLessThan(0.3);
  });

  it('changes who heads when the weight of time changes: more weight on time, more retired heads', () => {
    const retired = (o: Record<string, unknown>) => meanOf(nStreet(o), 'stations.headsRetiredShare');
    expect(retired({ 'mutualAid.reputation.time': 3 })).toBeGreaterThan(retired({ 'mutualAid.reputation.time': 0, 'mutualAid.workingAgeTime': 1 }) + 0.1);
  });

  it('has no parameter that sets the heads\u2019 party share', () => {
    const shape = (params.mutualAid as any).shape;
    const paths = Object.keys(shape).flatMap((k) => (shape[k].shape ? Object.keys(shape[k].shape).map((j) => `${k}.${j}`) : [k]));
    expect(paths.filter((p) => /head/i.test(p))).toEqual([]);
    expect(paths.filter((p) => /party/i.test(p))).toEqual(['serviceHoursPerYear.partyMember']);
  });
});
