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

  it("gives each step the day's fields, the model's context and the process's own stream, every day", () => {
    const seen: string[] = [];
    const sim = new Simulation<Toy>({
      world: { total: 0, log: [] },
      calendar: new Calendar('2020-01-01', '2020-01-04'),
      timeline: new Timeline([{ name: 'normal', startDay: 0 }, { name: 'crisis', startDay: 2 }], [{ day: 3, type: 'alarm' }]),
      processes: [
        { name: 'a', step: (_w, ctx) => { seen.push(`a ${ctx.day} ${ctx.date} ${ctx.phase} ${ctx.events.map((e) => e.type).join()} ${(ctx as unknown as { extra: number }).extra}`); } },
        { name: 'b', phases: ['crisis'], step: (_w, ctx) => { seen.push(`b ${ctx.day} ${ctx.phase} ${ctx.rng === ctx.stream('b')}`); } },
      ],
      metrics: [{ name: 'm', unit: '', description: '', sample: (_w, ctx) => { seen.push(`m ${ctx.day} ${ctx.rng === ctx.stream('metrics')}`); return 0; } }],
      seed: 's',
      context: { extra: 7 },
    }).run();
    expect(sim.day).toBe(4);
    expect(seen).toEqual([
      'a 0 2020-01-01 normal  7', 'm 0 true',
      'a 1 2020-01-02 normal  7', 'm 1 true',
      'a 2 2020-01-03 crisis  7', 'b 2 crisis true', 'm 2 true',
      'a 3 2020-01-04 crisis alarm 7', 'b 3 crisis true', 'm 3 true',
    ]);
  });

  it('draws from the restored streams when a simulation that ran on is restored', () => {
    const whole = toy().run();
    const sim = toy().run(4);
    const snapshot = sim.snapshot();
    sim.run(8).restore(snapshot).run();
    expect(Array.from(sim.columns.total)).toEqual(Array.from(whole.columns.total));
  });

  it('refuses a process listed twice', () => {
    const p = { name: 'p', step: () => {} };
    expect(() => new Simulation({ world: {}, calendar: new Calendar('2020-01-01', '2020-01-02'), timeline: new Timeline([{ name: 'n', startDay: 0 }]), processes: [p, p], metrics: [], seed: 's' })).toThrow(/twice/);
  });
});
