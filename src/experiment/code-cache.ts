/**
 * Loading a CommonJS bundle with V8's code cache, so that a sweep's worker threads skip
 * compiling the model's code again. Each worker is a fresh isolate that parses and compiles
 * every function it calls; Node 20 has no compile cache for ES modules (module.enableCompileCache
 * came in Node 22), but vm.Script accepts the bytecode V8 produced for the same source before
 * (`cachedData`). The cache is written once, after the worker's first task, so it holds the
 * functions that task actually compiled (V8 compiles lazily: a cache made before running would
 * hold little more than the top level).
 *
 * The cache changes nothing but compile time: V8 accepts cached data only for the identical
 * source, V8 version and flags (else `cachedDataRejected`, and the source is compiled as usual),
 * and the bytecode it holds is what the compiler would produce. Files are keyed by a hash of the
 * source, Node's version and the architecture, written to a temporary name and renamed into
 * place, so workers racing to write the same cache never leave a partial file. The build writes
 * the hash of the bundle it makes on the bundle's first line (scripts/bundle-worker.ts), and the
 * key takes it from there with the file's size and modification time (an edit after the build
 * changes the time): hashing a megabyte, and loading node:crypto to do it, cost each worker
 * about 8 ms of CPU before its first run. A bundle without that line is hashed here.
 *
 * Where: $CRSIM_CODE_CACHE if set (`off` turns the cache off), else a folder per user in the
 * OS temporary directory. Each build of the bundle has its own file (about 0.6 MB); writing one
 * removes all but the newest KEEP, so rebuilding often never fills the folder.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import vm from 'node:vm';

/** Cache files kept in the folder: one per build of the bundle, so a few builds (or checkouts) in use at once each keep theirs. */
export const KEEP = 8;

export interface CachedBundle {
  /** What the bundle assigned to module.exports. */
  exports: Record<string, unknown>;
  /** The cache file used (absent when the cache is off). */
  cacheFile?: string;
  /** Whether V8 took the cache (false when there was none, or V8 refused it). */
  fromCache: boolean;
  /**
   * Writes the cache from the code compiled so far, unless V8 already took it from the cache
   * (then the cache is as good) or it was written before; call it once the bundle has done
   * representative work. Never throws: a cache that cannot be written only costs time.
   */
  saveCache(): void;
}

/** The folder for cache files: $CRSIM_CODE_CACHE, or one per user in the OS temporary directory; null when off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.CRSIM_CODE_CACHE;
  if (setting === 'off') return null;
  if (setting) return setting;
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = String(process.getuid?.() ?? 'user');
  }
  return join(tmpdir(), `community-resilience-code-cache-${user}`);
}

/**
 * Runs a CommonJS bundle in this thread's context, its compiled code taken from (and later saved
 * to) the cache. Meant for a fresh isolate (a worker thread): an isolate that compiled the same
 * source before reuses that code from memory and ignores the cache.
 */
export function loadCachedBundle(file: string, cacheDir: string | null = codeCacheDir()): CachedBundle {
  const source = readFileSync(file, 'utf8');
  // The same wrapper Node gives a CommonJS file. "use strict": the bundle is made of ES modules,
  // which always run in strict mode, and the model must behave exactly as it does unbundled.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {"use strict";${source}\n})`;
  const cacheFile = cacheDir ? join(cacheDir, `${cacheKey(file, source, wrapped)}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // not made yet
    }
  }
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  let saved = fromCache || !cacheFile;
  return {
    exports: module.exports,
    cacheFile,
    fromCache,
    saveCache() {
      if (saved) return;
      saved = true;
      const partial = `${cacheFile}.${process.pid}-${threadId}.part`;
      try {
        mkdirSync(cacheDir!, { recursive: true });
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile!);
        pruneCache(cacheDir!);
      } catch {
        rmSync(partial, { force: true });
      }
    },
  };
}

/** The first line scripts/bundle-worker.ts writes: the SHA-256 of the rest of the bundle. */
export const BUILD_HASH_LINE = /^\/\/ sha256 ([0-9a-f]{64})\n/;

/**
 * What a cache file is named by: the build's hash of the bundle with the file's size and
 * modification time, or (without the build's line) a hash of the wrapped source; and Node's
 * version and the architecture, whose V8 the cached code is for.
 */
function cacheKey(file: string, source: string, wrapped: string): string {
  const built = BUILD_HASH_LINE.exec(source)?.[1];
  if (built) {
    const { size, mtimeMs } = statSync(file);
    return `${built.slice(0, 32)}-${size}-${Math.round(mtimeMs * 1000).toString(36)}-${process.version}-${process.arch}`;
  }
  // Loaded only here: node:crypto costs a worker about 5 ms of CPU to load.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(process.version).update(process.arch).update(wrapped).digest('hex').slice(0, 32);
}

/** Removes all but the KEEP newest cache files. */
function pruneCache(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.v8cache')).map((f) => {
    try {
      return { file: join(dir, f), time: statSync(join(dir, f)).mtimeMs };
    } catch {
      return undefined; // removed by another worker meanwhile
    }
  }).filter((f) => f !== undefined);
  files.sort((a, b) => b.time - a.time);
  for (const { file } of files.slice(KEEP)) rmSync(file, { force: true });
}
