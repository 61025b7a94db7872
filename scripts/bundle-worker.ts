/**
 * Bundles the sweep worker (dist/experiment/worker.js, after tsc) into one file,
 * dist/experiment/worker.bundle.js. A worker thread is a fresh isolate that must load its code
 * before its first run; Node's loader pays per file (resolve, stat, read, compile), and the worker
 * reaches about 170 files — 96 of them zod's, 64 of those its message locales. One file loads in
 * less than half the CPU time (bench/worker-startup.ts). The sweep uses the bundle only while it
 * is at least as new as worker.js (see workerScript in src/experiment/sweep.ts), so a `tsc`
 * without this step never leaves workers on stale code.
 *
 *   tsx scripts/bundle-worker.ts      (part of npm run build)
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const outfile = resolve(ROOT, 'dist/experiment/worker.bundle.js');
await build({
  entryPoints: [resolve(ROOT, 'dist/experiment/worker.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // tsx is imported only to load a user's TypeScript module files, and only when installed.
  external: ['tsx', 'tsx/*'],
  logLevel: 'warning',
});
console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(0)} KiB`);
