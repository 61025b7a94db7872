/**
 * A probe (a script, not a test; issue 16, part 16ab): the Q model's three hottest per-household
 * kernels — consumption's `eat`, outings' `wantingToShop`, satisfaction's `moveTowardScores` — in
 * WebAssembly (bench/wasm/households.ts, AssemblyScript compiled here at run time by `asc` of
 * assemblyscript 0.28.20, fetched by npx on first use: not a devDependency, as its optimiser,
 * binaryen, would add about 100 MB to every `npm ci` for a probe), against the JS kernels of src/
 * on the same data, in the same process, interleaved kernel call by kernel call. Nothing in src/
 * uses WASM.
 *
 * Three copies of the households' columns, taken from a real world (createSimulation of the
 * default scenario, scaled as bench/model.ts's `--scenario q N`):
 *   js         the JS kernels on typed arrays of their own, as the engine's Table makes them;
 *   js/arena   the JS kernels on typed-array views into one WebAssembly.Memory (what the rest of
 *              the model would read if the columns moved there);
 *   wasm       the WASM kernels on the columns of another WebAssembly.Memory, by byte offset.
 * The JS kernels are src/'s own functions, cut out of the source files and compiled afresh for
 * each copy (so each has its own type feedback), not copies that could drift.
 *
 * Each cycle replays the scenario's 97 days from the world's starting columns: in the morning
 * every household eats; in the afternoon the kernel lists who would go out, and a scripted refill
 * (untimed, the same JS for all three) stands in for outings and deliveries — the scenario's
 * phases decide who may go out (every 3rd day under movement control) and how many find goods (a
 * deterministic hash, not a stream: 80 % when disrupted, 60 % of basic needs and no personal
 * goods under closed management, the later regime's packages from the regime switch); at night
 * satisfaction moves. After every day the tallies, the list and the sum are compared, and after
 * each cycle every column, bit for bit. Cycle 0 is the warm-up (its first call is reported apart);
 * the figures are medians of the later cycles' calls, in ns per household.
 *
 * Then: the cost of one JS→WASM call with 14 arguments, and with --memory (off by default: it
 * builds two 1M worlds, whatever --sizes says, and fills a 656 MiB arena) of a WebAssembly.Memory
 * sized up front for the 10M world (memory.grow detaches every view on the old buffer).
 *
 *   npx tsx bench/wasm-kernels.ts                       # default size and 1M
 *   npx tsx bench/wasm-kernels.ts --sizes 0 --cycles 30  # chosen sizes, cycles after the warm-up
 *   npx tsx bench/wasm-kernels.ts --memory               # and the 10M world's arena (see above)
 *   /path/to/other/node --import tsx bench/wasm-kernels.ts  # under another Node (WASM is then the control)
 *   valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file --cachegrind-out-file=/dev/null \
 *     node --import tsx bench/wasm-kernels.ts --sizes 0 --cycles 40 --only wasm
 *     # one copy only (js, js/arena or wasm), nothing compared or printed but the days' summary:
 *     # instructions per household-day from the difference of two cycle counts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { createSimulation } from '../src/model/index.js';
import { lowOnBasics, lowOnPersonal, packagesToCover } from '../src/modules/households/needs.js';
import { scenarioFor } from './all-model.js';
import { checkArgs } from './args.js';

const argv = process.argv.slice(2);
checkArgs(import.meta.url, argv, ['--sizes', '--cycles', '--only'], ['--memory']);
const listAfter = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1].split(',').map(Number) : null);
const SIZES = listAfter('--sizes') ?? [0, 1_000_000];
const CYCLES = listAfter('--cycles')?.[0];
const MEMORY = argv.includes('--memory');
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// ─── the JS kernels, from src/ ───
/** The text of `function name(…) {…}` in a source file (parameters hold no parentheses of their own but types'). */
function functionText(source: string, name: string): string {
  const start = source.indexOf(`\nfunction ${name}(`);
  if (start < 0) throw new Error(`no function ${name}`);
  let i = source.indexOf('{', source.indexOf(')', source.indexOf('(', start)));
  for (let depth = 0; ; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start + 1, i + 1);
  }
}
/**
 * The named top-level one-line consts and functions of a src/ file, compiled (types stripped by
 * esbuild) into fresh closures; `given` supplies what they import. Strict, as modules are.
 */
