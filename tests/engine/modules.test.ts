/**
 * The module contract and assembly: what a module may declare, what assembly refuses, and that
 * the model a scenario names is the model that runs.
 */
import { describe, expect, it } from 'vitest';
import { assemble, defineModule, ModuleError, RandomStreams, type ModuleDef } from '../../src/engine/index.js';
import { flatten } from '../../src/experiment/measures.js';
import { runScenario } from '../../src/experiment/run.js';
import { assembleScenario, createSimulation } from '../../src/model/index.js';
import { BUILTIN_MODULES, Q_COMMUNITY } from '../../src/modules/index.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { validateDocument } from '../../src/scenario/parse.js';
import { qScenario } from '../helpers.js';
import { loadScenario, DEFAULT_SCENARIO } from '../../src/scenario/load.js';

const mod = (name: string, extra: Partial<ModuleDef> = {}): ModuleDef => defineModule({ name, description: name, ...extra });

describe('assemble', () => {
  it('puts requirements first whatever the listed order, and otherwise keeps it', () => {
    const a = assemble([mod('c', { requires: ['a'] }), mod('b'), mod('a')]);
    expect(a.modules.map((m) => m.name)).toEqual(['b', 'a', 'c']);
  });

  it('refuses a missing requirement, a cycle, a module listed twice, and a column or counter declared twice', () => {
    expect(() => assemble([mod('a', { requires: ['x'] })])).toThrow(/requires "x", which is not in the model/);
    expect(() => assemble([mod('a', { requires: ['b'] }), mod('b', { requires: ['a'] })])).toThrow(ModuleError);
    expect(() => assemble([mod('a', { requires: ['b'] }), mod('b', { requires: ['a'] })])).toThrow(/cycle/);
    expect(() => assemble([mod('a'), mod('a')])).toThrow(/listed twice/);
    expect(() => assemble([mod('a', { columns: { households: { x: Uint8Array } } }), mod('b', { columns: { households: { x: Uint8Array } } })])).toThrow(/households\.x is declared by both/);
    const counter = { name: 'n', unit: 'count', description: '' };
    expect(() => assemble([mod('a', { counters: [counter] }), mod('b', { counters: [counter] })])).toThrow(/counter "n"/);
    const step = () => {};
    expect(() => assemble([mod('a', { processes: [{ name: 'p', slot: 'dawn', step }] }), mod('b', { processes: [{ name: 'p', slot: 'night', step }] })])).toThrow(/random stream/);
  });

  it('orders the day by slot, then order, then module order, after the engine\'s beginDay', () => {
    const step = () => {};
    const a = assemble([
      mod('a', { processes: [{ name: 'late', slot: 'night', step }, { name: 'second', slot: 'morning', order: 1, step }] }),
      mod('b', { processes: [{ name: 'first', slot: 'morning', step }, { name: 'third', slot: 'morning', order: 1, step }] }),
    ]);
    expect(a.processes.map((p) => p.name)).toEqual(['beginDay', 'first', 'second', 'third', 'late']);
    expect(a.plan()).toMatch(/morning\s+b\.first[\s\S]*morning\s+a\.second[\s\S]*night\s+a\.late/);
  });

  it('allocates each table once with every module\'s columns, zeroes counters each dawn, and applies interventions', () => {
    const a = assemble([
      mod('a', {
        columns: { households: { x: Float64Array } },
        populate: (_w, ctx) => ctx.allocate('households', 3),
        counters: [{ name: 'n', unit: 'count', description: 'n' }],
        processes: [{ name: 'count', slot: 'morning', step: (w) => { w.today.n += w.households.count; } }],
        interventions: [{ name: 'bump', description: '', args: null, apply: (_w, own, e) => { own.bumped = e.by; } }],
        init: () => ({ bumped: 0 }),
      }),
      mod('b', { columns: { households: { y: Int32Array } } }),
    ]);
    const w = a.createWorld({}, new RandomStreams('s'));
    // Built as doubles (from -0, engine/assemble.ts), but 0 from the start: no process or metric ever reads -0.
    expect(Object.is(w.today.n, 0)).toBe(true);
    expect(Object.keys(w.households).sort()).toEqual(['count', 'x', 'y']);
    expect(w.residents.count).toBe(0);
    const ctx = { day: 0, date: '', phase: 'p', events: [{ day: 0, type: 'bump', by: 7 }], rng: () => 0, stream: () => () => 0, provided: a.provided } as never;
    for (const p of a.processes) p.step(w, ctx);
    expect(w.today.n).toBe(3);
    expect(w.state.a.bumped).toBe(7);
    a.processes[0].step(w, { ...(ctx as object), events: [] } as never);
    expect(w.today.n).toBe(0);
  });

  it('collects contributions under a key in module order', () => {
    const a = assemble([mod('a', { provides: { k: [1, 2] } }), mod('b', { provides: { k: [3] } })]);
    expect(a.provided('k')).toEqual([1, 2, 3]);
    expect(a.provided('none')).toEqual([]);
  });
});

