/**
 * The V8 code cache a sweep worker loads its bundle through (src/experiment/code-cache.ts): the
 * cache is written once the bundle has run, taken on the next load, refused (and rewritten) when
 * it does not match, and never changes what the bundle computes. Each load is a fresh Node
 * process, as each worker thread is a fresh isolate (an isolate that compiled the same source
 * before reuses that code from memory and never consults the cache).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_HASH_LINE, codeCacheDir, KEEP } from '../../src/experiment/code-cache.js';

const CODE_CACHE = pathToFileURL(resolve(import.meta.dirname, '../../src/experiment/code-cache.ts')).href;

interface Load { fromCache: boolean; cacheFile?: string; sum: number; name: string; strict: boolean }

/** Loads the bundle in a fresh process, optionally saving the cache after a call. */
function load(file: string, cacheDir: string | null, save = true): Load {
  const script = `
    import { loadCachedBundle } from ${JSON.stringify(CODE_CACHE)};
    const b = loadCachedBundle(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
    const sum = b.exports.sumOfSquares(10);
    ${save ? 'b.saveCache();' : ''}
    console.log(JSON.stringify({ fromCache: b.fromCache, cacheFile: b.cacheFile, sum, name: b.exports.name, strict: b.exports.strict }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
}

describe('loading a bundle through the code cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crsim-code-cache-'));
  const cacheDir = join(dir, 'cache');
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, `
    const { basename } = require('node:path');
    function sumOfSquares(n) { let s = 0; for (let i = 1; i <= n; i++) s += i * i; return s; }
    module.exports.sumOfSquares = sumOfSquares;
    module.exports.name = basename(__filename);
    module.exports.strict = (function () { return this === undefined; })();
  `);

  it('runs the bundle, then writes the cache only when asked', () => {
    const unsaved = load(file, cacheDir, false);
    expect(unsaved).toMatchObject({ fromCache: false, sum: 385, name: 'bundle.cjs', strict: true }); // strict, as the ES modules it is bundled from
    expect(existsSync(cacheDir)).toBe(false);
    const first = load(file, cacheDir);
    expect(first.fromCache).toBe(false);
    expect(existsSync(first.cacheFile!)).toBe(true);
    expect(readdirSync(cacheDir)).toHaveLength(1); // no partial files left behind
  });

  it('takes the code from the cache on the next load, with the same results', () => {
    expect(load(file, cacheDir)).toMatchObject({ fromCache: true, sum: 385, strict: true });
  });

  it('refuses a damaged cache, compiles as usual and writes it again', () => {
    const { cacheFile } = load(file, cacheDir);
    writeFileSync(cacheFile!, 'not a code cache');
    expect(load(file, cacheDir)).toMatchObject({ fromCache: false, sum: 385 });
    expect(load(file, cacheDir)).toMatchObject({ fromCache: true, sum: 385 });
  });

  it('keys the cache by the source: a changed bundle never takes the old code', () => {
    const { cacheFile } = load(file, cacheDir);
    writeFileSync(file, 'module.exports.sumOfSquares = (n) => -n;');
    const changed = load(file, cacheDir);
    expect(changed.cacheFile).not.toBe(cacheFile);
    expect(changed).toMatchObject({ fromCache: false, sum: -10 });
  });

  it("keys a built bundle by the build's hash line with its size and time: an edit after the build never takes the old code", () => {
    const built = join(dir, 'built.cjs');
    const body = 'module.exports.sumOfSquares = (n) => n * 2;\n';
    const line = `// sha256 ${'ab'.repeat(32)}\n`;
    expect(line + body).toMatch(BUILD_HASH_LINE);
    writeFileSync(built, line + body);
    utimesSync(built, 1000, 1000);
    const first = load(built, cacheDir);
    expect(first.cacheFile!.split('/').pop()).toMatch(new RegExp(`^${'ab'.repeat(16)}-`));
    expect(load(built, cacheDir)).toMatchObject({ fromCache: true, sum: 20 });
    writeFileSync(built, line + body.replace('n * 2', 'n * 3')); // same length, same build line
    const edited = load(built, cacheDir);
    expect(edited.cacheFile).not.toBe(first.cacheFile);
    expect(edited).toMatchObject({ fromCache: false, sum: 30 });
  });

  it('is off with CRSIM_CODE_CACHE=off, and in the folder it names otherwise', () => {
    expect(codeCacheDir({ CRSIM_CODE_CACHE: 'off' })).toBeNull();
    expect(codeCacheDir({ CRSIM_CODE_CACHE: cacheDir })).toBe(cacheDir);
    expect(codeCacheDir({})).toContain(tmpdir());
    const off = load(file, null);
    expect(off.cacheFile).toBeUndefined();
    expect(off.fromCache).toBe(false);
  });

  it('keeps only the newest cache files when a new one is written', () => {
    const many = join(dir, 'many');
    load(file, many);
    for (let i = 0; i < KEEP + 3; i++) {
      const old = join(many, `old-${i}.v8cache`);
      writeFileSync(old, '');
      utimesSync(old, 1000 + i, 1000 + i);
    }
    writeFileSync(file, 'module.exports.sumOfSquares = (n) => n;'); // a new build
    const fresh = load(file, many);
    const left = readdirSync(many).sort();
    expect(left).toHaveLength(KEEP);
    expect(left).toContain(fresh.cacheFile!.split('/').pop());
    expect(left).not.toContain('old-0.v8cache');
  });
});
