import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { Simulation } from '../../src/engine/simulation.js';
import { Timeline } from '../../src/engine/timeline.js';

interface Toy { total: number; log: string[] }

function toy() {
  return new Simulation<Toy>({
    world: { total: 0, log: [] },
    calendar: new Calendar('2020-01-01', '2020-01-10'),
    timeline: new Timeline([{ name: 'normal', startDay: 0 }, { name: 'crisis', startDay: 5 }]),
    processes: [
      { name: 'grow', step: (w, ctx) => { w.total += ctx.rng(); } },
      { name: 'crisisOnly', phases: ['crisis'], step: (w, ctx) => { w.log.push(ctx.date); } },
    ],
    metrics: [{ name: 'total', unit: '', description: '', sample: (w) => w.total }],
    seed: 'toy',
  });
}

describe('Simulation', () => {
  it('runs processes only in their phases and records one sample per day', () => {
    const sim = toy().run();
    expect(sim.world.log).toEqual(['2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09', '2020-01-10']);
    expect(sim.columns.total.length).toBe(10);
    expect(Array.from(sim.columns.total).every((x, i, a) => i === 0 || x > a[i - 1])).toBe(true);
  });

  it('continues from a snapshot exactly as the uninterrupted run', () => {
    const whole = toy().run();
    const first = toy().run(4);
    const branch = toy().restore(first.snapshot()).run();
    expect(Array.from(branch.columns.total)).toEqual(Array.from(whole.columns.total));
  });

  it('refuses a process listed twice', () => {
    const p = { name: 'p', step: () => {} };
    expect(() => new Simulation({ world: {}, calendar: new Calendar('2020-01-01', '2020-01-02'), timeline: new Timeline([{ name: 'n', startDay: 0 }]), processes: [p, p], metrics: [], seed: 's' })).toThrow(/twice/);
  });
});