describe('the built-in modules', () => {
  const scenario = qScenario('lockdown-2020', { 'community.compounds': 1 });
  const result = runScenario(scenario, { seed: 4 });
  const assembly = assembleScenario(scenario);

  it('each write exactly the summary measures they declare, in the order they declare them', () => {
    const sim = createSimulation(scenario, result.runSeed).run();
    const run = { columns: sim.columns, calendar: sim.calendar, timeline: sim.timeline };
    for (const m of assembly.modules) {
      if (!m.measures) continue;
      const own = m.measures.summarise(sim.world, sim.world.state[m.name], run);
      expect(Object.keys(flatten(own)), m.name).toEqual([...m.measures.names]);
    }
  });

  it('declare every daily metric the run records, with a unit and a description', () => {
    expect(result.metrics.map((m) => m.name)).toEqual(assembly.metrics.map((m) => m.name));
    for (const m of assembly.metrics) expect(m.unit.length * m.description.length, m.name).toBeGreaterThan(0);
  });

  it('are all in the registry, and a scenario written before modules (no modules: line) gets the Q-community preset', () => {
    for (const name of Q_COMMUNITY) expect(BUILTIN_MODULES.has(name), name).toBe(true);
    const old = loadScenario(DEFAULT_SCENARIO).document;
    delete old.modules;
    const { scenario } = validateDocument(old, 'old.yaml');
    expect(scenario.modules).toEqual([...Q_COMMUNITY]);
    expect(runScenario(scenario, { seed: 4 }).summary).toEqual(runScenario(loadScenario(DEFAULT_SCENARIO).scenario, { seed: 4 }).summary);
  });
});

describe('a scenario\'s modules', () => {
  const document = () => structuredClone(loadScenario(DEFAULT_SCENARIO).document);

  it('an unknown module is a located problem at its entry of the list', () => {
    const doc = { ...document(), modules: [...Q_COMMUNITY, 'foodbank'] };
    expect(() => validateDocument(doc, 'x.yaml')).toThrow(ScenarioError);
    try {
      validateDocument(doc, 'x.yaml');
    } catch (e) {
      expect((e as ScenarioError).problems[0]).toMatchObject({ path: `modules.${Q_COMMUNITY.length}`, message: expect.stringMatching(/no module named "foodbank"/) });
    }
  });

  it('a missing requirement is a problem at the module that needs it', () => {
    const doc = { ...document(), modules: Q_COMMUNITY.filter((m) => m !== 'merchants') };
    try {
      validateDocument(doc, 'x.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).problems.map((p) => p.message).join('\n')).toMatch(/module "provision" requires "merchants"/);
    }
  });

  it('a model without a module refuses that module\'s section, and runs without its behaviour', () => {
    const without = Q_COMMUNITY.filter((m) => m !== 'selfOrganisation');
    expect(() => validateDocument({ ...document(), modules: without }, 'x.yaml')).toThrow(/selfOrganisation/);
    const doc = { ...document(), modules: without };
    // Every section the module owns (selfOrganisation and groupBuying) goes with it.
    delete (doc as Record<string, unknown>).selfOrganisation;
    delete (doc as Record<string, unknown>).groupBuying;
    const { scenario } = validateDocument(doc, 'x.yaml');
    const r = runScenario(scenario, { seed: 4 });
    expect(r.series.groupBuyHouseholds).toBeUndefined();
    expect((r.summary as Record<string, unknown>).selfOrganisation).toBeUndefined();
    // Self-organisation met personal needs: without the module, more go unmet than with it.
    const withIt = runScenario(loadScenario(DEFAULT_SCENARIO).scenario, { seed: 4 });
    expect(r.summary.personal.unmetNeedDaysPerHousehold).toBeGreaterThan(withIt.summary.personal.unmetNeedDaysPerHousehold);
  });

  it('dates an intervention by its qualified name or, where unambiguous, its bare name, with the same result', () => {
    const run = (type: string) => {
      const doc = { ...document(), events: [{ date: '2020-02-15', type, extraAdminHours: 30, days: 5 }] };
      return runScenario(validateDocument(doc, 'x.yaml').scenario, { seed: 4 });
    };
    const qualified = run('residentsCommittee.caseDetected');
    expect(run('caseDetected').summary).toEqual(qualified.summary);
    const plain = runScenario(loadScenario(DEFAULT_SCENARIO).scenario, { seed: 4 });
    expect(qualified.summary.staff.hoursDemanded).toBeGreaterThan(plain.summary.staff.hoursDemanded);
    expect(() => run('epidemic.caseDetected')).toThrow(ScenarioError);
  });
});