function fromSource(file: string, consts: string[], functions: string[], given: Record<string, unknown> = {}): Record<string, any> {
  const source = readFileSync(here(`../src/${file}`), 'utf8');
  const lines = consts.map((c) => source.match(new RegExp(`^const ${c}\\b.*;$`, 'm'))![0]);
  const ts = [...lines, ...functions.map((f) => functionText(source, f))].join('\n');
  const js = transformSync(ts, { loader: 'ts' }).code;
  const names = [...consts, ...functions];
  return new Function(...Object.keys(given), `'use strict';\n${js}\nreturn { ${names.join(', ')} };`)(...Object.values(given));
}
const jsKernels = () => ({
  ...fromSource('modules/households/consumption.ts', ['MET', 'PERSONAL_UNMET', 'UNMET_NO_SMARTPHONE', 'UNMET_SMARTPHONE', 'UNMET_OTHERS', 'tally'], ['eat']),
  ...fromSource('modules/households/outings.ts', [], ['wantingToShop'], { lowOnBasics, lowOnPersonal }),
  ...fromSource('modules/satisfaction/index.ts', [], ['todaysScore', 'moveTowardScores']),
});

// ─── the WASM kernels ───
// Compiled in a child process: binaryen (asc's optimiser, itself a large WASM module) would go on
// compiling its own code on V8's background threads here, under the timings.
const ascStart = performance.now();
const wasmFile = join(mkdtempSync(join(tmpdir(), 'wasm-kernels-')), 'households.wasm');
const asc = spawnSync('npx', [
  '--yes', '--package=assemblyscript@0.28.20', 'asc', here('wasm/households.ts'), '--outFile', wasmFile,
  // -O3; no runtime (nothing is allocated); the memory is JS's; no assertions.
  '-O3', '--runtime', 'stub', '--importMemory', '--noAssert',
], { encoding: 'utf8' });
if (asc.status !== 0) throw new Error(`asc: ${asc.stderr}`);
const binary = readFileSync(wasmFile);
const ascMs = performance.now() - ascStart;
const wasmStart = performance.now();
const wasmModule = await WebAssembly.compile(binary);
const compileMs = performance.now() - wasmStart;
const instantiateStart = performance.now();
new WebAssembly.Instance(wasmModule, { env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
const instantiateMs = performance.now() - instantiateStart;
interface WasmKernels {
  eat(...columnsAndTally: number[]): void;
  wantingToShop(count: number, day: number, interval: number, outingSlot: number, members: number, vegetableStock: number, porkStock: number, personalStock: number, reorderBelowDays: number, out: number): number;
  moveTowardScores(count: number, ...columnsAndWeights: number[]): number;
  call14(...args: number[]): number;
}
const instantiate = (memory: WebAssembly.Memory) => new WebAssembly.Instance(wasmModule, { env: { memory } }).exports as unknown as WasmKernels;

// ─── the columns ───
const COLUMNS = {
  members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, personalStock: Float64Array,
  basicMet: Uint8Array, personalMet: Uint8Array, unmetBasicDays: Int32Array, unmetPersonalDays: Int32Array,
  cash: Float64Array, foodBudgetPerDay: Float64Array, elderlyNoSmartphone: Uint8Array, elderlySmartphone: Uint8Array,
  others: Uint8Array, outingSlot: Uint8Array, lastPriceRatio: Float64Array, lastVariety: Float64Array, satisfaction: Float64Array,
  wanting: Int32Array,
};
type Name = keyof typeof COLUMNS;
type Columns = Record<Name, Float64Array | Int32Array | Uint8Array>;
const PAGE = 65_536;
const ALIGN = 64; // a cache line
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
/** Bytes of an arena for `count` households: the columns, each at a cache line, and the tally first. */
const arenaBytes = (count: number) => ALIGN + Object.values(COLUMNS).reduce((sum, T) => sum + align(count * T.BYTES_PER_ELEMENT), 0);

/** The columns in one WebAssembly.Memory, sized up front; their byte offsets for the WASM kernels. */
function arena(count: number) {
  const memory = new WebAssembly.Memory({ initial: Math.ceil(arenaBytes(count) / PAGE) });
  const at = {} as Record<Name, number>;
  const columns = {} as Columns;
  let next = ALIGN; // the 5 tallies at 0
  for (const [name, T] of Object.entries(COLUMNS) as [Name, (typeof COLUMNS)[Name]][]) {
    at[name] = next;
    columns[name] = new T(memory.buffer, next, count);
    next += align(count * T.BYTES_PER_ELEMENT);
  }
  return { memory, at, columns, tally: new Float64Array(memory.buffer, 0, 5) };
}

interface Copy {
  name: string;
  columns: Columns;
  /** The day's eating; returns the five tallies. */
  eat(): Float64Array;
  wantingToShop(day: number, interval: number): number;
  moveTowardScores(): number;
}

function jsCopy(name: string, count: number, columns: Columns, reorderBelowDays: number, w: Weights): Copy {
  const k = jsKernels();
  const c = columns as any;
  return {
    name,
    columns,
    eat: () => {
      k.eat(count, c.members, c.vegetableStock, c.porkStock, c.personalStock, c.basicMet, c.personalMet, c.unmetBasicDays, c.unmetPersonalDays, c.cash, c.foodBudgetPerDay, c.elderlyNoSmartphone, c.elderlySmartphone, c.others);
      return k.tally;
    },
    wantingToShop: (day, interval) => k.wantingToShop(count, day, interval, c.outingSlot, c.members, c.vegetableStock, c.porkStock, c.personalStock, reorderBelowDays, c.wanting),
    moveTowardScores: () => k.moveTowardScores(count, c.satisfaction, c.basicMet, c.personalMet, c.lastPriceRatio, c.lastVariety, w.basic, w.personal, w.price, w.variety, w.total, w.rate),
  };
}

function wasmCopy(count: number, reorderBelowDays: number, w: Weights): Copy & { memory: WebAssembly.Memory; kernels: WasmKernels } {
  const { memory, at, columns, tally } = arena(count);
  const k = instantiate(memory);
  return {
    name: 'wasm',
    columns,
    memory,
    kernels: k,
    eat: () => {
      k.eat(count, at.members, at.vegetableStock, at.porkStock, at.personalStock, at.basicMet, at.personalMet, at.unmetBasicDays, at.unmetPersonalDays, at.cash, at.foodBudgetPerDay, at.elderlyNoSmartphone, at.elderlySmartphone, at.others, 0);
      return tally;
    },
    wantingToShop: (day, interval) => k.wantingToShop(count, day, interval, at.outingSlot, at.members, at.vegetableStock, at.porkStock, at.personalStock, reorderBelowDays, at.wanting),
    moveTowardScores: () => k.moveTowardScores(count, at.satisfaction, at.basicMet, at.personalMet, at.lastPriceRatio, at.lastVariety, w.basic, w.personal, w.price, w.variety, w.total, w.rate),
  };
}

interface Weights { basic: number; personal: number; price: number; variety: number; total: number; rate: number }

// ─── the days ───
const KERNELS = ['eat', 'wantingToShop', 'moveTowardScores'] as const;
type Kernel = (typeof KERNELS)[number];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sameBits = (a: ArrayBufferView, b: ArrayBufferView) => Buffer.compare(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) === 0;
/** A fixed pseudo-random share per household and day (no stream: the refill is the bench's, not the model's). */
const chance = (h: number, day: number) => ((Math.imul(h + 1, 0x9e3779b1) ^ Math.imul(day + 1, 0x85ebca6b)) >>> 0) / 2 ** 32;

interface Row { kernel: Kernel; size: string; households: number; ns: Record<string, number>; first: Record<string, number>; firstRun: Record<string, number>; identical: boolean }

function probe(size: number): Row[] {
  const scenario = scenarioFor('q', size);
  const world = createSimulation(scenario, 'bench/wasm').world as any;
  const hh = world.households;
  const count: number = hh.count;
  const s = world.scenario;
  const dayOf = (date: string | null) => (date === null ? Infinity : (Date.parse(date) - Date.parse(s.calendar.start)) / 86_400_000);
  const days = dayOf(s.calendar.end) + 1;
  const [roadClosure, movementControl, closedManagement, regimeSwitch, reopening] = ['roadClosure', 'movementControl', 'closedManagement', 'regimeSwitch', 'reopening'].map((k) => dayOf(s.timeline[k]));
  const { basic, personal, price, variety } = s.satisfaction.weights;
  const w: Weights = { basic, personal, price, variety, total: basic + personal + price + variety, rate: s.satisfaction.adjustmentRate };
  const reorderBelowDays = s.needs.reorderBelowDays;

  const own = {} as Columns;
  for (const [name, T] of Object.entries(COLUMNS) as [Name, (typeof COLUMNS)[Name]][]) own[name] = new T(count);
  const wasm = wasmCopy(count, reorderBelowDays, w);
  const copies: Copy[] = [jsCopy('js', count, own, reorderBelowDays, w), jsCopy('js/arena', count, arena(count).columns, reorderBelowDays, w), wasm].filter((c) => ONLY === null || c.name === ONLY);
  // What every copy is compared with: js's, unless only one copy runs.
  const [reference] = copies;
  const ref = reference.columns;
  const names = copies.map((c) => c.name);
  const reset = () => {
    for (const c of copies) for (const name of Object.keys(COLUMNS) as Name[]) name === 'wanting' ? c.columns.wanting.fill(0) : (c.columns[name] as Float64Array).set(hh[name]);
  };

  /** The afternoon's outings and deliveries, scripted (untimed): who of the n listed gets what. */
  const refill = (c: Columns, n: number, day: number) => {
    const disrupted = day >= roadClosure && day < closedManagement;
    const closed = day >= closedManagement && day < reopening;
    const found = closed ? (day < regimeSwitch ? 0.2 : 0.6) : disrupted ? s.outings.disruptedAvailability : 1;
    const markup = disrupted ? s.outings.disruptedPriceMarkup : closed && day < regimeSwitch ? 52 / 35 : closed ? 1.2 : 1;
    const variety = closed && day < regimeSwitch ? 0.3 : 1;
    const basket = { vegetable: 0, pork: 0 };
    const per = s.needs.personDaysPerPackage;
    const cols = c as any;
    for (let i = 0; i < n; i++) {
      const h = c.wanting[i];
      if (chance(h, day) >= found) continue;
      if (!closed && cols.personalStock[h] < reorderBelowDays) cols.personalStock[h] = s.needs.personalCoverDays;
      if (lowOnBasics(reorderBelowDays, cols.members, cols.vegetableStock, cols.porkStock, h) === 0) continue;
      const { vegetable, pork } = packagesToCover(s, cols, h, basket);
      cols.vegetableStock[h] += vegetable * per.vegetable;
      cols.porkStock[h] += pork * per.pork;
      cols.lastPriceRatio[h] = markup;
      cols.lastVariety[h] = variety;
    }
  };

  const cycles = CYCLES ?? (count > 100_000 ? 3 : 30);
  const calls: Record<Kernel, Record<string, number[]>> = Object.fromEntries(KERNELS.map((k) => [k, Object.fromEntries(names.map((n) => [n, [] as number[]]))])) as any;
  const first = {} as Record<Kernel, Record<string, number>>;
  const firstRun = Object.fromEntries(KERNELS.map((k) => [k, Object.fromEntries(names.map((n) => [n, 0]))])) as Record<Kernel, Record<string, number>>;
  // How the scripted days went (the js copy's): household-days with basic needs met, and listed to go out.
  let met = 0;
  let listedDays = 0;
  const identical = Object.fromEntries(KERNELS.map((k) => [k, true])) as Record<Kernel, boolean>;
  const time = (kernel: Kernel, cycle: number, day: number, order: Copy[], call: (c: Copy) => unknown) => {
    const results = new Map<string, unknown>();
    for (const c of order) {
      const t = process.hrtime.bigint();
      const r = call(c);
      const ns = Number(process.hrtime.bigint() - t);
      results.set(c.name, r instanceof Float64Array ? Array.from(r) : r);
      if (cycle === 0 && day === 0) (first[kernel] ??= {})[c.name] = ns / count;
      if (cycle === 0) firstRun[kernel][c.name] += ns / count / days;
      if (cycle > 0) calls[kernel][c.name].push(ns / count);
    }
    const expected = JSON.stringify(results.get(reference.name));
    for (const r of results.values()) if (JSON.stringify(r) !== expected) identical[kernel] = false;
    return results;
  };
  for (let cycle = 0; cycle <= cycles; cycle++) {
    reset();
    for (let day = 0; day < days; day++) {
      // Which copy goes first turns round day by day, so none always follows another.
      const order = copies.map((_, i) => copies[(i + day + cycle) % copies.length]);
      const tallies = time('eat', cycle, day, order, (c) => c.eat()).get(reference.name) as number[];
      if (cycle === 0) met += tallies[0];
      const interval = day >= movementControl && day < closedManagement ? s.outings.movementControlIntervalDays : 1;
      const listed = new Map<string, number>();
      time('wantingToShop', cycle, day, order, (c) => {
        const n = c.wantingToShop(day, interval);
        listed.set(c.name, n);
        return n;
      });
      for (const c of copies) {
        const n = listed.get(c.name)!;
        if (!sameBits(c.columns.wanting.subarray(0, n), ref.wanting.subarray(0, listed.get(reference.name)!))) identical.wantingToShop = false;
        if (cycle === 0 && c === reference) listedDays += n;
        refill(c.columns, n, day);
      }
      time('moveTowardScores', cycle, day, order, (c) => c.moveTowardScores());
    }
    // Every column, bit for bit: what eat writes (stocks, met, unmet days, cash), the list, satisfaction.
    const wrote: Record<Kernel, Name[]> = {
      eat: ['vegetableStock', 'porkStock', 'personalStock', 'basicMet', 'personalMet', 'unmetBasicDays', 'unmetPersonalDays', 'cash'],
      wantingToShop: ['wanting'],
      moveTowardScores: ['satisfaction'],
    };
    for (const c of copies) for (const k of KERNELS) for (const name of wrote[k]) if (!sameBits(c.columns[name], ref[name])) identical[k] = false;
  }
  const label = size === 0 ? 'default' : size.toLocaleString('en');
  console.log(`${label}: ${count.toLocaleString('en')} households, ${days} days; basic needs met on ${((100 * met) / count / days).toFixed(1)} % of household-days, listed to go out on ${((100 * listedDays) / count / days).toFixed(1)} %; ${cycles} timed cycles after 1`);
  return KERNELS.map((kernel) => ({
    kernel, size: label, households: count, identical: identical[kernel], first: first[kernel], firstRun: firstRun[kernel],
    ns: Object.fromEntries(names.map((n) => [n, median(calls[kernel][n])])),
  }));
}

// ─── one call, and the memory ───
/** ns per call of a WASM function with 14 arguments that does nothing, from JS, median of 11 rounds of 10^6. */
function callCost(): number {
  const k = instantiate(new WebAssembly.Memory({ initial: 1 }));
  const rounds: number[] = [];
  let x = 0;
  for (let r = 0; r < 12; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 1e6; i++) x += k.call14(i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    if (r > 0) rounds.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  if (x === 0) console.log('');
  return median(rounds);
}

/** Bytes of every column of every table of a model's 1M world per resident: what an arena for all columns would hold. */
function columnBytesPerResident(model: 'q' | 'all'): number {
  const world = createSimulation(scenarioFor(model, 1_000_000), 'bench/wasm').world as any;
  let bytes = 0;
  for (const table of Object.values(world)) {
    if (!table || typeof table !== 'object' || typeof (table as any).count !== 'number') continue;
    for (const v of Object.values(table as object)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  }
  return bytes / world.residents.count;
}

function memoryCost(bytesPerResident: number) {
  const bytes = Math.ceil((bytesPerResident * 10_000_000) / PAGE) * PAGE;
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const before = rss();
  let t = performance.now();
  const memory = new WebAssembly.Memory({ initial: bytes / PAGE });
  const createMs = performance.now() - t;
  const afterCreate = rss();
  t = performance.now();
  new Uint8Array(memory.buffer).fill(1);
  const touchMs = performance.now() - t;
  const afterTouch = rss();
  const view = new Float64Array(memory.buffer, 0, 8);
  t = performance.now();
  memory.grow(1);
  const growMs = performance.now() - t;
  return { bytes, createMs, touchMs, growMs, rssCreate: afterCreate - before, rssTouch: afterTouch - before, viewLengthAfterGrow: view.length, plain: plainArrays(bytes) };
}
/** The same bytes as plain ArrayBuffers (40 columns), for comparison: ms to allocate, MiB of RSS it adds. */
function plainArrays(bytes: number) {
  const before = process.memoryUsage().rss;
  const t = performance.now();
  const columns = Array.from({ length: 40 }, () => new Uint8Array(bytes / 40));
  const ms = performance.now() - t;
  return { ms, rss: (process.memoryUsage().rss - before) / 2 ** 20, columns: columns.length };
}

// ─── the table ───
console.log(`WASM: asc -O3 ${ascMs.toFixed(0)} ms, ${binary.length} bytes, WebAssembly.compile ${compileMs.toFixed(1)} ms, an instance ${instantiateMs.toFixed(2)} ms; ${Object.keys(COLUMNS).length} columns of ${Object.values(COLUMNS).reduce((sum, T) => sum + T.BYTES_PER_ELEMENT, 0)} bytes a household`);
const rows = SIZES.flatMap(probe);
if (ONLY !== null) process.exit(0);
console.log('kernel            size        households  js ns/hh  js/arena  wasm ns/hh  wasm/js  identical  first call js / js/arena / wasm  first run js / js/arena / wasm');
for (const r of rows) {
  const three = (x: Record<string, number>) => [x.js, x['js/arena'], x.wasm].map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `${r.kernel.padEnd(16)}  ${r.size.padEnd(10)}  ${String(r.households).padStart(10)}  ${r.ns.js.toFixed(2).padStart(8)}  ${r.ns['js/arena'].toFixed(2).padStart(8)}  ${r.ns.wasm.toFixed(2).padStart(10)}  ${(r.ns.wasm / r.ns.js).toFixed(2).padStart(7)}  ${(r.identical ? 'yes' : 'NO').padEnd(9)}  ${three(r.first).padStart(30)}  ${three(r.firstRun).padStart(29)}`,
  );
}
console.log('(ns per household per call: medians of the timed cycles; the first call, and the mean of the first run of 97 days, in this process)');
console.log(`one JS→WASM call with 14 arguments (a no-op, loop included): ${callCost().toFixed(1)} ns`);
if (MEMORY) {
  const perResident = columnBytesPerResident('all');
  const m = memoryCost(perResident);
  console.log(`columns of the 1M world's tables per resident: Q model ${columnBytesPerResident('q').toFixed(1)} bytes, every-module model ${perResident.toFixed(1)}`);
  console.log(
    `memory for the every-module 10M world's columns (${(m.bytes / 2 ** 20).toFixed(0)} MiB): ` +
      `new WebAssembly.Memory ${m.createMs.toFixed(2)} ms (+${m.rssCreate.toFixed(0)} MiB RSS), the same bytes as 40 ArrayBuffers ${m.plain.ms.toFixed(1)} ms (+${m.plain.rss.toFixed(0)} MiB RSS), ` +
      `first write of every byte ${m.touchMs.toFixed(0)} ms (+${m.rssTouch.toFixed(0)} MiB RSS); memory.grow(1 page) ${m.growMs.toFixed(2)} ms, a view's length after it ${m.viewLengthAfterGrow} (detached); ` +
      `wasm32's ceiling 4 GiB ≈ ${Math.floor(2 ** 32 / perResident / 1e6)}M residents`,
  );
}
