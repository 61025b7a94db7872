/**
 * The five societies' daily draws walk only to the residents and households that change
 * (geometric skips, thinned where chances differ): the volunteer pool's turnover and the care
 * round's demands. Each resident or household must still change with its own chance, as with a
 * draw for each: over many seeded days, every one's share of days it changed is within 4
 * standard errors of its chance, and the total is as many as the chances add up to. The pool's
 * bookkeeping (members per compound, households taking part, last participation, the count of
 * active households) is checked against a count from the columns.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { AGE, PARTY } from '../../src/modules/community/index.js';
import { turnover, type Rates } from '../../src/modules/volunteer-pool/index.js';
import { demands } from '../../src/modules/community-care/care-round.js';
import { activeHouseholds, participationCounts } from '../../src/modules/community-care/participation.js';

const DAYS = 4000;
const within4se = (hits: number, p: number) => Math.abs(hits / DAYS - p) < 4 * Math.sqrt((p * (1 - p)) / DAYS) + 1e-12;

describe('volunteer pool turnover (thinning)', () => {
  // Eight households of three residents, two compounds; every kind of resident, two trusts.
  const kinds = [AGE.elderly, AGE.adult, AGE.child]; // resident 0 can change: a walk that skips it fails
  const count = 24;
  const make = () => {
    const R = {
      count,
      age: Uint8Array.from({ length: count }, (_, r) => kinds[r % 3]),
      household: Int32Array.from({ length: count }, (_, r) => Math.floor(r / 3)),
      party: Uint8Array.from({ length: count }, (_, r) => (r % 6 === 1 ? PARTY.inService : PARTY.none)),
      poolMember: Uint8Array.from({ length: count }, (_, r) => (r % 4 === 1 || r % 4 === 2 ? 1 : 0)),
      poolTrained: Uint8Array.from({ length: count }, (_, r) => (r % 8 < 4 ? 1 : 0)),
    };
    const hh = {
      count: 8,
      trust: Float64Array.from({ length: 8 }, (_, h) => (h % 2 ? 1 : 0.4)),
      compound: Int32Array.from({ length: 8 }, (_, h) => (h < 4 ? 0 : 1)),
      lastParticipation: new Int16Array(8).fill(-1),
      participating: new Uint8Array(8),
    };
    const perCompound = new Int32Array(2);
    for (let r = 0; r < count; r++) {
      if (!R.poolMember[r]) continue;
      perCompound[hh.compound[R.household[r]]]++;
      hh.participating[R.household[r]]++;
    }
    const taking = participationCounts();
    taking.ongoing = hh.participating.filter((x) => x > 0).length;
    return { R, hh, perCompound, taking };
  };
  const k: Rates = { leaveUntrained: 0.3, leaveTrained: 0.12, joinRetired: 0.2, joinParty: 0.1, joinOther: 0.05, trainedShare: 0.7 };
  const chanceOf = (w: ReturnType<typeof make>, r: number) => {
    if (w.R.age[r] === AGE.child) return 0;
    if (w.R.poolMember[r]) return w.R.poolTrained[r] ? k.leaveTrained : k.leaveUntrained;
    const rate = w.R.age[r] === AGE.elderly ? k.joinRetired : w.R.party[r] !== PARTY.none ? k.joinParty : k.joinOther;
    return rate * w.hh.trust[w.R.household[r]];
  };

  it('changes each resident with its own chance, and keeps the counts it is read by', () => {
    const start = make();
    const chances = Array.from({ length: count }, (_, r) => chanceOf(start, r));
    const changed = new Array(count).fill(0);
    let trained = 0;
    let joins = 0;
    let consistent = true;
    for (let d = 0; d < DAYS; d++) {
      const w = make();
      const rng = new RandomStreams(`turnover/${d}`).get('volunteerPool');
      const tally = turnover(w.R as never, w.hh as never, w.perCompound, w.taking, rng, 10, k);
      let joined = 0;
      let left = 0;
      const perCompound = new Int32Array(2);
      const participating = new Uint8Array(8);
      const emptied = new Uint8Array(8);
      const running = Uint8Array.from(start.hh.participating);
      for (let r = 0; r < count; r++) {
        const h = w.R.household[r];
        if (w.R.poolMember[r] !== start.R.poolMember[r]) {
          changed[r]++;
          if (w.R.poolMember[r]) { joined++; joins++; trained += w.R.poolTrained[r]; running[h]++; } else { left++; if (--running[h] === 0) emptied[h] = 1; }
        }
        if (w.R.poolMember[r]) { perCompound[w.hh.compound[h]]++; participating[h]++; }
      }
      for (let h = 0; h < 8; h++) {
        // The day before, when the household's last member left today (a resident of it may have joined after).
        const expected = emptied[h] ? 9 : -1;
        if (w.hh.participating[h] !== participating[h] || w.hh.lastParticipation[h] !== expected) consistent = false;
      }
      const active = w.hh.participating.filter((x, h) => x > 0 || (w.hh.lastParticipation[h] >= 0 && 10 - w.hh.lastParticipation[h] < 30)).length;
      if (activeHouseholds(w.taking, 10) !== active) consistent = false;
      if (tally[0] !== joined || tally[1] !== left || w.perCompound[0] !== perCompound[0] || w.perCompound[1] !== perCompound[1]) consistent = false;
    }
    expect(consistent).toBe(true);
    for (let r = 0; r < count; r++) expect(within4se(changed[r], chances[r]), `resident ${r}: ${changed[r] / DAYS} vs ${chances[r]}`).toBe(true);
    const total = changed.reduce((a, b) => a + b, 0);
    const mean = chances.reduce((a, b) => a + b, 0);
    const sd = Math.sqrt(chances.reduce((a, p) => a + p * (1 - p), 0) * DAYS);
    expect(Math.abs(total - mean * DAYS)).toBeLessThan(4 * sd);
    expect(Math.abs(trained / joins - k.trainedShare)).toBeLessThan(4 * Math.sqrt(0.21 / joins));
  });

  it('draws nothing when no one may join or leave', () => {
    const w = make();
    let draws = 0;
    const rng = Object.assign(() => { draws++; return 0.5; }, { state: () => ({}) });
    const none: Rates = { leaveUntrained: 0, leaveTrained: 0, joinRetired: 0, joinParty: 0, joinOther: 0, trainedShare: 0.7 };
    turnover(w.R as never, w.hh as never, w.perCompound, w.taking, rng as never, 3, none);
    expect(draws).toBe(0);
  });
});

describe('care round demands (geometric skip)', () => {
  it('each household expresses a demand with the day’s chance; in a crisis only the informed; answers while hours last', () => {
    const count = 40;
    const rate = 0.07;
    const dc = { enabled: true, responseHours: 1, trustGain: 0.5, trustLoss: 0.5 };
    const informedDay = Int16Array.from({ length: count }, (_, h) => (h % 5 === 0 ? -1 : 3));
    const expressedBy = new Array(count).fill(0);
    let allExpressed = 0;
    let ok = true;
    for (let d = 0; d < DAYS; d++) {
      const trust = new Float64Array(count).fill(0.5);
      const left = Float64Array.of(1, 0.5, 2);
      const answered = new Int32Array(3);
      const rng = new RandomStreams(`demands/${d}`).get('careRound');
      const n = demands(rng, count, rate, true, informedDay, trust, dc, left, answered);
      allExpressed += n;
      let raised = 0;
      let fell = 0;
      for (let h = 0; h < count; h++) {
        if (trust[h] !== 0.5) expressedBy[h]++;
        if (trust[h] > 0.5) raised++;
        if (trust[h] < 0.5) fell++;
      }
      // The first demand goes to actor 0, the next two to actor 2 (actor 1 has too few hours), the rest unanswered.
      if (raised + fell !== n || raised !== Math.min(n, 3) || answered[0] !== Math.min(n, 1) || answered[1] !== 0 || answered[2] !== Math.max(0, Math.min(n - 1, 2))) ok = false;
    }
    expect(ok).toBe(true);
    for (let h = 0; h < count; h++) expect(within4se(expressedBy[h], h % 5 === 0 ? 0 : rate), `household ${h}: ${expressedBy[h] / DAYS}`).toBe(true);
    const mean = 32 * rate * DAYS;
    expect(Math.abs(allExpressed - mean)).toBeLessThan(4 * Math.sqrt(32 * rate * (1 - rate) * DAYS));
  });
});
