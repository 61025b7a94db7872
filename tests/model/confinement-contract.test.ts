import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { defineModule } from '../../src/engine/index.js';
import { Q_COMMUNITY } from '../../src/modules/index.js';
import { CONFINEMENTS } from '../../src/modules/households/index.js';
import { qScenario } from '../helpers.js';

/**
 * A confinement a module of the user's own contributes (src/modules/households/confinement.ts):
 * since issue 16's part 16ad it strikes households off the day's list (`letOut`); one of the
 * shape before, a predicate asked per household, is refused with a message naming the new shape.
 */
describe("a user's confinement contribution", () => {
  const scenario = qScenario('lockdown-2020');
  const withConfinement = (name: string, confinement: object) =>
    runScenario({ ...scenario, modules: [...Q_COMMUNITY, name] }, {
      seed: 3,
      modules: [defineModule({ name, description: 'keeps households in', provides: { [CONFINEMENTS]: [confinement] } })],
    });

  it('of the old shape, confined(world, h), is refused naming letOut', () => {
    expect(() => withConfinement('oldQuarantine', { name: 'oldQuarantine', confined: () => true })).toThrow(/'oldQuarantine' has no letOut\(world, households, count\)/);
  });

  it('of the new shape keeps at home whom it strikes off: none left free, no outing', () => {
    const free = runScenario(scenario, { seed: 3 });
    const kept = withConfinement('everyoneIn', { name: 'everyoneIn', letOut: () => 0 });
    const outings = (r: typeof free) => r.series.outingPurchases?.reduce((a, b) => a + b, 0);
    expect(outings(free)).toBeGreaterThan(0);
    expect(outings(kept)).toBe(0);
  });
});
