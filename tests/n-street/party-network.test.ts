/**
 * Paper 002: a party network embedded in residents' own stations beats one present only from
 * above, on participation and on what residents settle themselves. In the model the difference
 * comes from the prestige loop (src/modules/party-network/prestige.ts): service residents see
 * builds prestige, prestige mobilises residents, residents who take part make stations more
 * competent. Present only from above, the network is brought only what trust in it warrants, so it
 * is seen to do little and trusted little. Switch off either link of the loop and the difference
 * goes.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/modules/party-network/index.js';
import { meanOf, nStreet, variant } from './helpers.js';

const PARTICIPATION = 'party.participation.final';
const SELF_SETTLED = 'routing.byYear.2017.station';

describe('N street: embedding the party network (paper 002)', { timeout: 300_000 }, () => {
  const embedded = nStreet();
  const presence = variant('presence-only');

  it('builds more prestige where embedded: the service residents see feeds back into what they bring', () => {
    expect(meanOf(embedded, 'party.seenShare')).toBeGreaterThan(meanOf(presence, 'party.seenShare') + 0.2);
    expect(meanOf(embedded, 'party.prestige')).toBeGreaterThan(2 * meanOf(presence, 'party.prestige'));
  });

  it('beats presence-only on participation and on issues residents settle themselves, over seeds', () => {
    expect(meanOf(embedded, PARTICIPATION)).toBeGreaterThan(meanOf(presence, PARTICIPATION) + 0.04);
    expect(meanOf(embedded, SELF_SETTLED)).toBeGreaterThan(meanOf(presence, SELF_SETTLED) + 0.01);
  });

  it('loses the difference when prestige does not mobilise', () => {
    const off = { 'partyNetwork.mobilisation.perPrestige': 0 };
    const e = nStreet(off);
    const p = variant('presence-only', off);
    expect(Math.abs(meanOf(e, PARTICIPATION) - meanOf(p, PARTICIPATION))).toBeLessThan(0.01);
    expect(Math.abs(meanOf(e, SELF_SETTLED) - meanOf(p, SELF_SETTLED))).toBeLessThan(0.006);
  });

  it('loses the resolution difference when taking part does not strengthen stations', () => {
    const off = { 'partyNetwork.mobilisation.stationCompetence': 0 };
    expect(Math.abs(meanOf(nStreet(off), SELF_SETTLED) - meanOf(variant('presence-only', off), SELF_SETTLED))).toBeLessThan(0.006);
  });

  it('reaches more residents with a deeper network (more units at its lowest level)', () => {
    expect(meanOf(nStreet({ 'partyNetwork.depth': 5 }), PARTICIPATION)).toBeGreaterThan(meanOf(nStreet({ 'partyNetwork.depth': 3 }), PARTICIPATION) + 0.05);
  });

  it('counts the 1,044 double-reporting members and 185 co-building units at the street\u2019s scale', () => {
    // 12 of 48 compounds: about a quarter of N street's ≈ 103,000 residents.
    const residents = meanOf(embedded, 'population.residents');
    expect(meanOf(embedded, 'party.doubleReporting') / residents).toBeCloseTo(1044 / 103_000, 3);
    expect(meanOf(embedded, 'party.coBuildingUnits') / residents).toBeCloseTo(185 / 103_000, 3);
  });

  it('has no parameter that sets participation or the heads\u2019 or members\u2019 party share', () => {
    expect(JSON.stringify(Object.keys((params.partyNetwork as any).shape))).not.toMatch(/share|participation/i);
  });
});

/**
 * Paper 002 counts 202 party members among ≈ 502 station members (40.2 %), over all seats —
 * the property manager, social worker and merchant liaison included. Over resident members only
 * the model gives ≈ 74 %; over all seats, non-resident seats counting as non-party, about 44 %.
 * The gap was mostly the denominator; see docs/ODD.md.
 */
describe('N street: party members among station members (paper 002)', { timeout: 300_000 }, () => {
  it('is near the paper\u2019s 40.2 % when counted over all seats, as the paper counts', () => {
    expect(Math.abs(meanOf(nStreet(), 'stations.seatsPartyShare') - 202 / 502)).toBeLessThan(0.1);
  });

});
