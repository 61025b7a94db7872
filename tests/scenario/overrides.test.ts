/** `--set path=value`: parsed as YAML, checked against the schema, validated like the file. */
import { describe, expect, it } from 'vitest';
import { parseSetOptions } from '../../src/cli/set-option.js';
import { setParameter } from '../../src/scenario/parse.js';
import { DEFAULT_TEXT, load, problemsOf } from './helpers.js';

const loadWith = (overrides: Record<string, unknown>) => load({ 's.yaml': DEFAULT_TEXT }, 's.yaml', overrides);

describe('--set values', () => {
  it('are YAML scalars', () => {
    expect(parseSetOptions(['a=0.5', 'b=true', 'c=null', 'd=2020-02-20', 'e=fairPrice', 'f={min: 1, max: 3}', 'g=', 'h="7"'])).toEqual({
      a: 0.5,
      b: true,
      c: null,
      d: '2020-02-20',
      e: 'fairPrice',
      f: { min: 1, max: 3 },
      g: null,
      h: '7',
    });
  });

  it('keep the last setting of a path, and split at the first =', () => {
    expect(parseSetOptions(['a=1', 'a=2', 'name=a=b'])).toEqual({ a: 2, name: 'a=b' });
  });

  it('need path=value', () => {
    const [p] = problemsOf(() => parseSetOptions(['regimes.later.subsidised']));
    expect(p).toMatchObject({ file: '--set', path: 'regimes.later.subsidised' });
    expect(p.message).toMatch(/expected path=value/);
  });
});

describe('overrides', () => {
  it('change the parameter and record that the command line set it', () => {
    const loaded = loadWith({ 'regimes.later.subsidised': false, 'partyMembers.perBuilding': { min: 1, max: 1 }, 'community.buildingsPerCompound.max': 12 });
    expect(loaded.scenario.regimes.later.subsidised).toBe(false);
    expect(loaded.scenario.partyMembers.perBuilding).toEqual({ min: 1, max: 1 });
    expect(loaded.scenario.community.buildingsPerCompound).toEqual({ min: 6, max: 12 });
    expect(loaded.provenance['regimes.later.subsidised']).toEqual({ kind: 'assumed', note: 'set on the command line; was true' });
    expect(loaded.provenance['community.buildingsPerCompound.max']).toEqual({ kind: 'assumed', note: 'set on the command line; was 10' });
  });

  it('may set a key the file leaves out, and accept [i] for list entries', () => {
    const text = DEFAULT_TEXT.replace('events: []', 'events:\n  - { date: 2020-03-01, type: caseDetected, extraAdminHours: 2, days: 3 }');
    const loaded = load({ 's.yaml': text }, 's.yaml', { description: 'mine', 'events[0].days': 5 });
    expect(loaded.scenario.description).toBe('mine');
    expect(loaded.scenario.events[0].days).toBe(5);
  });

  it('reject an unknown path with a suggestion', () => {
    const [p] = problemsOf(() => loadWith({ 'community.compund': 3 }));
    expect(p).toEqual({ file: '--set', path: 'community.compund', message: 'no parameter "community.compund": community has no "compund"; did you mean "compounds"?' });
  });

  it('reject an unknown top-level key', () => {
    const [p] = problemsOf(() => loadWith({ seeed: 3 }));
    expect(p.message).toBe('no parameter "seeed": a scenario has no "seeed"; did you mean "seed"?');
  });

  it('reject a list entry that does not exist', () => {
    const [p] = problemsOf(() => loadWith({ 'events.3.date': '2020-02-01' }));
    expect(p.message).toBe('no parameter "events.3.date": events has 0 entries (numbered from 0)');
  });

  it('reject a value of the wrong type, naming --set', () => {
    const problems = problemsOf(() => loadWith({ 'regimes.later.quality': 'good', 'merchants.otherSupermarkets': 2.5 }));
    expect(problems).toEqual([
      { file: '--set', path: 'merchants.otherSupermarkets', message: 'expected a whole number, found the number 2.5' },
      { file: '--set', path: 'regimes.later.quality', message: 'expected a number, found the text "good"' },
    ]);
  });

  it('reject a value out of range', () => {
    const [p] = problemsOf(() => loadWith({ 'population.smartphoneShare.elderly': 1.2 }));
    expect(p).toEqual({ file: '--set', path: 'population.smartphoneShare.elderly', message: 'expected a number at most 1, found the number 1.2' });
  });

  it('are checked across fields like the file', () => {
    const [p] = problemsOf(() => loadWith({ 'timeline.regimeSwitch': '2020-02-01' }));
    expect(p).toMatchObject({ file: '--set', path: 'timeline.regimeSwitch', message: 'regimeSwitch (2020-02-01) comes before closedManagement (2020-02-11)' });
  });
});

describe('setParameter', () => {
  it('throws on paths that are not parameter paths', () => {
    expect(() => setParameter({}, '', 1)).toThrow(/not a parameter path/);
    expect(() => setParameter({}, 'community..compounds', 1)).toThrow(/not a parameter path/);
    expect(() => setParameter({ community: 3 }, 'community.compounds', 1)).toThrow(/community is 3, not a mapping/);
  });
});
