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
import { mean, meanOf, nStreet, pick, runs, variant } from './helpers.js';

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
    // Each unit's leader asks the same few residents every month, so the circles bound who can
    // take part in a year whatever the prestige: the gap is a ratio of shares of about a tenth
    // of the adults (12 compounds, 5 seeds: 9.6 % vs 6.5 %), no longer of independent monthly draws.
    expect(meanOf(embedded, PARTICIPATION)).toBeGreaterThan(1.3 * meanOf(presence, PARTICIPATION));
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

  it('takes part at about the rate paper 002 counts: 8,000+ residents by June 2018, ≈ 10 % of the adults', () => {
    // 002 四(二): 8,000+ of 68,000 + 35,000 residents took part in their compound's affairs; about
    // 77 % of residents here are adults, so ≈ 10 % of the adults. Nothing sets this share: it is
    // the circles the units' leaders ask (depth × reachPerUnit) times the chance prestige gives.
    expect(Math.abs(meanOf(embedded, PARTICIPATION) - 8000 / (103_000 * 0.77))).toBeLessThan(0.03);
  });

  it('takes part again and again in the units\u2019 circles: without them the same monthly engagement spreads over far more residents', () => {
    // Residents who took part in 2018 per monthly share taking part (the metric), mean over seeds:
    // with circles the same neighbours are asked each month, so it is well below 12; with a reach
    // as large as the compound (the circles knocked out), at a lower chance, nearly every one
    // taking part in a month is new that year.
    const perMonthly = (sc: ReturnType<typeof nStreet>) => mean(runs(sc).map((r) => {
      const days = r.dates.flatMap((d, i) => (d.startsWith('2018') ? [r.series.residentsTakingPart[i]] : []));
      return pick(r.summary, 'party.participation.byYear.2018') / mean(days);
    }));
    const circles = perMonthly(embedded);
    const wide = perMonthly(nStreet({ 'partyNetwork.mobilisation.reachPerUnit': 1000, 'partyNetwork.mobilisation.base': -5 }));
    expect(circles).toBeLessThan(8);
    expect(wide).toBeGreaterThan(1.4 * circles);
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
