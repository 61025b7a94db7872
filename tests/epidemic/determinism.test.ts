/**
 * The epidemic is a pure function of scenario and seed: the same seed gives byte-identical
 * outputs, and a run continued from a snapshot taken mid-epidemic (its cases kept by case, grown
 * as they come) replays the rest exactly.
 */
import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { createSimulation } from '../../src/model/index.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

describe('epidemic determinism', () => {
  it('same scenario and seed, same bytes; another seed, another epidemic', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { 'community.compounds': 2, 'epidemic.initialInfections': 10 });
    const text = (seed: number) => {
      const r = runScenario(s, { seed });
      return timeseriesCsv(r) + summaryJson(r);
    };
    const a = text(5);
    expect(text(5)).toBe(a);
    expect(text(6)).not.toBe(a);
  });

  it('a run restored from a snapshot taken mid-epidemic replays the rest exactly', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { 'community.compounds': 2, 'epidemic.initialInfections': 10 });
    const whole = createSimulation(s, '5/0');
    whole.run(40);
    const snap = whole.snapshot();
    expect((snap.world.state.epidemic as { cases: { count: number } }).cases.count).toBeGreaterThan(10);
    whole.run();
    const resumed = createSimulation(s, '5/0').restore(snap).run();
    for (const [metric, column] of Object.entries(whole.columns)) {
      expect({ metric, same: Buffer.from(column.buffer).equals(Buffer.from(resumed.columns[metric].buffer)) }).toEqual({ metric, same: true });
    }
  });
});
