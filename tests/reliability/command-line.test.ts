/**
 * Every bad command line of issue #17 with its exit code and message: user errors exit 1 with one
 * message and no stack trace; exit 2 is kept for bugs and says where to report them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { describeFailure } from '../../src/cli/exit.js';
import { UserError } from '../../src/user-error.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { SCENARIOS, tempDir, writeExperiment } from '../experiment/helpers.js';
import { crsim, expectUserError } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const work = tempDir('crsim-cli-errors-');
const base = join(SCENARIOS, 'lockdown-2020.yaml');
const small = ['--set', 'community.compounds=1', '--set', 'community.buildingsPerCompound={min: 2, max: 2}', '--quiet'];
const run = (...args: string[]) => crsim(['run', base, ...args], work);

beforeAll(() => {
  writeFileSync(join(work, 'a-file'), 'not a folder\n');
  mkdirSync(join(work, 'notes'));
  writeFileSync(join(work, 'notes', 'todo.txt'), 'mine\n');
});

describe('--out', () => {
  it('refuses a file, a path through a file, the empty string and a non-empty folder that is not a run', () => {
    expectUserError(run('--out', 'a-file', ...small), /--out a-file: is a file, not a folder/);
    expectUserError(run('--out', 'a-file/run', ...small), /cannot mkdir .*a-file\/run: a part of the path is a file, not a folder \(ENOTDIR\)/);
    expectUserError(run('--out', '', ...small), /--out is empty/);
    expectUserError(run('--out', 'notes', ...small), /--out notes: the folder is not empty and is not a run folder/);
    expect(readFileSync(join(work, 'notes', 'todo.txt'), 'utf8')).toBe('mine\n');
  });

  it('replaces an existing run folder only with --force', () => {
    expect(run('--out', 'r1', ...small).status).toBe(0);
    const before = readFileSync(join(work, 'r1', 'summary.json'));
    expectUserError(run('--out', 'r1', '--seed', '3', ...small), /--out r1: already holds a run; pass --force/);
    expect(readFileSync(join(work, 'r1', 'summary.json')).equals(before)).toBe(true);
    expect(run('--out', 'r1', '--seed', '3', '--force', ...small).status).toBe(0);
  });

  it('sweep and merge refuse the same', () => {
    const exp = writeExperiment('factors:\n  packages.vegetable.subsidy: [0, 12]\n', tempDir());
    expectUserError(crsim(['sweep', exp, '--out', ''], work), /--out is empty/);
    expectUserError(crsim(['sweep', exp, '--out', 'a-file'], work), /is a file, not a folder/);
    expectUserError(crsim(['sweep', exp, '--out', 'notes'], work), /not empty and is not a sweep folder/);
    expectUserError(crsim(['merge', 'notes', '--out', 'a-file'], work), /is a file, not a folder/);
  });
});

describe('numbers on the command line', () => {
  it.each([
    [['viz', '--port', 'abc'], /--port <n>' argument 'abc' is invalid\. expected a port number from 0 to 65535/],
    [['viz', '--port', '99999'], /expected a port number from 0 to 65535/],
    [['viz', '--host', '8.8.8.8'], /--host 8\.8\.8\.8 is not a loopback address/],
    [['run', '--seed', '9007199254740993'], /9007199254740993 cannot be held exactly/],
    [['run', '--seed', '1.5'], /expected a whole number/],
    [['run', '--replicate', '-1'], /expected a whole number/],
    [['run', '--replicate', '9007199254740992'], /cannot be held exactly/],
    [['compare', base, base, '--seed', '99999999999999999999'], /cannot be held exactly/],
  ])('crsim %j exits 1', (args, message) => {
    expectUserError(crsim(args as string[], work), message as RegExp);
  });

  it('accepts the largest exact seed, 2^53−1', () => {
    const r = run('--seed', '9007199254740991', '--out', 'big-seed', ...small);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'big-seed', 'manifest.json'), 'utf8')).seed.master).toBe(9007199254740991);
  });
});

describe('experiment files', () => {
  const sweep = (body: string, ...args: string[]) => crsim(['sweep', writeExperiment(body, tempDir()), '--out', join(tempDir(), 'out'), ...args], work);

  it('refuses factors named like runs.csv columns, with file and line', () => {
    expectUserError(sweep('factors:\n  seed: [1, 2]\n'), /experiment\.yaml:7:3: factors\.seed: "seed" is a column crsim writes for every run/);
  });

  it('refuses duplicated metric and measure names', () => {
    expectUserError(sweep('keep:\n  metrics: [q, q]\n'), /keep\.metrics\.1: "q" is listed twice/);
    expectUserError(sweep('keep:\n  measures: [resilience.robustness, resilience.robustness]\n'), /keep\.measures\.1: "resilience\.robustness" is listed twice/);
  });

  it('counts a design of 10^10 points without building it, and refuses it', () => {
    const paths = ['population.smartphoneShare.adult', 'population.smartphoneShare.elderly', 'population.partyMemberShare.adult', 'population.partyMemberShare.elderly',
      'population.volunteerShare', 'community.propertyCompanyShare', 'outings.disruptedAvailability', 'satisfaction.initial', 'satisfaction.adjustmentRate', 'resilience.recoveryThreshold'];
    const started = Date.now();
    const r = sweep(`factors:\n${paths.map((p) => `  ${p}: { from: 0.1, to: 1, step: 0.1 }`).join('\n')}\n`);
    expectUserError(r, /the design has 1\.00e10 points .* which --allow-large does not lift/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a million replicates without --allow-large', () => {
    expectUserError(sweep('replicates: 1000000\n'), /replicates: 1 points × 1,000,000 replicates = 1,000,000 runs, above the ceiling of 100,000; pass --allow-large/);
  });

  it('refuses an experiment seed that cannot be held exactly', () => {
    expectUserError(sweep('seed: 9007199254740993\n'), /seed: .*9007199254740991/);
  });
});

describe('scenario sizes and absurd values', () => {
  it.each([
    [['--set', 'community.householdsPerFloor=1e15'], /community\.householdsPerFloor: .* beyond what one run can hold .* even with --allow-large/],
    [['--set', 'community.householdsPerFloor=1e15', '--allow-large'], /even with --allow-large/],
    [['--set', 'community.compounds=400', '--set', 'community.householdsPerFloor=200'], /above the ceiling of 20,000,000 residents .* pass --allow-large/],
    [['--set', 'calendar.end=9999-12-31'], /calendar\.end: 2,914,\d+ days .* above the ceiling of 10,958 days .* pass --allow-large/],
    [['--set', 'population.childrenPerFamily={min: 2147483648, max: 2147483648}'], /population\.childrenPerFamily\.max: 2147483648 is too large to be meant/],
    [['--set', 'needs.personDaysPerPackage.vegetable=5e-324'], /needs\.personDaysPerPackage\.vegetable: 5e-324 is too small to be meant/],
  ])('crsim run %j exits 1 without a RangeError', (args, message) => {
    const r = run(...(args as string[]), '--out', join(tempDir(), 'x'));
    expectUserError(r, message as RegExp);
    expect(r.stderr).not.toMatch(/RangeError/);
  });

  it('--allow-large lifts a ceiling (validate only: 40 years)', () => {
    const file = join(work, 'long.yaml');
    writeFileSync(file, `extends: ${base}\ncalendar:\n  end: 2060-01-10\n`);
    expectUserError(crsim(['run', file, '--out', join(tempDir(), 'x')], work), /long\.yaml:3:\d+: calendar\.end: 14,611 days/);
  });
});

describe('manifest replay', () => {
  let manifest: Record<string, any>;
  beforeAll(() => {
    expect(run('--out', 'm', ...small).status).toBe(0);
    manifest = JSON.parse(readFileSync(join(work, 'm', 'manifest.json'), 'utf8'));
  });
  const write = (name: string, value: unknown) => {
    mkdirSync(join(work, name), { recursive: true });
    const file = join(work, name, 'manifest.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('validates seeds exactly as --seed does', () => {
    const file = write('m-seed', JSON.stringify(manifest).replace(/"master":\s*\d+/, '"master":9007199254740993'));
    expectUserError(crsim(['run', file, '--out', join(tempDir(), 'x')], work), /seed\.master: expected a whole number from 0 to 9007199254740991/);
    const neg = write('m-neg', { ...manifest, seed: { master: 1, replicate: -2 } });
    expectUserError(crsim(['run', neg, '--out', join(tempDir(), 'x')], work), /seed\.replicate: expected a whole number/);
  });

  it('refuses a manifest of another package version unless --any-version, then warns', () => {
    const file = write('m-old', { ...manifest, package: { name: 'community-resilience', version: '0.0.1' } });
    expectUserError(crsim(['run', file, '--out', join(tempDir(), 'x')], work), new RegExp(`written by community-resilience 0\\.0\\.1, this is ${PACKAGE_VERSION.replace(/\./g, '\\.')}.*--any-version`));
    const r = crsim(['run', file, '--any-version', '--json', '--out', join(tempDir(), 'x')], work);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*0\.0\.1/);
  });

  it('says "not a manifest" for JSON that is not one', () => {
    expectUserError(crsim(['run', write('m-not', { hello: 1 }), '--out', join(tempDir(), 'x')], work), /not a manifest: no document, scenario, seed/);
    expectUserError(crsim(['run', write('m-cut', JSON.stringify(manifest).slice(0, 200)), '--out', join(tempDir(), 'x')], work), /not a manifest: not valid JSON/);
  });
});

describe('exit 2 is for bugs', () => {
  it('a bug prints its stack and where to report it; user errors do not', () => {
    const bug = describeFailure(new TypeError('x is undefined'));
    expect(bug.code).toBe(2);
    expect(bug.message).toMatch(/internal error .*\n.*TypeError: x is undefined[\s\S]*Please report it to /);
    expect(describeFailure(new UserError('folder in use'))).toEqual({ code: 1, message: 'crsim: folder in use' });
    const fsErr = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/x/y' });
    expect(describeFailure(fsErr)).toEqual({ code: 1, message: 'crsim: cannot open /x/y: permission denied (EACCES)' });
  });
});
