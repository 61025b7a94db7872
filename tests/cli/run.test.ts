import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Runs the built CLI (npm test builds dist/ before vitest). */
function crsim(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('crsim run', () => {
  it('runs the default scenario and writes the three documented files', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crsim-')), 'run');
    const r = crsim('run', '--seed', '5', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/robustness/);
    expect(r.stdout).toMatch(/elderlyNoSmartphone/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.seed.master).toBe(5);
    expect(manifest.package.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(manifest.scenario.timeline.closedManagement).toBe('2020-02-11');
    expect(typeof manifest.wallTimeMs).toBe('number');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    for (const key of ['q0', 'robustness', 'rapidityDays', 'lossNeedDays', 'normalised']) expect(summary.resilience).toHaveProperty(key);
    for (const g of ['elderlyNoSmartphone', 'elderlySmartphone', 'others']) expect(typeof summary.groups[g].unmetNeedDays).toBe('number');
    const lines = readFileSync(join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['date', 'day', 'phase', 'q']);
    expect(lines.length - 1).toBe(manifest.dates.days);
    expect(lines[1].startsWith('2020-01-10,0,normal,')).toBe(true);
  });

  it('fails with a one-line error and a non-zero exit code on a missing scenario file', () => {
    const r = crsim('run', 'no/such/file.yaml', '--out', join(tmpdir(), 'never'));
    expect(r.status).not.toBe(0);
    const message = r.stderr.trim().split('\n').filter((l) => l.includes('no/such/file.yaml'));
    expect(message).toHaveLength(1);
    expect(message[0]).toMatch(/no such scenario file/);
    expect(existsSync(join(tmpdir(), 'never'))).toBe(false);
  });
});
