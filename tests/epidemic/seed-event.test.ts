/**
 * The `epidemic.seedInfections` event: on its date, and not before, it infects the number of
 * residents it names, drawn among the compound and age group it names; it infects every one
 * left when it asks for more; a compound the community does not have is a located error.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { AGE } from '../../src/modules/community/index.js';
import { infectedAt, LAYER, STATE, type EpidemicWorld } from '../../src/modules/epidemic/index.js';
import { problemsOf } from '../scenario/helpers.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

const QUIET = {
  'community.compounds': 3,
  'epidemic.initialInfections': 0,
  'epidemic.importation.arrivalsPerDay': 0,
};

describe('epidemic.seedInfections', () => {
  it('infects the residents it names on its date, in its compound and age group, and no one before', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { ...QUIET, events: [{ date: '2020-02-03', type: 'epidemic.seedInfections', count: 5, compound: 1, age: 'elderly' }] });
    const sim = createSimulation(s, '1/0');
    const R = sim.world.residents;
    const hh = sim.world.households;
    const eventDay = sim.calendar.dayOf('2020-02-03');
    const infected = () => {
      const out: number[] = [];
      for (let r = 0; r < R.count; r++) if (R.infection[r] !== STATE.susceptible) out.push(r);
      return out;
    };
    while (sim.day < eventDay) sim.step();
    expect(infected()).toEqual([]);
    sim.step();
    const seeded = infected();
    expect(seeded).toHaveLength(5);
    for (const r of seeded) {
      expect(hh.compound[R.household[r]]).toBe(1);
      expect(R.age[r]).toBe(AGE.elderly);
      expect(R.layer[r]).toBe(LAYER.seed);
      expect(infectedAt(sim.world as unknown as EpidemicWorld, r)).toBe(eventDay);
    }
  });

  it('infects everyone left when it asks for more, and draws anywhere without a compound or age', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, {
      ...QUIET,
      events: [
        { date: '2020-01-12', type: 'epidemic.seedInfections', count: 100000, compound: 2, age: 'child' },
        { date: '2020-01-12', type: 'epidemic.seedInfections', count: 40 },
      ],
    });
    const sim = createSimulation(s, '2/0');
    const R = sim.world.residents;
    const hh = sim.world.households;
    let children = 0;
    for (let r = 0; r < R.count; r++) if (R.age[r] === AGE.child && hh.compound[R.household[r]] === 2) children++;
    expect(children).toBeGreaterThan(0);
    while (sim.day <= sim.calendar.dayOf('2020-01-12')) sim.step();
    let seededChildren = 0;
    let seededElsewhere = 0;
    const compounds = new Set<number>();
    for (let r = 0; r < R.count; r++) {
      if (R.layer[r] !== LAYER.seed) continue;
      if (R.age[r] === AGE.child && hh.compound[R.household[r]] === 2) seededChildren++;
      else seededElsewhere++;
      compounds.add(hh.compound[R.household[r]]);
    }
    expect(seededChildren).toBe(children);
    // The second event's 40 fall on the susceptible residents left, across the community.
    expect(seededElsewhere).toBeGreaterThan(20);
    expect(compounds.size).toBe(3);
  });

  it('a compound the community does not have is an error at the event', () => {
    const problems = problemsOf(() => scenario(LOCKDOWN_EPIDEMIC, { ...QUIET, events: [{ date: '2020-02-03', type: 'epidemic.seedInfections', count: 5, compound: 3 }] }));
    expect(problems.map((p) => [p.path, p.message])).toContainEqual(['events.0.compound', expect.stringContaining('compound 3 does not exist')]);
  });

  it('an unknown age group or a count of 0 is an error at the event', () => {
    const age = problemsOf(() => scenario(LOCKDOWN_EPIDEMIC, { ...QUIET, events: [{ date: '2020-02-03', type: 'epidemic.seedInfections', count: 5, age: 'teen' }] }));
    expect(age.some((p) => p.path === 'events.0.age')).toBe(true);
    const zero = problemsOf(() => scenario(LOCKDOWN_EPIDEMIC, { ...QUIET, events: [{ date: '2020-02-03', type: 'epidemic.seedInfections', count: 0 }] }));
    expect(zero.some((p) => p.path === 'events.0.count')).toBe(true);
  });
});
