/**
 * Size invariance at fixed norms (issue 11). The community is scaled by its number of compounds
 * (0.5×, 1×, 2×, 4× the default's 6), keeping every norm and share: RC posts per 10,000 residents,
 * gate duty per compound, party members per building, volunteers per resident, self-organisation
 * per compound. Per-capita outcomes must then stay within seed noise of the default's.
 *
 * The margins are for seed noise, not for a trend: the draws made per compound (property company
 * or not, social capital) are few in a small community, so its means over four seeds wander —
 * unmet personal need most, since a compound self-organises or not as a whole.
 *
 * Every capacity is a norm now: merchants' restock per 1,000 residents and their delivery staff
 * per 1,000 packages of restock (issue 11), so nothing is scaled by hand — the scenario is the
 * default with more or fewer compounds.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, DEFAULT_SCENARIO } from '../../src/scenario/load.js';
import { runScenario } from '../../src/experiment/run.js';
import { mean } from '../helpers.js';

const SEEDS = 4;
const FACTORS = [0.5, 1, 2, 4];

const base = loadScenario(DEFAULT_SCENARIO).scenario;

function scaled(factor: number) {
  const scenario = loadScenario(DEFAULT_SCENARIO, { 'community.compounds': Math.round(base.community.compounds * factor) }).scenario;
  const runs = Array.from({ length: SEEDS }, (_, replicate) => runScenario(scenario, { replicate }).summary);
  return {
    residents: mean(runs.map((s) => s.population.residents)),
    loss: mean(runs.map((s) => s.resilience.lossNeedDays)),
    personal: mean(runs.map((s) => s.personal.unmetNeedDaysPerHousehold)),
  };
}

describe('per-capita outcomes at fixed norms do not depend on the community size', () => {
  const results = FACTORS.map((f) => ({ f, ...scaled(f) }));
  const one = results.find((r) => r.f === 1)!;

  it('the scaled communities are the sizes asked for', () => {
    for (const r of results) expect(r.residents / one.residents).toBeCloseTo(r.f, 0);
  });

  it.each(FACTORS.filter((f) => f !== 1))('%s× the default: unmet basic need-days per resident within 25 %% of 1×, unmet personal need within 30 %%', (f) => {
    const r = results.find((x) => x.f === f)!;
    expect(r.loss / one.loss, `loss ${r.loss.toFixed(2)} vs ${one.loss.toFixed(2)}`).toBeGreaterThan(0.75);
    expect(r.loss / one.loss, `loss ${r.loss.toFixed(2)} vs ${one.loss.toFixed(2)}`).toBeLessThan(1.25);
    expect(r.personal / one.personal, `personal ${r.personal.toFixed(1)} vs ${one.personal.toFixed(1)}`).toBeGreaterThan(0.7);
    expect(r.personal / one.personal, `personal ${r.personal.toFixed(1)} vs ${one.personal.toFixed(1)}`).toBeLessThan(1.3);
  });
});
