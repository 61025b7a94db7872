/**
 * Did my change alter any output? For performance work, whose rule is byte-identical outputs
 * (docs/performance.md): runs the same checks on this working tree and on another (a git revision
 * exported with `git archive`, or digests saved earlier) and prints one line per check, "same",
 * "DIFFERS" or "FAILED" (a run that stopped with an error, in either tree), exiting 1 on any
 * difference or failure, and 2 when the comparison itself could not be made.
 *
 *   npm run check:identical                        # this working tree against HEAD (uncommitted changes)
 *   npm run check:identical -- --base main~3       # against any revision
 *   npm run check:identical -- --write before.txt  # save this tree's digests …
 *   npm run check:identical -- --against before.txt   # … and compare with them later
 *   npm run check:identical -- --quick             # replicate 0 only, and the every-module model for one seed
 *
 * The checks, each replicates 0 and 1 (run seeds from the scenario's seed, as `crsim run
 * --replicate 0|1`):
 * - every shipped scenario under scenarios/ that a single run accepts (found by loading each
 *   .yaml, each tree its own files: a changed scenario is a changed output);
 * - the bench's every-module model (bench/all-model.ts, this tree's) at 20,000 residents, which
 *   covers the modules no shipped scenario runs together: written out as JSON and loaded by each
 *   tree as a user's file, so each tree's own checks validate it (a base that refuses it FAILS).
 * A check's digest is sha256 of the timeseries.csv and summary.json a user gets from `crsim run`
 * (the same writers, timeseriesCsv and summaryJson, through the library's public API), and of the
 * raw Float64 series, which the CSV's formatting could round away.
 *
 * Each tree's library is imported by path into this one process, as bench/ab-trees.ts does; the
 * exported revision gets a node_modules link to this tree's and is removed at the end. About a
 * minute a tree on this 2-core machine under load (54 checks; the N-street runs span eight years).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scenarioFor } from '../bench/all-model.js';

const ROOT = resolve(import.meta.dirname, '..');
const EVERY_MODULE_SIZE = 20_000;

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const quick = argv.includes('--quick');
const replicates = quick ? [0] : [0, 1];
const write = option('--write');
const against = option('--against');
const base = option('--base') ?? (write || against ? undefined : 'HEAD');

/** One check's name and digest, in a fixed order. */
type Digests = Map<string, string>;

/** sha256 (16 hex digits) of what `crsim run` writes and of the raw series. */
function digestOf(lib: any, result: any): string {
  const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);
  const series = createHash('sha256');
  for (const k of Object.keys(result.series).sort()) {
    const col = result.series[k] as Float64Array;
    series.update(k).update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  }
  return `csv ${sha(lib.timeseriesCsv(result))} summary ${sha(lib.summaryJson(result))} series ${series.digest('hex').slice(0, 16)}`;
}

/** A tree that cannot be checked at all: exit 2, kept apart from 1 ("outputs differ"). */
class CannotCompare extends Error {}

/** The digest of a run, or the first line of the error that stopped it (which differs from any digest). */
function attempt(lib: any, run: () => unknown): string {
  try {
    return digestOf(lib, run());
  } catch (e) {
    return `error: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** Every check run on the tree at `root` (its own library and shipped scenarios). */
async function digestsOf(root: string, everyModuleFile: string): Promise<Digests> {
  const lib = await import(pathToFileURL(join(root, 'src/index.ts')).href);
  const missing = ['loadScenario', 'runScenario', 'timeseriesCsv', 'summaryJson'].filter((f) => typeof lib[f] !== 'function');
  if (missing.length > 0) throw new CannotCompare(`${root} lacks ${missing.join(', ')} in its public API (a revision older than check:identical's needs)`);
  const scenariosDir = join(root, 'scenarios');
  const out: Digests = new Map();
  const files = readdirSync(scenariosDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  const started = performance.now();
  for (const file of files) {
    let scenario;
    try {
      scenario = lib.loadScenario(join(scenariosDir, file)).scenario;
    } catch {
      continue; // not a scenario a single run accepts (a case file to extend, a sweep)
    }
    for (const replicate of replicates) out.set(`${file} replicate ${replicate}`, attempt(lib, () => lib.runScenario(scenario, { replicate })));
  }
  for (const replicate of replicates) {
    const name = `every-module model at ${EVERY_MODULE_SIZE.toLocaleString('en')} residents, replicate ${replicate}`;
    // Loaded by each tree as a user's file is, so each tree's own checks validate it.
    out.set(name, attempt(lib, () => lib.runScenario(lib.loadScenario(everyModuleFile).scenario, { replicate })));
  }
  process.stderr.write(`${root}: ${out.size} checks in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return out;
}

const parse = (text: string): Digests => new Map(text.trim().split('\n').map((line) => line.split('\t') as [string, string]));
const format = (d: Digests) => [...d].map(([k, v]) => `${k}\t${v}`).join('\n') + '\n';

/** One line per check; true when every check is the same. */
function compare(before: Digests, after: Digests, beforeName: string): boolean {
  let same = true;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(name), after.get(name)];
    // A run that failed in both trees with the same error compared nothing: a failure, not "same".
    if (a?.startsWith('error:') || b?.startsWith('error:')) {
      same = false;
      console.log(`FAILED   ${name} (${beforeName}: ${b ?? 'not run'}; this tree: ${a ?? 'not run'})`);
      continue;
    }
    if (a !== undefined && a === b) {
      console.log(`same     ${name}`);
      continue;
    }
    same = false;
    const what = b === undefined ? `only in this tree` : a === undefined ? `only in ${beforeName}` : `${beforeName}: ${b}; this tree: ${a}`;
    console.log(`DIFFERS  ${name} (${what})`);
  }
  return same;
}

// The every-module model written out as a file, as `npx tsx bench/model.ts --scenario all` writes it.
const scratch = mkdtempSync(join(tmpdir(), 'check-identical-model-'));
const everyModule = join(scratch, `all-${EVERY_MODULE_SIZE}.json`);
writeFileSync(everyModule, JSON.stringify(scenarioFor('all', EVERY_MODULE_SIZE)));
try {
  if (base === undefined && !against) {
    writeFileSync(write!, format(await digestsOf(ROOT, everyModule)));
    console.log(`wrote ${write}`);
  } else {
    let before: Digests;
    let beforeName: string;
    if (against) {
      before = parse(readFileSync(against, 'utf8'));
      beforeName = against;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'check-identical-'));
      try {
        execFileSync('sh', ['-c', `git -C "${ROOT}" archive "$1" | tar -x -C "${dir}"`, 'sh', base!], { stdio: ['ignore', 'ignore', 'inherit'] });
        symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
        before = await digestsOf(dir, everyModule);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      beforeName = base!;
    }
    const after = await digestsOf(ROOT, everyModule);
    if (write) writeFileSync(write, format(after));
    const same = compare(before, after, beforeName);
    console.log(same ? `outputs identical to ${beforeName}` : `outputs differ from ${beforeName}`);
    process.exitCode = same ? 0 : 1;
  }
} catch (e) {
  // Exit 1 means "outputs differ"; anything that stopped the comparison itself is 2.
  console.error(`check:identical could not compare: ${e instanceof CannotCompare ? e.message : (e as Error).stack}`);
  process.exitCode = 2;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
