/**
 * Bad input gives one clear message per problem: file, line, column, path, what was expected and
 * what was found. One test per case the issue lists.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/errors.js';
import { DEFAULT_TEXT, defaultWith, load, positionOf, problemsOf } from './helpers.js';

describe('files that are not scenario mappings', () => {
  it('reports a YAML syntax error at its line and column', () => {
    const text = 'name: x\ncalendar: { start: 2020-01-01, end: 2020-02-01\ntimeline: {}\n';
    const problems = problemsOf(() => load({ 'bad.yaml': text }, 'bad.yaml'));
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', path: '' });
    expect(problems[0].message).toMatch(/^not valid YAML: /);
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
    expect(problems[0].column).toBeGreaterThanOrEqual(1);
  });

  it('reports duplicate keys as a YAML error at the second key', () => {
    const text = 'name: a\nname: b\n';
    const [p] = problemsOf(() => load({ 'dup.yaml': text }, 'dup.yaml'));
    expect(p).toMatchObject({ file: 'dup.yaml', line: 2, column: 1 });
    expect(p.message).toMatch(/unique/);
  });

  it('rejects a file that is a list, saying what it found', () => {
    const [p] = problemsOf(() => load({ 'list.yaml': '# comment\n- 1\n- 2\n' }, 'list.yaml'));
    expect(p).toMatchObject({ file: 'list.yaml', line: 2, column: 1 });
    expect(p.message).toBe('expected a mapping of scenario keys (name, calendar, timeline, …), found a list');
  });

  it('rejects a file that is a single value', () => {
    const [p] = problemsOf(() => load({ 'n.json': '42' }, 'n.json'));
    expect(p.message).toMatch(/expected a mapping .* found the value 42/);
  });

  it('rejects an empty file, and one with only comments', () => {
    for (const text of ['', '# nothing here\n']) {
      const [p] = problemsOf(() => load({ 'empty.yaml': text }, 'empty.yaml'));
      expect(p).toMatchObject({ file: 'empty.yaml', line: 1, column: 1 });
      expect(p.message).toMatch(/^the file is empty/);
    }
  });
});

describe('unknown keys', () => {
  it('suggests the close known key, pointing at the misspelt key', () => {
    const text = defaultWith(['  compounds:', '  compunds:']);
    const problems = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    // One problem, not also "compounds is missing": the suggestion covers it.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({ file: 's.yaml', path: 'community.compunds', message: 'unknown key "compunds"; did you mean "compounds"?', ...positionOf(text, 'compunds') });
  });

  it("names the module whose section a scenario has without listing the module", () => {
    // The key is a known section, so "did you mean" would only offer the key itself.
    const text = `${DEFAULT_TEXT}\nmutualAid:\n  pilotYear: { value: 2012, assumed: "x" }\n`;
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p.path).toBe('mutualAid');
    expect(p.message).toBe('section "mutualAid" belongs to the module "mutualAid", which this scenario\'s `modules` does not list: add "mutualAid" to modules, or remove the section');
  });

  it('suggests across a difference of case only', () => {
    const text = defaultWith(['  regimeSwitch:', '  regimeswitch:']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p.message).toBe('unknown key "regimeswitch"; did you mean "regimeSwitch"?');
    expect(p.path).toBe('timeline.regimeswitch');
  });

  it('lists the known keys when nothing is close', () => {
    const text = defaultWith(['volunteers:\n', 'volunteers:\n  zebra: 3\n']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'volunteers.zebra', message: 'unknown key "zebra" (expected one of: hoursPerDay, weakTiesEffect)', ...positionOf(text, 'zebra') });
  });

  it('explains the provenance form when a wrapper has two sources', () => {
    const text = defaultWith(['{ value: 6, assumed:', '{ value: 6, paper: "x", assumed:']);
    const problems = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('community.compounds');
    expect(problems[0].message).toMatch(/^expected a whole number, found a mapping; .*exactly one source \(found keys value, paper, assumed\)$/);
  });
});

describe('wrong values', () => {
  it('suggests the source key when a provenance wrapper misspells it', () => {
    const text = defaultWith(['hoursPerDay: { value: 3, assumed:', 'hoursPerDay: { value: 3, assumd:']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'volunteers.hoursPerDay', message: 'expected a number, found a mapping; "assumd" is not a source: did you mean "assumed"?' });
  });

  it('names the expected type and what was found, at the wrapper\'s value', () => {
    const text = defaultWith(['householdsPerFloor: { value: 4,', 'householdsPerFloor: { value: four,']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toEqual({ file: 's.yaml', path: 'community.householdsPerFloor', message: 'expected a whole number, found the text "four"', ...positionOf(text, 'four') });
  });

  it('reports a share above 1', () => {
    const text = defaultWith(['volunteerShare: { value: 0.007', 'volunteerShare: { value: 1.5']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toEqual({ file: 's.yaml', path: 'population.volunteerShare', message: 'expected a number at most 1, found the number 1.5', ...positionOf(text, '1.5') });
  });

  it('reports a negative count', () => {
    const text = defaultWith(['otherSupermarkets: { value: 2,', 'otherSupermarkets: { value: -2,']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'merchants.otherSupermarkets', message: 'expected a whole number at least 0, found the number -2', ...positionOf(text, '-2', 'otherSupermarkets:') });
  });

  it('reports zero buildings per compound, at the bound inside the range', () => {
    const text = defaultWith(['buildingsPerCompound: { value: { min: 6, max: 10 }', 'buildingsPerCompound: { value: { min: 0, max: 10 }']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p.path).toBe('community.buildingsPerCompound.min');
    expect(p.message).toBe('expected a whole number at least 1, found the number 0');
    expect(p).toMatchObject(positionOf(text, '0, max: 10', 'buildingsPerCompound'));
  });

  it('reports zero compounds written bare', () => {
    const text = defaultWith(['compounds: { value: 6', 'compounds: 0 #']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'community.compounds', message: 'expected a whole number at least 1, found the number 0' });
  });

  it('reports a value not among the choices', () => {
    const text = defaultWith(['pricing: { value: bargained', 'pricing: { value: haggled']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'regimes.early.pricing', message: 'expected one of "bargained", "fairPrice", found the text "haggled"', ...positionOf(text, 'haggled') });
  });

  it('reports a missing key at the mapping it is missing from', () => {
    const text = defaultWith(['  householdsPerFloor: { value: 4, assumed: "typical urban residential building" }\n', '']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'community.householdsPerFloor', message: 'missing key "householdsPerFloor": expected a whole number', ...positionOf(text, 'community:') });
  });

  it('lists every problem in one error, in reading order', () => {
    const text = defaultWith(['otherSupermarkets: { value: 2,', 'otherSupermarkets: { value: -2,'], ['volunteerShare: { value: 0.007', 'volunteerShare: { value: 1.5']);
    const problems = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(problems.map((p) => p.path)).toEqual(['population.volunteerShare', 'merchants.otherSupermarkets']);
  });

  it('formats a problem as file:line:column: path: message', () => {
    const text = defaultWith(['otherSupermarkets: { value: 2,', 'otherSupermarkets: { value: -2,']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    const { line, column } = positionOf(text, '-2', 'otherSupermarkets:');
    expect(formatProblem(p)).toBe(`s.yaml:${line}:${column}: merchants.otherSupermarkets: expected a whole number at least 0, found the number -2`);
  });
});

describe('dates and the timeline', () => {
  it('reports a date that is not a date', () => {
    const text = defaultWith(['movementControl: { value: 2020-02-03', 'movementControl: { value: 2020-02-30']);
    const problems = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(problems[0]).toEqual({ file: 's.yaml', path: 'timeline.movementControl', message: 'expected a real calendar date, found the text "2020-02-30"', ...positionOf(text, '2020-02-30') });
  });

  it('reports text in a date field, saying offsets are allowed', () => {
    const text = defaultWith(['reopening: { value: 2020-03-25', 'reopening: { value: "late March"']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'timeline.reopening', message: 'expected a date (YYYY-MM-DD) or a whole number of days after calendar.start, found the text "late March"' });
  });

  it('reports a regime switch before the closure it follows', () => {
    const text = defaultWith(['regimeSwitch: { value: 2020-02-25', 'regimeSwitch: { value: 2020-02-05']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toEqual({ file: 's.yaml', path: 'timeline.regimeSwitch', message: 'regimeSwitch (2020-02-05) comes before closedManagement (2020-02-11)', ...positionOf(text, '2020-02-05') });
  });

  it('reports a regime switch without any closure', () => {
    const text = defaultWith(['closedManagement: { value: 2020-02-11', 'closedManagement: { value: null']);
    const problems = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'timeline.regimeSwitch', message: 'a regime switch needs a closedManagement date before it' }));
  });

  it('reports a timeline date outside the run', () => {
    const text = defaultWith(['reopening: { value: 2020-03-25', 'reopening: { value: 2020-05-01']);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toMatchObject({ path: 'timeline.reopening', message: '2020-05-01 is outside the run (2020-01-10 to 2020-04-15)' });
  });

  const event = (date: string) => `  - { date: ${date}, type: caseDetected, extraAdminHours: 2, days: 3 }`;

  it('reports events out of order, at the later-listed event', () => {
    const text = defaultWith(['events: []', `events:\n${event('2020-03-01')}\n${event('2020-02-01')}`]);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toEqual({ file: 's.yaml', path: 'events.1.date', message: "events must be in date order: 2020-02-01 comes before the previous event's 2020-03-01", ...positionOf(text, '2020-02-01', 'events:') });
  });

  it('reports an event outside the run', () => {
    const text = defaultWith(['events: []', `events:\n${event('2020-01-20')}\n${event('2020-02-01')}\n${event('2020-06-01')}`]);
    const [p] = problemsOf(() => load({ 's.yaml': text }, 's.yaml'));
    expect(p).toEqual({ file: 's.yaml', path: 'events.2.date', message: '2020-06-01 is outside the run (2020-01-10 to 2020-04-15)', ...positionOf(text, '2020-06-01') });
  });
});

describe('JSON scenarios', () => {
  it('get positions too', () => {
    const { parse } = JSON;
    expect(parse).toBeDefined();
    const json = '{\n  "name": "x",\n  "seed": -1\n}\n';
    const problems = problemsOf(() => load({ 's.json': json }, 's.json'));
    expect(problems).toContainEqual({ file: 's.json', path: 'seed', message: 'expected a whole number at least 0, found the number -1', line: 3, column: 11 });
  });
});

it('the default scenario loads without problems', () => {
  expect(load({ 's.yaml': DEFAULT_TEXT }, 's.yaml').scenario.name).toMatch(/^Q community/);
});
