import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { readerOver, SHIPPED, DEFAULT_SCENARIO, shippedNames, scenarioTitle } from '../../viz/src/data/scenarios.js';
import { changesBetween, holdCrisis, overridesOf, settingsOf, SLIDERS, startCrisisOn, SWITCHES, switchedOffModules, switchesOf } from '../../viz/src/data/teacher.js';
import { parseWithout } from '../../viz/src/data/societies.js';

const load = (overrides: Record<string, unknown> = {}, file = DEFAULT_SCENARIO) => parseScenario(SHIPPED[file], file, readerOver(SHIPPED), overrides).scenario;

describe('shipped scenarios in the browser bundle', () => {
  it('lists the default first and resolves every variant’s extends', () => {
    const names = shippedNames();
    expect(names[0]).toBe(DEFAULT_SCENARIO);
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const n of names) expect(load({}, n).name).toBe(scenarioTitle(SHIPPED[n], n));
    expect(load({}, 'q-community/no-double-reporting.yaml').partyMembers.doubleReporting).toBe(false);
  });
});

describe('teacher switches and sliders', () => {
  it('are real scenario parameters: every override validates and lands where it should', () => {
    const allOff = overridesOf({ switches: Object.fromEntries(SWITCHES.map((s) => [s.id, false])), sliders: { subsidy: 20, partyMembers: 4, smartphone: 55, staff: 7 } });
    const s = load(allOff);
    // Module switches set no parameter, and the default scenario has no epidemic to switch.
    expect(Object.values(switchesOf(s))).toEqual(SWITCHES.filter((sw) => sw.module === undefined).map(() => false));
    expect(s.packages.vegetable.subsidy).toBe(20);
    expect(s.partyMembers.perBuilding).toEqual({ min: 4, max: 4 });
    expect(s.population.smartphoneShare.elderly).toBeCloseTo(0.55);
    expect(s.residentsCommittee.staffPer10000Residents).toBe(7);
    for (const sl of SLIDERS) expect(sl.read(s)).toBe(({ subsidy: 20, partyMembers: 4, smartphone: 55, staff: 7 } as Record<string, number>)[sl.id]);
  });

  it('start from the scenario’s own positions, and setting them changes nothing', () => {
    expect(switchesOf(load())).toEqual({ doubleReporting: true, selfOrganisation: true, subsidy: true, volunteers: true, wechatChain: true, doorToDoor: true });
    expect(settingsOf(load()).sliders).toEqual({ subsidy: 12, partyMembers: 3, smartphone: 30, staff: 18 });
    expect(switchesOf(load({}, 'q-community/no-subsidy.yaml')).subsidy).toBe(false);
    const base = settingsOf(load());
    expect(load(overridesOf(base, base))).toEqual(load());
    // Without a base every slider is applied, and party members per building become one number.
    expect(load(overridesOf(base)).partyMembers.perBuilding).toEqual({ min: 3, max: 3 });
    const moved = overridesOf({ ...base, sliders: { ...base.sliders, staff: 20 } }, base);
    expect(Object.keys(moved).filter((k) => !SWITCHES.some((sw) => sw.paths.includes(k)))).toEqual(['residentsCommittee.staffPer10000Residents']);
  });

  it('describe what changed, switches by caption and sliders by old and new value', () => {
    const before = { switches: { doubleReporting: true, subsidy: true }, sliders: { staff: 11 } };
    const after = { switches: { doubleReporting: false, subsidy: true }, sliders: { staff: 20 } };
    expect(changesBetween(before, after)).toEqual([
      { kind: 'switch', id: 'doubleReporting', key: 'capDoubleReportingOff' },
      { kind: 'slider', id: 'staff', key: 'slStaff', from: 11, to: 20 },
    ]);
    expect(changesBetween(before, before)).toEqual([]);
  });
});

