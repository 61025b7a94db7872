/**
 * The mutual-aid module keeps no column of its residents' traits: each compound keeps where the
 * population.mutualAid stream stood at its first resident, and an election draws the compound's
 * traits again from there (`residentTraits`). They must be the numbers the stream gave in the
 * first place: three draws a resident, in resident order — migrant status, standing, and the
 * draw behind the service rate (both in single precision, as the columns held them).
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { createSimulation } from '../../src/model/index.js';
import { AGE, PARTY } from '../../src/modules/community/index.js';
import { residentTraits, serviceRatesOf, type MutualAidParams, type MutualAidWorld } from '../../src/modules/mutual-aid/index.js';
import { nStreet } from './helpers.js';

describe('mutual aid: the traits an election draws again', () => {
  it('are the population stream’s draws for every resident of every compound', () => {
    const scenario = nStreet();
    const s = scenario.mutualAid as MutualAidParams;
    const world = createSimulation(scenario, 'traits/0').world as unknown as MutualAidWorld;
    const rng = new RandomStreams('traits/0').get('population.mutualAid');
    const R = world.residents as MutualAidWorld['residents'] & { partyActive: Uint8Array };
    const rates = s.serviceHoursPerYear;
    expect(scenario.modules.indexOf('partyNetwork')).toBeLessThan(scenario.modules.indexOf('mutualAid'));
    let next = 0;
    let migrants = 0;
    for (let c = 0; c < world.compounds.count; c++) {
      const t = residentTraits(world, c);
      expect(t.first).toBe(next);
      for (let i = 0; i < t.migrant.length; i++) {
        const migrant = rng() < s.migrantShare;
        migrants += migrant ? 1 : 0;
        expect(t.migrant[i]).toBe(migrant ? 1 : 0);
        expect(t.standing[i]).toBe(Math.fround(rng() * (migrant ? s.migrantStanding : 1)));
        const u = rng();
        const r = next + i;
        if (R.age[r] === AGE.child) continue;
        const mean = R.volunteer[r] ? rates.volunteer : R.party[r] !== PARTY.none && R.partyActive[r] !== 0 ? rates.partyMember : rates.other;
        expect(t.serviceRate[i]).toBe(Math.fround(-Math.log(1 - u) * mean * (R.age[r] === AGE.elderly ? 1 : s.workingAgeTime)));
      }
      next += t.migrant.length;
    }
    expect(next).toBe(world.residents.count);
    expect(migrants / next).toBeCloseTo(s.migrantShare, 1);
  });

  it('are the service rates serviceRatesOf gives any of a compound’s residents', () => {
    const world = createSimulation(nStreet(), 'traits/1').world as unknown as MutualAidWorld;
    for (let c = 0; c < world.compounds.count; c++) {
      const t = residentTraits(world, c);
      const n = t.serviceRate.length;
      const all = Array.from({ length: n }, (_, i) => t.first + i);
      // Every resident, the first and last alone, every third (children among them), none.
      for (const which of [all, all.slice(0, 1), all.slice(-1), all.filter((_, i) => i % 3 === 1), []]) {
        expect(serviceRatesOf(world, c, which)).toEqual(which.map((r) => t.serviceRate[r - t.first]));
      }
    }
  });
});
