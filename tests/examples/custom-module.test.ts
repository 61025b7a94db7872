/**
 * The user-written module example runs as a user would run it (`npx tsx examples/custom-module.ts`),
 * on worker threads that import the module from its file, and the food bank does what its
 * mechanism implies: free packages to households that went without lower their unmet need.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
