/**
 * The carriers' contract (provision/contributions.ts): a carrier with no capacity left carries no
 * order, so delivery does not ask it (issue 16). Checked for every carrier of the five-society
 * scenario's modules (party members, volunteers, the volunteer pool, supermarkets), each afternoon
 * before the deliveries, against every household.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { CARRIERS, type Carrier } from '../../src/modules/provision/contributions.js';
import { qScenario } from '../helpers.js';
import { loadScenario } from '../../src/scenario/load.js';
import { resolve } from 'node:path';

const scenarios = {
  'q-community lockdown-2020': () => qScenario('lockdown-2020'),
  'five-society': () => loadScenario(resolve(__dirname, '../../scenarios/five-society/five-society.yaml')).scenario,
};

describe('a carrier with no capacity left', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`carries no household's order (${name})`, () => {
      const s = scenario();
      const sim = createSimulation(s, 'x');
      const world = sim.world as any;
      const delivery = sim.processes.find((p) => p.name === 'delivery')!;
      const step = delivery.step.bind(delivery);
      const wrong = new Set<string>();
      let emptyDays = 0;
      (delivery as { step: typeof delivery.step }).step = (w, ctx) => {
        const carriers = (ctx as any).provided(CARRIERS) as Carrier[];
        const need = { regime: s.regimes.early, orderHours: s.residentsCommittee.orderMinutes / 60, carryHours: 1 / s.lastMile.deliveriesPerHour };
        for (const c of carriers) {
          if (c.staffHoursFor || c.capacity(world) > 0) continue;
          emptyDays++;
          for (let h = 0; h < world.households.count; h++) if (c.canCarry(world, h, need)) wrong.add(c.name);
        }
        step(w, ctx);
      };
      try {
        sim.run();
      } finally {
        (delivery as { step: typeof delivery.step }).step = step;
      }
      expect([...wrong]).toEqual([]);
      expect(emptyDays).toBeGreaterThan(0);
    });
  }
});
