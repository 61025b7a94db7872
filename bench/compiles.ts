/**
 * What V8 compiles and throws away in one fresh process (a script, not a test): runs a scenario
 * once (or --runs N times) in a child `node` on a tree's built dist/ with `--trace-opt
 * --trace-deopt-verbose --log-code`, and prints per function its TurboFan compilations (of which on
 * stack replacement), their summed compile ms (the middle figure of the trace's "took a, b, c ms":
 * the compile thread's part), the recompilations among them, its deopts, then every deopt site with
 * its kind and reason, and the totals. A recompilation after a deopt is compile CPU on V8's helper
 * thread (counted by process.cpuUsage) plus time in slower tiers: the cost of a fresh process's
 * first runs (the 100k ratio, a cold default run, a sweep worker's start-up).
 *
 * Names are not unique (`step` is every process): each function is named by its source, the
 * `--log-code` record of its SharedFunctionInfo (file:line:col of the built tree) mapped back to
 * src/ through the tree's source maps. Deopt sites are the trace's "deoptimize at" position
 * (innermost inlined function first, "<" the function it was inlined into). Counts do not depend
 * on the load; compile ms do, somewhat.
 *
 *   npx tsc -p tsconfig.json                                       # the child runs dist/
 *   npx tsx bench/compiles.ts                                      # the default scenario
 *   npx tsx bench/model.ts --scenario q 100000 > q-100k.json && npx tsx bench/compiles.ts q-100k.json
 *   npx tsx bench/compiles.ts --tree /tmp/before --top 40 --runs 2 all-100k.json
 *   npx tsx bench/compiles.ts --node-internals all-100k.json       # node's own functions too
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkArgs } from './args.js';

const argv = process.argv.slice(2);
const VALUED = ['--tree', '--top', '--runs'];
checkArgs(import.meta.url, argv, VALUED, ['--node-internals']);
const valueOf = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const tree = resolve(valueOf('--tree', '.'));
const top = Number(valueOf('--top', '30'));
const runs = Number(valueOf('--runs', '1'));
const internals = argv.includes('--node-internals');
const file = argv.find((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
if (!existsSync(join(tree, 'dist/model/index.js'))) throw new Error(`${tree}/dist is not built: npx tsc -p tsconfig.json there first`);

// The child: the scenario (a JSON file, or the default) run `runs` times, CPU of the runs printed last.
const child = `
const [root, file, runs] = process.argv.slice(-3);
const { readFileSync } = await import('node:fs');
const { createSimulation } = await import(root + '/dist/model/index.js');
const { loadScenario, DEFAULT_SCENARIO } = await import(root + '/dist/scenario/load.js');
const scenario = file === '-' ? loadScenario(DEFAULT_SCENARIO).scenario : JSON.parse(readFileSync(file, 'utf8'));
const t = process.cpuUsage();
for (let i = 0; i < Number(runs); i++) createSimulation(scenario, 'bench/' + i).run();
const u = process.cpuUsage(t), w = process.cpuUsage();
console.log('@@cpu ' + (u.user + u.system) / 1000 + ' ' + (w.user + w.system) / 1000);
`;
const dir = mkdtempSync(join(tmpdir(), 'compiles-'));
const log = join(dir, 'code.log');
const out = spawnSync(process.execPath, [
  '--trace-opt', '--trace-deopt-verbose', '--log-code', `--logfile=${log}`, '--no-logfile-per-isolate',
  '--input-type=module', '-e', child, pathToFileURL(tree).href, file ? resolve(file) : '-', String(runs),
], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (out.status !== 0) throw new Error(`the child failed:\n${out.stderr}`);

// SharedFunctionInfo (tagged, as the trace prints it) -> where the function is, from --log-code's
// code-creation records ("name url:line:col", then the SFI's untagged address).
const where = new Map<string, string>();
const maps = new Map<string, SourceMap | null>();
function fromSource(url: string, line: number, col: number): string {
  if (!url.startsWith('file:')) return `${url}:${line}`;
  const path = fileURLToPath(url);
  if (!maps.has(path)) maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null);
  const entry = maps.get(path)?.findEntry(line - 1, col - 1) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) {
    const src = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(path, '..', entry.originalSource);
    return `${relative(tree, src)}:${entry.originalLine! + 1}`;
  }
  return `${relative(tree, path)}:${line}`;
}
const position = (s: string) => {
  const m = /^(.*):(\d+):(\d+)$/.exec(s);
  return m ? fromSource(m[1], Number(m[2]), Number(m[3])) : s;
};
for (const line of readFileSync(log, 'utf8').split('\n')) {
  if (!line.startsWith('code-creation,JS,')) continue;
  const f = line.split(',');
  const sfi = `0x${(BigInt(f[7]) + 1n).toString(16)}`;
  if (where.has(sfi)) continue;
  const name = f[6];
  const space = name.lastIndexOf(' ');
  where.set(sfi, space < 0 ? name : `${name.slice(0, space) || '(anonymous)'} ${position(name.slice(space + 1))}`);
}
rmSync(dir, { recursive: true, force: true });

interface Fn { name: string; compiles: number; osr: number; ms: number; deopts: number; aborted: number }
const fns = new Map<string, Fn>();
const fn = (name: string, sfi: string) => {
  if (!sfi) sfi = name;
  const key = where.get(sfi) ?? `${name} (sfi ${sfi})`;
  if (!fns.has(key)) fns.set(key, { name: key, compiles: 0, osr: 0, ms: 0, deopts: 0, aborted: 0 });
  return fns.get(key)!;
};
const inTree = (f: Fn) => f.name.includes(' src/') || f.name.includes(' dist/');
const sites = new Map<string, number>();
const dependents = new Map<string, number>();
let cpu = '';
let pending: { f: Fn; kind: string; reason: string; offset: string } | null = null;
const JSFN = /<JSFunction (.*?) \(sfi = (0x[0-9a-f]+)\)>/;
/** The function a trace line names (some name no JSFunction: then the line's own words). */
const named = (line: string): [string, string] => {
  const j = JSFN.exec(line);
  return j ? [j[1], j[2]] : [line.slice(0, 80), ''];
};
for (const line of out.stdout.split('\n')) {
  if (line.startsWith('@@cpu ')) cpu = line.slice(6);
  let m = /^\[completed compiling .*? \(target TURBOFAN\)( OSR)? - took [\d.]+, ([\d.]+), [\d.]+ ms\]/.exec(line);
  if (m) {
    const f = fn(...named(line));
    f.compiles++;
    if (m[1]) f.osr++;
    f.ms += Number(m[2]);
    continue;
  }
  if (line.startsWith('[aborted optimizing') || line.startsWith('[aborted compiling')) {
    const j = JSFN.exec(line);
    if (j) fn(j[1], j[2]).aborted++;
    continue;
  }
  m = /^\[bailout \(kind: ([\w-]+), reason: (.*?)\): begin\. deoptimizing .*? bytecode offset (\d+)/.exec(line);
  if (m) {
    const f = fn(...named(line));
    f.deopts++;
    pending = { f, kind: m[1], reason: m[2], offset: m[3] };
    continue;
  }
  m = /^\s*;;; deoptimize at <(.*?)>((?: inlined at <.*?>)*)/.exec(line);
  if (m && pending) {
    const chain = [m[1], ...[...m[2].matchAll(/inlined at <(.*?)>/g)].map((i) => i[1])].map(position);
    const key = `${pending.f.name.split(' ')[0]} @${pending.offset} ${pending.kind}: ${pending.reason} at ${chain.join(' < ')}`;
    if (internals || chain.some((c) => c.startsWith('src/') || c.startsWith('dist/'))) sites.set(key, (sites.get(key) ?? 0) + 1);
    pending = null;
    continue;
  }
  m = /^\[marking dependent code .*?<SharedFunctionInfo (.*?)>\).*reason: (.*)\]/.exec(line);
  if (m) dependents.set(`${m[1]} (${m[2]})`, (dependents.get(`${m[1]} (${m[2]})`) ?? 0) + 1);
}

