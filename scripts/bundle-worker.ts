/**
 * Bundles the sweep's task runner (dist/experiment/task.js, after tsc) into one CommonJS file,
 * dist/experiment/task.bundle.cjs, which the sweep worker dist/experiment/worker-cached.js loads
 * through V8's code cache (src/experiment/code-cache.ts). A worker thread is a fresh isolate that
 * must load its code before its first run; Node's loader pays per file (resolve, stat, read,
 * compile), and the task runner reaches about 170 files — 96 of them zod's, 64 of those its
 * message locales. One file loads in less than half the CPU time, and a script (unlike an ES
 * module on Node 20) can take its compiled code from a cache (bench/worker-startup.ts). The
 * sweep uses the bundle only while it is at least as new as worker.js (see workerScript in
 * src/experiment/sweep.ts), so a `tsc` without this step never leaves workers on stale code.
 * zod is left out: a worker never validates (its scenarios arrive validated), so the bundle takes
 * src/experiment/zod-stand-in.ts in its place, which lets modules build their few eager schemas
 * inertly as they load and refuses every use of one.
 *
 *   tsx scripts/bundle-worker.ts      (part of npm run build)
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const outfile = resolve(ROOT, 'dist/experiment/task.bundle.cjs');
const { warnings, metafile } = await build({
  entryPoints: [resolve(ROOT, 'dist/experiment/task.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: { zod: resolve(ROOT, 'dist/experiment/zod-stand-in.js') },
  metafile: true,
  logLevel: 'warning',
});
// A warning here means code the script form cannot run as the modules do (import.meta is empty
// in a CommonJS bundle; a dynamic import() in a vm.Script needs a loader of its own): refuse it.
if (warnings.length) throw new Error(`${outfile}: the task runner must bundle without warnings (see above)`);
const zod = Object.keys(metafile.inputs).filter((f) => f.includes('node_modules/zod/'));
if (zod.length) throw new Error(`${outfile}: zod reached the bundle past its stand-in (${zod[0]} …)`);
// The bundle's hash on its first line: the code cache's key (code-cache.ts), so that no worker
// hashes the megabyte again before its first run.
const body = readFileSync(outfile, 'utf8');
writeFileSync(outfile, `// sha256 ${createHash('sha256').update(body).digest('hex')}\n${body}`);
console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(0)} KiB`);