describe('the epidemic switch', () => {
  const EPIDEMIC = 'q-community/lockdown-with-epidemic.yaml';
  it('is offered where the scenario has the epidemic, and off takes the module out of the model', () => {
    expect(switchesOf(load()).epidemic).toBeUndefined();
    const on = settingsOf(load({}, EPIDEMIC));
    expect(on.switches.epidemic).toBe(true);
    expect(switchedOffModules(on.switches)).toEqual([]);
    const off = { ...on, switches: { ...on.switches, epidemic: false } };
    expect(switchedOffModules(off.switches)).toEqual(['epidemic']);
    expect(changesBetween(on, off)).toEqual([{ kind: 'switch', id: 'epidemic', key: 'capEpidemicOff' }]);
    const without = parseWithout(SHIPPED[EPIDEMIC], EPIDEMIC, readerOver(SHIPPED), overridesOf(off, on), switchedOffModules(off.switches)).scenario;
    expect(without.modules).not.toContain('epidemic');
    const run = (s: typeof without) => runScenario({ ...s, community: { ...s.community, compounds: 2 } }, { seed: 1 });
    // With the epidemic the run has infections; without, no epidemic measure at all.
    expect(run(load({}, EPIDEMIC)).summary.epidemic.infections).toBeGreaterThan(0);
    expect(run(without).summary.epidemic).toBeUndefined();
  });
});

describe('holding and starting the crisis', () => {
  it('holdCrisis leaves the whole run in normal times', () => {
    const r = runScenario(holdCrisis(load()));
    expect(new Set(r.phases)).toEqual(new Set(['normal']));
  });

  it('startCrisisOn moves every step by the same days and lengthens the run to keep the recovery', () => {
    const s = load();
    const moved = startCrisisOn(s, '2020-02-01');
    expect(moved.timeline.roadClosure).toBe('2020-02-01');
    expect(moved.timeline.movementControl).toBe('2020-02-11');
    expect(moved.timeline.closedManagement).toBe('2020-02-19');
    expect(moved.timeline.reopening).toBe('2020-04-02');
    expect(moved.calendar).toEqual({ start: s.calendar.start, end: '2020-04-23' });
    expect(s.timeline.roadClosure).toBe('2020-01-24');
  });

  it('replays the days before the crisis exactly as the held run had them (same seed)', () => {
    const s = load();
    const held = runScenario(holdCrisis(s));
    const day = 20;
    const started = runScenario(startCrisisOn(s, held.dates[day]));
    expect(started.phases[day - 1]).toBe('normal');
    expect(started.phases[day]).toBe('roadClosure');
    for (const m of ['q', 'meanSatisfaction', 'outingPurchases', 'qElderlyNoSmartphone']) {
      expect(Array.from(started.series[m].subarray(0, day)), m).toEqual(Array.from(held.series[m].subarray(0, day)));
    }
    expect(started.summary.resilience.shockDay).toBe(day);
  });
});

describe('scenario names in Chinese', () => {
  it('translate every shipped scenario and leave the others as written', async () => {
    const { scenarioName, setLang } = await import('../../viz/src/i18n.js');
    setLang('zh');
    try {
      for (const n of shippedNames().filter((f) => f.startsWith('q-community/'))) expect(scenarioName(n, 'x'), n).toMatch(/^Q社区封控/);
      expect(scenarioName('mine.yaml', 'My scenario')).toBe('My scenario');
    } finally {
      setLang('en');
    }
    expect(scenarioName(DEFAULT_SCENARIO, 'Q community')).toBe('Q community');
  });
});

describe('the scenario menu', () => {
  it('lists scenarios, not other YAML files that may sit beside them', async () => {
    const { looksLikeScenario } = await import('../../viz/src/data/scenarios.js');
    expect(looksLikeScenario(SHIPPED[DEFAULT_SCENARIO])).toBe(true);
    expect(looksLikeScenario('# a variant\nextends: lockdown-2020.yaml\n')).toBe(true);
    expect(looksLikeScenario('name: sweep\nbase: ../q-community/lockdown-2020.yaml\nvary: {}\n')).toBe(false);
  });
});
