/**
 * Every bad command line of issue #17 with its exit code and message: user errors exit 1 with one
 * message and no stack trace; exit 2 is kept for bugs and says where to report them. The checks
 * behind each option run in-process (fast); a few spawns of the built CLI prove the wiring.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { describeFailure } from '../../src/cli/exit.js';
import { parsePort, parseSeed, parseWorkers } from '../../src/cli/options.js';
import { checkOutFolder } from '../../src/cli/out-folder.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { writeRunFolder } from '../../src/experiment/outputs.js';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenario, loadScenarioOrManifest } from '../../src/scenario/load.js';
import { UserError } from '../../src/user-error.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { SCENARIOS, tempDir, writeExperiment } from '../experiment/helpers.js';
import { crsim, expectUserError } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const work = tempDir('crsim-cli-errors-');
const base = join(SCENARIOS, 'lockdown-2020.yaml');
const small = { 'community.compounds': 1, 'community.buildingsPerCompound': { min: 2, max: 2 } };

/** What the CLI would print and exit with for the error `body` throws. */
function failure(body: () => unknown): { code: number; message: string } {
  try {
    body();
  } catch (e) {
    return describeFailure(e, 'input');
  }
  throw new Error('expected a failure');
}

function expectExit1(body: () => unknown, message: RegExp): void {
  const f = failure(body);
  expect(f).toMatchObject({ code: 1, message: expect.stringMatching(message) });
  expect(f.message).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

beforeAll(() => {
  writeFileSync(join(work, 'a-file'), 'not a folder\n');
  mkdirSync(join(work, 'notes'));
  writeFileSync(join(work, 'notes', 'todo.txt'), 'mine\n');
  mkdirSync(join(work, 'old-run'));
  writeFileSync(join(work, 'old-run', 'manifest.json'), '{}');
  mkdirSync(join(work, 'old-sweep'));
  writeFileSync(join(work, 'old-sweep', 'experiment.json'), '{}');
});

describe('--out', () => {
  it('refuses a file, the empty string and a non-empty folder that is not a run or sweep', () => {
    const at = (p: string) => join(work, p);
    expectExit1(() => checkOutFolder(at('a-file'), 'run'), /--out .*a-file: is a file, not a folder/);
    expectExit1(() => checkOutFolder('', 'run'), /--out is empty/);
    expectExit1(() => checkOutFolder('  ', 'sweep'), /--out is empty/);
    expectExit1(() => checkOutFolder(at('notes'), 'run'), /the folder is not empty and is not a run folder/);
    expectExit1(() => checkOutFolder(at('notes'), 'sweep'), /not empty and is not a sweep folder/);
    expectExit1(() => checkOutFolder(at('a-file'), 'merge'), /is a file, not a folder/);
    expect(readFileSync(at('notes/todo.txt'), 'utf8')).toBe('mine\n');
  });

  it('accepts a new or empty folder, and an existing run or merged sweep only with --force', () => {
    mkdirSync(join(work, 'empty'));
    expect(checkOutFolder(join(work, 'new'), 'run')).toBe(join(work, 'new'));
    expect(checkOutFolder(join(work, 'empty'), 'run')).toBe(join(work, 'empty'));
    expectExit1(() => checkOutFolder(join(work, 'old-run'), 'run'), /already holds a run; pass --force/);
    expect(checkOutFolder(join(work, 'old-run'), 'run', { force: true })).toBe(join(work, 'old-run'));
    expect(checkOutFolder(join(work, 'old-sweep'), 'sweep')).toBe(join(work, 'old-sweep')); // --resume decides
    expectExit1(() => checkOutFolder(join(work, 'old-sweep'), 'merge'), /already holds sweep results; pass --force/);
  });

  it('a path through a file is a user error naming the path (ENOTDIR), not a crash', () => {
    expectExit1(() => mkdirSync(join(work, 'a-file', 'run'), { recursive: true }), /cannot mkdir .*a-file\/run: a part of the path is a file, not a folder \(ENOTDIR\)/);
  });

  it('the CLI exits 1 with one line (spawned)', () => {
    expectUserError(crsim(['run', base, '--out', 'a-file'], work), /^crsim: --out a-file: is a file, not a folder; name a new or empty folder\n$/);
    expectUserError(crsim(['sweep', writeExperiment('', tempDir()), '--out', ''], work), /^crsim: --out is empty/);
  });
});

describe('numbers on the command line', () => {
  it.each([
    ['9007199254740993', /9007199254740993 cannot be held exactly/],
    ['9007199254740992', /cannot be held exactly/],
    ['1.5', /expected a whole number/],
    ['-1', /expected a whole number/],
    ['1e3', /expected a whole number/],
  ])('--seed / --replicate %s is refused', (text, message) => {
    expect(() => parseSeed(text)).toThrow(InvalidArgumentError);
    expect(() => parseSeed(text)).toThrow(message);
  });

  it('seeds up to 2^53−1 are taken exactly', () => {
    expect(parseSeed('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseSeed('0')).toBe(0);
  });

  it.each(['abc', '99999', '65536', '-1', '80.5', ''])('--port %j is refused', (text) => {
    expect(() => parsePort(text)).toThrow(/expected a port number from 0 to 65535/);
  });

  it('--workers is 0 to 1024', () => {
    expect(parseWorkers('0')).toBe(0);
    expect(parseWorkers('1024')).toBe(1024);
    expect(() => parseWorkers('1025')).toThrow(/at most 1024/);
    expect(() => parseWorkers('1e9')).toThrow(/whole number/);
  });

  it('the CLI exits 1 for a bad option value (spawned)', () => {
    expectUserError(crsim(['viz', '--port', 'abc'], work), /--port <n>' argument 'abc' is invalid\. expected a port number from 0 to 65535/);
    expectUserError(crsim(['run', '--seed', '9007199254740993'], work), /cannot be held exactly/);
    expectUserError(crsim(['compare', base, base, '--reps', '60000'], work), /--reps 60000 means 120000 runs, above the ceiling of 100,000; pass --allow-large/);
  });
});

describe('experiment files', () => {
  const load = (body: string, allowLarge = false) => () => loadExperiment(writeExperiment(body, tempDir()), { allowLarge });

  it('refuses factors named like runs.csv columns, with file and line', () => {
    expectExit1(load('factors:\n  seed: [1, 2]\n'), /experiment\.yaml:8:3: factors\.seed: "seed" is a column crsim writes for every run/);
  });

  it('refuses duplicated metric and measure names', () => {
    expectExit1(load('keep:\n  metrics: [q, q]\n'), /keep\.metrics\.1: "q" is listed twice/);
    expectExit1(load('keep:\n  measures: [resilience.robustness, resilience.robustness]\n'), /keep\.measures\.1: "resilience\.robustness" is listed twice/);
  });

  it('counts a design of 10^10 points without building it, and refuses it even with --allow-large', () => {
    const paths = ['population.smartphoneShare.adult', 'population.smartphoneShare.elderly', 'population.partyMemberShare.adult', 'population.partyMemberShare.elderly',
      'population.volunteerShare', 'community.propertyCompanyShare', 'outings.disruptedAvailability', 'digitalOrdering.appSuccess.adult', 'satisfaction.adjustmentRate', 'resilience.recoveryThreshold'];
    const body = `factors:\n${paths.map((p) => `  ${p}: { from: 0.1, to: 1, step: 0.1 }`).join('\n')}\n`;
    const started = Date.now();
    expectExit1(load(body), /the design has 1\.00e10 points .* which --allow-large does not lift/);
    expectExit1(load(body, true), /which --allow-large does not lift/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses 200,000 points or a million replicates without --allow-large', () => {
    expectExit1(load('latinHypercube:\n  points: 100000\n  factors: { population.volunteerShare: { min: 0, max: 0.1 } }\nfactors:\n  packages.vegetable.subsidy: [0, 12]\n'), /the design has 200,000 points .* above the ceiling of 100,000; pass --allow-large/);
    expectExit1(load('replicates: 1000000\n'), /replicates: 1 points × 1,000,000 replicates = 1,000,000 runs, above the ceiling of 100,000; pass --allow-large/);
  });

  it('refuses an experiment seed that cannot be held exactly', () => {
    expectExit1(load('seed: 9007199254740993\n'), /seed: .*9007199254740991/);
  });

  it('the CLI exits 1 with file and line (spawned)', () => {
    expectUserError(crsim(['sweep', writeExperiment('factors:\n  seed: [1, 2]\n', tempDir()), '--out', join(tempDir(), 'o')], work), /^crsim: invalid experiment\n.*experiment\.yaml:8:3: factors\.seed: /);
  });
});

describe('scenario sizes and absurd values', () => {
  const load = (overrides: Record<string, unknown>, allowLarge = false) => () => loadScenario(base, overrides, { allowLarge });

  it.each([
    [{ 'community.householdsPerFloor': 1e15 }, false, /community\.householdsPerFloor: .* beyond what one run can hold .* even with --allow-large/],
    [{ 'community.householdsPerFloor': 1e15 }, true, /even with --allow-large/],
    [{ 'community.compounds': 400, 'community.householdsPerFloor': 200 }, false, /20,582,400 residents .* above the ceiling of 20,000,000 residents \(about 2\.\d GiB of memory and \d+ core-minutes a run\); pass --allow-large/],
    [{ 'calendar.end': '9999-12-31' }, false, /calendar\.end: 2,914,\d+ days .* above the ceiling of 10,958 days .* pass --allow-large/],
    [{ 'population.childrenPerFamily': { min: 2147483648, max: 2147483648 } }, true, /population\.childrenPerFamily\.max: expected a whole number at most 20, found the number 2147483648/],
    [{ 'needs.personDaysPerPackage.vegetable': 5e-324 }, true, /needs\.personDaysPerPackage\.vegetable: expected a number at least 0\.01, found the number 5e-324/],
    [{ 'seed': 9007199254740992 }, false, /seed: .*at most 9007199254740991/],
  ])('%j (allow-large %s) is refused without a RangeError', (overrides, allowLarge, message) => {
    expectExit1(load(overrides as Record<string, unknown>, allowLarge as boolean), message as RegExp);
  });

  it('--allow-large lifts a ceiling; the message names file and line', () => {
    const file = join(work, 'long.yaml');
    writeFileSync(file, `extends: ${base}\ncalendar:\n  end: 2060-01-10\n`);
    expectExit1(() => loadScenario(file), /long\.yaml:3:\d+: calendar\.end: 14,611 days/);
    expect(loadScenario(file, {}, { allowLarge: true }).scenario.calendar.end).toBe('2060-01-10');
    expect(crsim(['validate', file], work)).toMatchObject({ status: 1, stdout: expect.stringMatching(/calendar\.end: 14,611 days .*pass --allow-large/) });
    expect(crsim(['validate', '--allow-large', file], work)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^ok {7}/) });
  });

  it('the CLI exits 1 (spawned)', () => {
    const r = crsim(['run', base, '--set', 'community.householdsPerFloor=1e15', '--out', join(tempDir(), 'x')], work);
    expectUserError(r, /^crsim: invalid scenario\n--set: community\.householdsPerFloor: .*even with --allow-large\n$/);
    expect(r.stderr).not.toMatch(/RangeError/);
  });
});

describe('manifest replay', () => {
  let manifest: Record<string, any>;
  beforeAll(() => {
    const { scenario, document } = loadScenario(base, small);
    writeRunFolder(join(work, 'm'), runScenario(scenario, { seed: 5, replicate: 1 }), { scenarioFile: base, document, wallTimeMs: 1 });
    manifest = JSON.parse(readFileSync(join(work, 'm', 'manifest.json'), 'utf8'));
  });
  const write = (name: string, value: unknown) => {
    mkdirSync(join(work, name), { recursive: true });
    const file = join(work, name, 'manifest.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('replays a good manifest with its seeds', () => {
    expect(loadScenarioOrManifest(join(work, 'm', 'manifest.json')).manifestSeeds).toEqual({ master: 5, replicate: 1 });
  });

  it('validates seeds exactly as --seed does', () => {
    const file = write('m-seed', JSON.stringify(manifest).replace(/"master":\s*5/, '"master": 9007199254740993'));
    expectExit1(() => loadScenarioOrManifest(file), /seed\.master: expected a whole number from 0 to 9007199254740991/);
    expectExit1(() => loadScenarioOrManifest(write('m-neg', { ...manifest, seed: { master: 1, replicate: -2 } })), /seed\.replicate: expected a whole number/);
    expectExit1(() => loadScenarioOrManifest(write('m-frac', { ...manifest, seed: { master: 1.5, replicate: 0 } })), /seed\.master: expected a whole number/);
  });

  it('refuses a manifest of another package version unless --any-version, then warns', () => {
    const file = write('m-old', { ...manifest, package: { name: 'community-resilience', version: '0.0.1' } });
    expectExit1(() => loadScenarioOrManifest(file), new RegExp(`package\\.version: .*written by community-resilience 0\\.0\\.1, this is ${PACKAGE_VERSION.replace(/\./g, '\\.')}.*--any-version`));
    expect(loadScenarioOrManifest(file, {}, { anyVersion: true }).versionWarning).toMatch(/0\.0\.1/);
    const r = crsim(['run', file, '--any-version', '--json', '--out', join(tempDir(), 'x')], work);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^crsim: warning: .*0\.0\.1/);
  });

  it('says "not a manifest" for JSON that is not one', () => {
    expectExit1(() => loadScenarioOrManifest(write('m-not', { hello: 1 })), /not a manifest: no document, scenario, seed/);
    expectExit1(() => loadScenarioOrManifest(write('m-cut', JSON.stringify(manifest).slice(0, 200))), /not a manifest: not valid JSON/);
    expectExit1(() => loadScenarioOrManifest(write('m-arr', [1, 2])), /not a manifest: expected a JSON object/);
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
