/**
 * Conservation: in the Q community with the epidemic, every day, the residents of each age group
 * in S, E, I (symptomatic or not), R and D add up to that group's size, and the tallies the
 * metrics read agree with a recount of the residents' states.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { STATE_NAMES, type EpidemicState } from '../../src/modules/epidemic/index.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

describe('epidemic conservation', () => {
  it('S + E + I + A + R + D is each age group\'s size every day, and the tallies match a recount', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, {
      'community.compounds': 2,
      'epidemic.initialInfections': 30,
      'epidemic.response.closure': 'none',
      'epidemic.response.quarantineDays': 0,
      'epidemic.course.fatalityShare': { child: 0.01, adult: 0.05, elderly: 0.2 },
    });
    const sim = createSimulation(s, '7/0');
    const R = sim.world.residents;
    const own = sim.world.state.epidemic as EpidemicState;
    const size = [0, 0, 0];
    for (let r = 0; r < R.count; r++) size[R.age[r]]++;
    const everyState = new Set<number>();
    while (!sim.done) {
      sim.step();
      const recount = new Float64Array(STATE_NAMES.length * 3);
      for (let r = 0; r < R.count; r++) recount[R.infection[r] * 3 + R.age[r]]++;
      for (let age = 0; age < 3; age++) {
        let total = 0;
        for (let st = 0; st < STATE_NAMES.length; st++) total += own.counts[st * 3 + age];
        expect(total, `age ${age}, day ${sim.day}`).toBe(size[age]);
      }
      expect(Array.from(own.counts)).toEqual(Array.from(recount));
      for (let st = 0; st < STATE_NAMES.length; st++) if (own.counts[st * 3] + own.counts[st * 3 + 1] + own.counts[st * 3 + 2] > 0) everyState.add(st);
    }
    // The run went through every state, deaths included, so the check was not vacuous.
    expect([...everyState].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
