/**
 * The files of a sweep folder, written so that a crash loses nothing finished:
 *
 *   experiment.json      the resolved experiment (points, seeds, columns) and versions
 *   runs.csv             one row per finished run, appended as each finishes
 *   timeseries.csv       the kept daily metrics of each finished run, keyed by run_id
 *   timeseries.parquet   written when the sweep completes (Parquet cannot be appended)
 *   runs.parquet         likewise; both typed and described by parquet-tables.ts
 *
 * A run's time-series rows are appended before its runs.csv row, so a run counts as done exactly
 * when its runs.csv row is complete; `--resume` drops anything else (a half-written line, the
 * series of a run that had no row yet) and runs only what is missing. When every run is in,
 * both tables are sorted by run_id, so the final files are the same for any worker count,
 * completion order, interruption or sharding.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { PACKAGE_VERSION } from '../version.js';
import { cell, csvLines, parseCsvLine, type Cell } from './csv-lines.js';
import { indexJournal, writeJournal, type JournalIndex, type Segment } from './journal.js';
import { runsParquet, TimeseriesParquet, type ExperimentRecord, type HeldRun } from './parquet-tables.js';
import { runIdOf } from './design.js';
import type { ResolvedExperiment } from './load.js';
import { flatten } from './measures.js';
import type { RunOutcome } from './task.js';
import { checkSweepTables, readJsonFile } from './folder-checks.js';
import { daysOfRecordRun, daysOfRun } from './run-days.js';
import { withFolderLocks } from './folder-lock.js';
import { UserError } from '../user-error.js';

export const FILES = {
  experiment: 'experiment.json',
  runs: 'runs.csv',
  timeseries: 'timeseries.csv',
  runsParquet: 'runs.parquet',
  timeseriesParquet: 'timeseries.parquet',
} as const;

export interface Shard {
  /** 1-based: shard K of N. */
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new Error(`expected a shard as K/N with 1 ≤ K ≤ N (e.g. 3/8), found "${text}"`);
  }
  return shard;
}

/** Run ids of a shard: every N-th run starting at K−1, so shards stay balanced across points. */
export function inShard(runId: number, shard: Shard | undefined): boolean {
  return !shard || runId % shard.count === shard.index - 1;
}

/** Column names of runs.csv: ids, seed, every varied parameter (flattened), every kept measure. */
export function runsColumns(exp: ResolvedExperiment): { parameters: string[]; header: string[] } {
  const parameters: string[] = [];
  for (const point of exp.points) {
    for (const key of Object.keys(flatten(point))) if (!parameters.includes(key)) parameters.push(key);
  }
  // Design points are flat path → value maps; a whole-object value (perBuilding: {min, max})
  // flattens to one column per field.
  return { parameters, header: ['run_id', 'point', 'replicate', 'seed', ...parameters, ...exp.measures] };
}

export function timeseriesHeader(exp: ResolvedExperiment): string[] {
  return ['run_id', 'date', 'day', 'phase', ...exp.metrics];
}

