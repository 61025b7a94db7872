/**
 * The command line as scripts use it: `crsim validate`, `crsim schema`, `crsim run --set` and
 * `crsim run manifest.json`. Runs the built CLI (dist/, built by `npm test` before vitest).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, SCENARIOS_DIR } from '../../src/scenario/load.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'crsim-cli-'));

function crsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // scenarios/schema.json is over spawnSync's default 1 MiB buffer: without room, `crsim schema` is cut off (ENOBUFS).
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  expect(existsSync(cli), 'dist/cli/main.js is built (npm test runs tsc first)').toBe(true);
});

const shipped = ['lockdown-2020', 'no-subsidy', 'no-double-reporting', 'no-self-organisation', 'app-only-ordering', 'early-regime-only'].map((n) => join(SCENARIOS_DIR, 'q-community', `${n}.yaml`));

describe('crsim validate', () => {
  it('exits 0 when every file is valid, with --strict too', () => {
    const r = crsim('validate', '--strict', ...shipped);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`ok       ${shipped[1]}`);
    expect(r.stdout).toContain('6 of 6 files valid');
  });

  it('exits 1 and lists every problem of every invalid file', () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, `extends: ${DEFAULT_SCENARIO}\ncommunity:\n  compunds: 6\n  householdsPerFloor: -1\n`);
    const empty = join(work, 'empty.yaml');
    writeFileSync(empty, '');
    const r = crsim('validate', shipped[0], bad, empty, join(work, 'absent.yaml'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`invalid  ${bad}: 2 problems`);
    expect(r.stdout).toContain(`  ${bad}:3:3: community.compunds: unknown key "compunds"; did you mean "compounds"?`);
    expect(r.stdout).toContain(`  ${bad}:4:23: community.householdsPerFloor: expected a whole number at least 1, found the number -1`);
    expect(r.stdout).toContain(`  ${empty}:1:1: the file is empty`);
    expect(r.stdout).toContain(`invalid  ${join(work, 'absent.yaml')}: 1 problem`);
    expect(r.stdout).toContain('1 of 4 files valid');
  });

  it('--strict rejects values without a source', () => {
    const bare = join(work, 'bare.yaml');
    writeFileSync(bare, `extends: ${DEFAULT_SCENARIO}\nvolunteers:\n  hoursPerDay: 2\n`);
    expect(crsim('validate', bare).status).toBe(0);
    const r = crsim('validate', '--strict', bare);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${bare}:3:16: volunteers.hoursPerDay: no provenance`);
  });
});

describe('crsim schema', () => {
  it('prints scenarios/schema.json', () => {
    const r = crsim('schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(SCENARIOS_DIR, 'schema.json'), 'utf8'));
  });
});

describe('crsim run --set', () => {
  it('rejects an unknown path with a suggestion, and runs nothing', () => {
    const out = join(work, 'not-run');
    const r = crsim('run', '--quiet', '--out', out, '--set', 'regimes.later.subsidized=false');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--set: regimes.later.subsidized: no parameter "regimes.later.subsidized": regimes.later has no "subsidized"; did you mean "subsidised"?');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a value of the wrong type, and runs nothing', () => {
    const out = join(work, 'not-run-2');
    const r = crsim('run', '--quiet', '--out', out, '--set', 'regimes.later.subsidised=maybe', '--set', 'community.compounds=0');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--set: regimes.later.subsidised: expected true or false, found the text "maybe"');
    expect(r.stderr).toContain('--set: community.compounds: expected a whole number at least 1, found the number 0');
    expect(existsSync(out)).toBe(false);
  });
});

describe('crsim run manifest.json', () => {
  const first = join(work, 'first');
  const again = join(work, 'again');
  const file = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

  beforeAll(() => {
    const r = crsim('run', shipped[1], '--quiet', '--seed', '11', '--replicate', '3', '--out', first, '--set', 'timeline.regimeSwitch=40', '--set', 'volunteers.hoursPerDay=2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('records the resolved scenario, --set values with their source', () => {
    const manifest = JSON.parse(file(first, 'manifest.json'));
    expect(manifest.seed).toMatchObject({ master: 11, replicate: 3 });
    expect(manifest.scenario.timeline.regimeSwitch).toBe('2020-02-19');
    expect(manifest.scenario.regimes.later.subsidised).toBe(false); // from no-subsidy.yaml
    expect(manifest.document.volunteers.hoursPerDay).toEqual({ value: 2, assumed: 'set on the command line; was 3' });
    expect(manifest.document.extends).toBeUndefined();
  });

  it('reproduces the run byte for byte, with its seed and replicate', () => {
    const r = crsim('run', join(first, 'manifest.json'), '--quiet', '--out', again);
    expect(r.status).toBe(0);
    expect(file(again, 'timeseries.csv')).toBe(file(first, 'timeseries.csv'));
    expect(file(again, 'summary.json')).toBe(file(first, 'summary.json'));
    const [a, b] = [first, again].map((d) => JSON.parse(file(d, 'manifest.json')));
    expect(b.seed).toEqual(a.seed);
    expect(b.scenario).toEqual(a.scenario);
    expect(b.document).toEqual(a.document);
  });

  it('writes to runs/<run folder>-rerun by default, not over the original', () => {
    const before = file(first, 'manifest.json');
    const r = crsim('run', join(first, 'manifest.json'), '--quiet');
    expect(r.status).toBe(0);
    expect(file(join(work, 'runs', 'first-rerun'), 'summary.json')).toBe(file(first, 'summary.json'));
    expect(file(first, 'manifest.json')).toBe(before);
  });

  it('takes --seed over the manifest\'s', () => {
    const other = join(work, 'other-seed');
    expect(crsim('run', join(first, 'manifest.json'), '--quiet', '--seed', '12', '--out', other).status).toBe(0);
    expect(JSON.parse(file(other, 'manifest.json')).seed.master).toBe(12);
    expect(file(other, 'timeseries.csv')).not.toBe(file(first, 'timeseries.csv'));
  });

  it('reports problems inside a manifest\'s document at their line', () => {
    const broken = file(first, 'manifest.json').replace('"hoursPerDay": {\n        "value": 2,', '"hoursPerDay": {\n        "value": -2,');
    expect(broken).not.toBe(file(first, 'manifest.json'));
    const path = join(work, 'broken-manifest.json');
    writeFileSync(path, broken);
    const r = crsim('validate', path);
    expect(r.status).toBe(1);
    const line = broken.slice(0, broken.indexOf('-2,')).split('\n').length;
    expect(r.stdout).toContain(`${path}:${line}:18: volunteers.hoursPerDay: expected a number at least 0, found the number -2`);
  });
});
