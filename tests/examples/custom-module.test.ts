/**
 * The user-written module example runs as a user would run it (`npx tsx examples/custom-module.ts`),
 * on worker threads that import the module from its file, and the food bank does what its
 * mechanism implies: free packages to households that went without lower their unmet need.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { importModuleFiles } from '../../src/model/module-files.js';
import { DEFAULT_SCENARIO, loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

describe('examples/custom-module.ts', () => {
  it('plugs the food bank into the shipped lockdown from outside the library and compares with and without it', () => {
    const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['examples/custom-module.ts'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, REPS: '3', WORKERS: '2' }, timeout: 120_000,
    });
    // Its process has a place in the assembled day, between the deliveries and the outings.
    expect(out).toMatch(/provision\.delivery[\s\S]*foodBank\.foodBankHandOut[\s\S]*households\.outings/);
    const given = Number(/gave (\d+) packages/.exec(out)?.[1]);
    expect(given).toBeGreaterThan(0);
    const row = (measure: string) => {
      const m = new RegExp(`^${measure.replace(/\./g, '\\.')}\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\[(\\S+), (\\S+)\\]`, 'm').exec(out);
      expect(m, measure).not.toBeNull();
      return { a: Number(m![1]), b: Number(m![2]), diff: Number(m![3]), high: Number(m![5]) };
    };
    // Packages to those who went without can only add to what they have: less unmet need.
    expect(row('resilience.lossNeedDays').high).toBeLessThan(0);
    expect(row('groups.elderlyNoSmartphone.unmetNeedDays').diff).toBeLessThan(0);
  }, 120_000);
});

describe('a module of your own in a sweep', () => {
  it('runs on worker threads that import it from the file the experiment names, and does nothing when its hand-out is 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'crsim-food-bank-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'sweep', 'examples/food-bank/sweep-food-bank.yaml', '--workers', '2', '--out', out, '--quiet'], { cwd: ROOT, timeout: 120_000 });
      const [header, ...rows] = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
      const col = (name: string) => header.indexOf(name);
      const at = (perDay: number, replicate: number) => rows.find((r) => Number(r[col('foodBank.packagesPerDay')]) === perDay && Number(r[col('replicate')]) === replicate)!;
      for (const replicate of [0, 1, 2]) {
        expect(Number(at(0, replicate)[col('foodBank.packagesGiven')])).toBe(0);
        expect(Number(at(60, replicate)[col('foodBank.packagesGiven')])).toBeGreaterThan(0);
        // Common random numbers: the same replicate with and without hand-outs differs only by them.
        expect(Number(at(60, replicate)[col('resilience.lossNeedDays')])).toBeLessThan(Number(at(0, replicate)[col('resilience.lossNeedDays')]));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('switched off (no hand-out), leaves every draw and output of the other modules as they were', async () => {
    const modules = await importModuleFiles([join(ROOT, 'examples/food-bank/food-bank.ts')]);
    const overrides = { 'community.compounds': 2 };
    const plain = runScenario(loadScenario(DEFAULT_SCENARIO, overrides).scenario, { seed: 9 });
    const idle = runScenario(loadScenario(join(ROOT, 'examples/food-bank/lockdown-with-food-bank.yaml'), { ...overrides, 'foodBank.packagesPerDay': 0 }, { modules }).scenario, { seed: 9, modules });
    for (const m of plain.metrics) expect(Array.from(idle.series[m.name]), m.name).toEqual(Array.from(plain.series[m.name]));
  });
});