/** The content of experiment.json: everything that decides the results, and nothing that varies between machines or attempts. */
export function experimentRecord(exp: ResolvedExperiment, shard: Shard | undefined): Record<string, unknown> {
  const { header } = runsColumns(exp);
  // Paths are recorded but not fingerprinted: shards run on cluster nodes may see other mounts.
  const body = {
    name: exp.spec.name,
    spec: exp.spec,
    masterSeed: exp.masterSeed,
    // The rule, not a list: a list would grow with points × replicates; runs.csv has each run's seed.
    seedRule: exp.spec.commonRandomNumbers
      ? `run seed = "${exp.masterSeed}/REPLICATE", shared by all points (common random numbers)`
      : `run seed = "${exp.masterSeed}/pPOINT/REPLICATE"`,
    replicates: exp.replicates,
    runs: exp.runs,
    varied: exp.varied,
    points: exp.points.map((parameters, point) => ({ point, parameters })),
    columns: { runs: header, timeseries: timeseriesHeader(exp) },
    baseScenario: exp.baseScenario,
    // Resuming or merging across model versions would mix results of two models.
    packageVersion: PACKAGE_VERSION,
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return {
    ...body,
    experimentFile: exp.file,
    scenarioFile: exp.scenarioFile,
    fingerprint,
    shard: shard ?? null,
    versions: { 'community-resilience': PACKAGE_VERSION, node: process.version },
  };
}

/** The runs.csv row of one finished run. */
export function runRow(exp: ResolvedExperiment, parameters: string[], outcome: RunOutcome): Cell[] {
  const point = flatten(exp.points[outcome.point]);
  return [
    outcome.runId, outcome.point, outcome.replicate, outcome.runSeed,
    ...parameters.map((p) => point[p] as Cell),
    ...exp.measures.map((m) => outcome.measures[m]),
  ];
}

/** The timeseries.csv rows of one finished run. */
export function seriesRows(exp: ResolvedExperiment, outcome: RunOutcome): Cell[][] {
  return outcome.dates.map((date, d) => [outcome.runId, date, d, outcome.phases[d], ...exp.metrics.map((m) => outcome.series[m][d])]);
}

/**
 * The timeseries.csv lines of one finished run, the same text as `csvLines(seriesRows(…))`
 * formatted straight from the run's Float64Array series: the main thread formats every day of
 * every run, and a row array per day (then a string per cell) was a fifth of its time.
 */
export function seriesLines(exp: ResolvedExperiment, outcome: RunOutcome): string {
  const series = exp.metrics.map((m) => outcome.series[m]);
  const runId = cell(outcome.runId);
  const k = series.length;
  let out = '';
  for (let d = 0; d < outcome.dates.length; d++) {
    let line = `${runId},${cell(outcome.dates[d])},${d},${cell(outcome.phases[d])}`;
    for (let j = 0; j < k; j++) {
      const v = series[j][d];
      // NaN (no value that day) is an empty cell, as csvLines writes it.
      line += v === v ? `,${v}` : ',';
    }
    out += `${line}\n`;
  }
  return out;
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

/** An open sweep folder: appends finished runs; knows which are done. */
export class SweepFolder {
  /**
   * Bytes of finished runs' series kept in memory for timeseries.parquet (64 MiB: about 2,000
   * default-size runs). Runs beyond it, and runs of an earlier attempt, are read back from
   * timeseries.csv instead; the file is the same either way.
   */
  static HOLD_BYTES = 64 << 20;
  readonly done = new Set<number>();
  private runsFd = -1;
  private seriesFd = -1;
  private readonly parameters: string[];
  /** Runs appended by this process, whose values timeseries.parquet can take without re-reading their CSV. */
  private readonly held = new Map<number, HeldRun>();
  private heldBytes = 0;

  private constructor(readonly dir: string, readonly exp: ResolvedExperiment, readonly shard: Shard | undefined) {
    this.parameters = runsColumns(exp).parameters;
  }

  /**
   * Opens `dir` for the experiment. A folder with results needs `resume`; a folder from a
   * different experiment (or shard) is refused either way, so results never mix.
   */
  static open(dir: string, exp: ResolvedExperiment, opts: { resume?: boolean; shard?: Shard } = {}): SweepFolder {
    const folder = new SweepFolder(dir, exp, opts.shard);
    const record = experimentRecord(exp, opts.shard);
    const recordFile = join(dir, FILES.experiment);
    const runsFile = join(dir, FILES.runs);
    const seriesFile = join(dir, FILES.timeseries);
    mkdirSync(dir, { recursive: true });
    if (existsSync(recordFile)) {
      const previous = readJsonFile(recordFile, 'sweep record (experiment.json)');
      if (previous.fingerprint !== record.fingerprint || JSON.stringify(previous.shard) !== JSON.stringify(record.shard)) {
        throw new UserError(`${dir} holds results of a different experiment or shard (fingerprint ${previous.fingerprint}, shard ${JSON.stringify(previous.shard)}); use another --out`);
      }
      if (!opts.resume) throw new UserError(`${dir} already holds this sweep's results; pass --resume to run only what is missing, or choose another --out`);
    }
    const runsHeader = csvLines([runsColumns(exp).header]).trimEnd();
    const seriesHeader = csvLines([timeseriesHeader(exp)]).trimEnd();
    if (opts.resume && existsSync(runsFile)) {
      // Keep complete runs only; a run is complete when its runs.csv line is (and its series whole).
      checkSweepTables(dir, { daysOf: (id) => daysOfRun(exp, id) });
      const runs = indexJournal(runsFile);
      for (const id of runs.runs.keys()) folder.done.add(id);
      const ids = [...folder.done].sort((a, b) => a - b);
      writeJournal(runsFile, runs.header || runsHeader, ids, (id) => runs.runs.get(id)!);
      if (existsSync(seriesFile)) {
        const series = indexJournal(seriesFile);
        writeJournal(seriesFile, series.header || seriesHeader, ids.filter((id) => series.runs.has(id)), (id) => series.runs.get(id)!);
      } else {
        writeFileSync(seriesFile, `${seriesHeader}\n`);
      }
    } else {
      writeFileSync(runsFile, `${runsHeader}\n`);
      writeFileSync(seriesFile, `${seriesHeader}\n`);
    }
    writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
    folder.runsFd = openSync(runsFile, 'a');
    folder.seriesFd = openSync(seriesFile, 'a');
    return folder;
  }

  /** Run ids this folder should hold: all runs of the experiment in its shard. */
  expectedRunIds(): number[] {
    const ids: number[] = [];
    for (let p = 0; p < this.exp.points.length; p++) {
      for (let r = 0; r < this.exp.replicates; r++) {
        const id = runIdOf(p, r, this.exp.replicates);
        if (inShard(id, this.shard)) ids.push(id);
      }
    }
    return ids;
  }

  /** Appends one finished run: its series first, then its runs.csv row (the commit). */
  append(outcome: RunOutcome): void {
    writeSync(this.seriesFd, seriesLines(this.exp, outcome));
    writeSync(this.runsFd, csvLines([runRow(this.exp, this.parameters, outcome)]));
    this.done.add(outcome.runId);
    // Copies (a memcpy per metric), so a caller's onRun that changes the outcome cannot make the
    // Parquet file disagree with the CSV just written.
    const bytes = outcome.dates.length * (8 * this.exp.metrics.length + 16);
    if (this.exp.spec.outputs.formats.includes('parquet') && this.heldBytes + bytes <= SweepFolder.HOLD_BYTES) {
      const series: Record<string, Float64Array> = {};
      for (const m of this.exp.metrics) if (outcome.series[m]) series[m] = outcome.series[m].slice();
      this.held.set(outcome.runId, { runId: outcome.runId, dates: outcome.dates.slice(), phases: outcome.phases.slice(), series });
      this.heldBytes += bytes;
    }
  }

  close(): void {
    if (this.runsFd >= 0) closeSync(this.runsFd);
    if (this.seriesFd >= 0) closeSync(this.seriesFd);
    this.runsFd = this.seriesFd = -1;
  }

  get complete(): boolean {
    return this.expectedRunIds().every((id) => this.done.has(id));
  }

  /** Sorts both tables by run id and writes the Parquet copies. */
  finalise(): void {
    this.close();
    finaliseFolder(this.dir, this.held);
    this.held.clear();
    this.heldBytes = 0;
  }
}

/** Where the lines of each run are, in one or more journals (the first file holding a run wins). */
type Sources = Map<number, Segment[]>;

function sourcesOf(indexes: JournalIndex[]): Sources {
  const out: Sources = new Map();
  for (const index of indexes) for (const [id, segs] of index.runs) if (!out.has(id)) out.set(id, segs);
  return out;
}

/**
 * Writes the final tables into `dir` from the given journals: runs.csv and timeseries.csv sorted by
 * run_id, and their Parquet copies when the experiment (its experiment.json `record`) asks for
 * them. Streams, so the time series may exceed memory. Runs in `held` (written by this process,
 * each in one piece of timeseries.csv) go into timeseries.parquet from their values rather than
 * by parsing their lines back: same file, less work.
 */
export function writeSortedTables(dir: string, record: ExperimentRecord, runs: { header: string; sources: Sources }, series: { header: string; sources: Sources }, held: ReadonlyMap<number, HeldRun> = new Map()): void {
  const parquet = record.spec.outputs.formats.includes('parquet');
  const ids = [...runs.sources.keys()].sort((a, b) => a - b);
  const createdBy = `community-resilience ${record.packageVersion}`;
  const runLines: string[] = [];
  writeJournal(join(dir, FILES.runs), runs.header, ids, (id) => runs.sources.get(id)!, parquet ? (lines) => runLines.push(...lines) : undefined);
  const stream = parquet ? new TimeseriesParquet(join(dir, FILES.timeseriesParquet), record, parseCsvLine(series.header), createdBy) : undefined;
  const direct = (id: number) => stream !== undefined && held.has(id) && series.sources.get(id)!.length === 1 && stream.accepts(held.get(id)!);
  writeJournal(
    join(dir, FILES.timeseries), series.header, ids.filter((id) => series.sources.has(id)), (id) => series.sources.get(id)!,
    stream ? (lines, id) => (direct(id) ? stream.addRun(held.get(id)!) : stream.add(lines)) : undefined,
    (id) => !direct(id),
  );
  stream?.finish();
  // runs.parquet from memory: one line per run is small next to the time series.
  if (parquet) writeAtomically(join(dir, FILES.runsParquet), runsParquet(record, parseCsvLine(runs.header), runLines.map(parseCsvLine), createdBy));
}

/** Sorts a complete folder's tables by run_id and writes the Parquet copies. */
export function finaliseFolder(dir: string, held?: ReadonlyMap<number, HeldRun>): void {
  const record = readJsonFile(join(dir, FILES.experiment), 'experiment record') as ExperimentRecord;
  const runs = indexJournal(join(dir, FILES.runs));
  const series = indexJournal(join(dir, FILES.timeseries));
  writeSortedTables(dir, record, { header: runs.header, sources: runs.runs }, { header: series.header, sources: series.runs }, held);
}

/**
 * Combines shard folders (or any folders of the same experiment) into `out`: checks that they
 * belong to one experiment, that together they hold every run, and that a run found twice is
 * identical; then writes files equal to those of the unsharded sweep.
 */
export function mergeFolders(dirs: string[], out: string): { runs: number } {
  if (dirs.length === 0) throw new UserError('name at least one sweep folder to merge');
  for (const dir of dirs) if (!existsSync(join(dir, FILES.experiment))) throw new UserError(`${dir} is not a sweep folder (no ${FILES.experiment})`);
  // No sweep may write to a source or to the output while the merge reads and writes them.
  return withFolderLocks([...dirs, out], 'merge', () => mergeLocked(dirs, out), new Set(dirs.filter((d) => d !== out)));
}

function mergeLocked(dirs: string[], out: string): { runs: number } {
  const parts = dirs.map((dir) => {
    const recordFile = join(dir, FILES.experiment);
    const record = readJsonFile(recordFile, 'sweep record (experiment.json)') as Record<string, any>;
    checkSweepTables(dir, { daysOf: (id) => daysOfRecordRun(record, id, recordFile), advice: "finish that folder's sweep first (crsim sweep … --resume after deleting the run's line from runs.csv)" });
    return {
      dir,
      record,
      runs: indexJournal(join(dir, FILES.runs)),
      series: indexJournal(join(dir, FILES.timeseries)),
    };
  });
  const first = parts[0];
  for (const p of parts.slice(1)) {
    if (p.record.fingerprint !== first.record.fingerprint) {
      throw new UserError(`${p.dir} is from a different experiment than ${first.dir} (fingerprint ${p.record.fingerprint} ≠ ${first.record.fingerprint})`);
    }
  }
  // A run in two folders (an overlapping re-run) must be the same bytes in both.
  const seen = new Map<number, { dir: string; line: string }>();
  const lineOf = (seg: Segment) => {
    const fd = openSync(seg.file, 'r');
    try {
      const b = Buffer.alloc(seg.end - seg.start);
      readSync(fd, b, 0, b.length, seg.start);
      return b.toString('utf8');
    } finally {
      closeSync(fd);
    }
  };
  for (const p of parts) {
    for (const [id, segs] of p.runs.runs) {
      const prior = seen.get(id);
      if (!prior) {
        seen.set(id, { dir: p.dir, line: '' });
        continue;
      }
      if (!prior.line) prior.line = lineOf(parts.find((q) => q.dir === prior.dir)!.runs.runs.get(id)![0]);
      if (lineOf(segs[0]) !== prior.line) throw new UserError(`run ${id} differs between ${prior.dir} and ${p.dir}; were they made with different versions?`);
    }
  }
  const total = first.record.runs as number;
  const missing: number[] = [];
  for (let id = 0; id < total; id++) if (!seen.has(id)) missing.push(id);
  if (missing.length) {
    const held = parts.map((p) => `${p.dir}${p.record.shard ? ` (shard ${p.record.shard.index}/${p.record.shard.count})` : ''}: ${p.runs.runs.size} runs`);
    const count = parts.find((p) => p.record.shard)?.record.shard.count as number | undefined;
    const absent = count ? Array.from({ length: count }, (_, i) => i + 1).filter((k) => !parts.some((p) => p.record.shard?.index === k)) : [];
    throw new UserError(
      `the folders hold ${seen.size} of ${total} runs; ${missing.length} missing (run ids ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})` +
      `${absent.length ? `; no folder for shard${absent.length > 1 ? 's' : ''} ${absent.map((k) => `${k}/${count}`).join(', ')}` : ''}.\n` +
      `  ${held.join('\n  ')}\nFinish the missing shards (crsim sweep … --shard K/N --resume) and merge again.`,
    );
  }
  mkdirSync(out, { recursive: true });
  const record: Record<string, any> = { ...first.record, shard: null };
  writeFileSync(join(out, FILES.experiment), JSON.stringify(record, null, 2) + '\n');
  writeSortedTables(
    out,
    record as ExperimentRecord,
    { header: first.runs.header, sources: sourcesOf(parts.map((p) => p.runs)) },
    // A run's series come from a folder where that run finished (has its runs.csv row), never
    // from lines a crashed attempt left behind.
    { header: first.series.header, sources: sourcesOf(parts.map((p) => ({ ...p.series, runs: new Map([...p.series.runs].filter(([id]) => p.runs.runs.has(id))) }))) },
  );
  // The merged folder, read back from disk, must hold every run once with its whole series.
  const merged = checkSweepTables(out, { daysOf: (id) => daysOfRecordRun(record, id, join(out, FILES.experiment)), advice: 'the merged folder was changed while merging; merge again' });
  if (merged.size !== total) throw new UserError(`${join(out, FILES.runs)} holds ${merged.size} runs after merging, not ${total}; was it written by another process? Merge again.`);
  return { runs: seen.size };
}
