/** `extends:` inherits a scenario: mappings merge, lists and values replace; bad chains are clear errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { load, positionOf, problemsOf } from './helpers.js';

describe('extends', () => {
  it('overrides only what the variant names; lists replace', () => {
    const variant = [
      'extends: base.yaml',
      'name: variant',
      'regimes:',
      '  later:',
      '    subsidised: false',
      'events:',
      '  - { date: 2020-03-01, type: caseDetected, extraAdminHours: 2, days: 3 }',
      '',
    ].join('\n');
    const { scenario, provenance } = load({ 'v.yaml': variant }, 'v.yaml');
    const base = load({}, 'base.yaml').scenario;
    expect(scenario.regimes.later.subsidised).toBe(false);
    expect(scenario.regimes.later.pricing).toBe(base.regimes.later.pricing);
    expect(scenario.regimes.early).toEqual(base.regimes.early);
    expect(scenario.events).toHaveLength(1);
    // The inherited values keep their sources; the bare override has none.
    expect(provenance['regimes.later.pricing'].kind).toBe('paper');
    expect(provenance['regimes.later.subsidised']).toBeUndefined();
  });

  it('follows a chain of extends, relative to each file', () => {
    const files = {
      'a/mid.yaml': 'extends: ../base.yaml\nvolunteers: { hoursPerDay: 5 }\n',
      'a/b/leaf.yaml': 'extends: ../mid.yaml\nname: leaf\n',
    };
    const { scenario } = load(files, 'a/b/leaf.yaml');
    expect(scenario.name).toBe('leaf');
    expect(scenario.volunteers.hoursPerDay).toBe(5);
  });

  it('names a missing file at the extends line', () => {
    const text = 'name: x\nextends: nowhere.yaml\n';
    const [p] = problemsOf(() => load({ 'v.yaml': text }, 'v.yaml'));
    expect(p).toEqual({ file: 'v.yaml', path: 'extends', message: 'cannot read "nowhere.yaml": no such file (looked for nowhere.yaml)', line: 2, column: 10 });
  });

  it('names a missing file on disk with the path it looked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crsim-scenario-'));
    writeFileSync(join(dir, 'v.yaml'), 'extends: gone.yaml\n');
    const [p] = problemsOf(() => loadScenario(join(dir, 'v.yaml')));
    expect(p).toMatchObject({ path: 'extends', line: 1, column: 10 });
    expect(p.message).toBe(`cannot read "gone.yaml": no such file (looked for ${join(dir, 'gone.yaml')})`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a cycle, with the chain, where it closes', () => {
    const files = { 'a.yaml': 'extends: b.yaml\nname: a\n', 'b.yaml': '# b\nextends: c.yaml\n', 'c.yaml': 'name: c\nextends: a.yaml\n' };
    const [p] = problemsOf(() => load(files, 'a.yaml'));
    expect(p).toEqual({ file: 'c.yaml', path: 'extends', message: 'extends cycle: a.yaml → b.yaml → c.yaml → a.yaml', line: 2, column: 10 });
  });

  it('reports a file that extends itself', () => {
    const [p] = problemsOf(() => load({ 'a.yaml': 'extends: a.yaml\n' }, 'a.yaml'));
    expect(p.message).toBe('extends cycle: a.yaml → a.yaml');
  });

  it('rejects an extends that is not a path', () => {
    const [p] = problemsOf(() => load({ 'a.yaml': 'extends: [base.yaml]\n' }, 'a.yaml'));
    expect(p).toMatchObject({ path: 'extends', line: 1, column: 10 });
    expect(p.message).toMatch(/^expected the path of a scenario file/);
  });

  it('reports a problem in the file that wrote it: the variant, or the file it extends', () => {
    const variant = 'extends: base.yaml\ncommunity:\n  compounds: 0\n';
    const [p] = problemsOf(() => load({ 'v.yaml': variant }, 'v.yaml'));
    expect(p).toEqual({ file: 'v.yaml', path: 'community.compounds', message: 'expected a whole number at least 1, found the number 0', line: 3, column: 14 });

    const brokenBase = 'extends: base.yaml\nname: x\n';
    const files = { 'v.yaml': brokenBase, 'base.yaml': 'name: b\nseed: -3\n' };
    const problems = problemsOf(() => load(files, 'v.yaml'));
    expect(problems).toContainEqual({ file: 'base.yaml', path: 'seed', message: 'expected a whole number at least 0, found the number -3', ...positionOf(files['base.yaml'], '-3') });
  });

  it('reports a YAML error in the extended file against that file', () => {
    const [p] = problemsOf(() => load({ 'v.yaml': 'extends: p.yaml\n', 'p.yaml': 'a: [\n' }, 'v.yaml'));
    expect(p.file).toBe('p.yaml');
    expect(p.message).toMatch(/^not valid YAML/);
  });

  it('catches a cycle on disk at the file that closes it, however the first file was named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crsim-cycle-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), 'extends: b.yaml\n');
      writeFileSync(join(dir, 'b.yaml'), 'extends: a.yaml\n');
      const typed = relative(process.cwd(), join(dir, 'a.yaml'));
      const [p] = problemsOf(() => loadScenario(typed));
      expect(p.file).toBe(join(dir, 'b.yaml'));
      expect(p.message).toBe(`extends cycle: ${typed} → ${join(dir, 'b.yaml')} → ${typed}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