const all = [...fns.values()];
const sum = (xs: Fn[], k: keyof Omit<Fn, 'name'>) => xs.reduce((s, f) => s + f[k], 0);
const [runCpu, processCpu] = cpu.split(' ').map(Number);
const model = all.filter(inTree);
console.log(`${file ?? 'default scenario'}, ${runs} run(s) in a fresh process, tree ${tree}`);
console.log(`CPU of the runs ${runCpu.toFixed(0)} ms, whole process ${processCpu.toFixed(0)} ms (traced: slower than untraced)`);
// Compilations beyond a function's first (and, for a loop compiled on stack replacement, the one
// OSR compilation before it): what deopts and dropped code cost, at the function's mean compile ms.
const extra = (f: Fn) => Math.max(0, f.compiles - (f.osr > 0 ? 2 : 1));
const again = (xs: Fn[]) => [xs.reduce((s, f) => s + extra(f), 0), xs.reduce((s, f) => s + (f.compiles ? (extra(f) * f.ms) / f.compiles : 0), 0)];
for (const [label, xs] of [['every function', all], ["the tree's functions", model]] as const) {
  const [n, ms] = again(xs);
  console.log(`${label}: ${sum(xs, 'compiles')} TurboFan compilations (${sum(xs, 'osr')} OSR), ${sum(xs, 'ms').toFixed(0)} ms compiling, ${sum(xs, 'deopts')} deopts, ${sum(xs, 'aborted')} aborted; ${n} recompilations (≈ ${ms.toFixed(0)} ms)`);
}
console.log(`\nfunctions by compile ms (top ${top}${internals ? '' : ", the tree's only"}):`);
console.log('compiles'.padStart(8), 'osr'.padStart(4), 'again'.padStart(6), 'ms'.padStart(8), 'deopts'.padStart(7), ' function');
for (const f of (internals ? all : model).sort((a, b) => b.ms - a.ms).slice(0, top)) {
  console.log(String(f.compiles).padStart(8), String(f.osr).padStart(4), String(extra(f)).padStart(6), f.ms.toFixed(1).padStart(8), String(f.deopts).padStart(7), '', f.name);
}
console.log(`\ndeopt sites (function @bytecode offset kind: reason at where < inlined into), by count:`);
for (const [k, n] of [...sites].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), k);
if (dependents.size) {
  console.log('\ncode thrown away by a broken dependency (function, reason):');
  for (const [k, n] of [...dependents].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), k);
}
