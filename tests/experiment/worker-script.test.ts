/**
 * Sweeps load the cached-bundle worker only while the bundle is at least as new as the compiled
 * worker, so that compiling without bundling never leaves worker threads running stale code.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../src/experiment/sweep.js';

describe('the worker script a sweep loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crsim-worker-script-'));
  const script = join(dir, 'worker.js');
  const cached = join(dir, 'worker-cached.js');
  const bundle = join(dir, 'task.bundle.cjs');
  writeFileSync(script, '');
  writeFileSync(cached, '');

  it('is the compiled worker when there is no bundle', () => {
    expect(workerScript(join(dir, 'missing.cjs'), script, cached)).toBe(script);
  });

  it('is the cached-bundle worker when the bundle was made after the worker was compiled', () => {
    writeFileSync(bundle, '');
    utimesSync(script, 1000, 1000);
    utimesSync(bundle, 2000, 2000);
    expect(workerScript(bundle, script, cached)).toBe(cached);
  });

  it('is the compiled worker when the worker was compiled again after the bundle', () => {
    utimesSync(script, 3000, 3000);
    expect(workerScript(bundle, script, cached)).toBe(script);
  });

  it('is the compiled worker when the cached-bundle worker is missing', () => {
    utimesSync(bundle, 4000, 4000);
    rmSync(cached);
    expect(workerScript(bundle, script, cached)).toBe(script);
  });
});
