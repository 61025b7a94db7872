/**
 * Checks of result files before they are trusted: `--resume`, `crsim merge` and `crsim report`
 * refuse a folder whose finished runs are not each present once with a complete daily series
 * (a truncated timeseries.csv, a deleted one, a duplicated runs.csv row), naming the file and the
 * run, instead of carrying the damage into merged or finalised tables. JSON files are read with
 * errors that name the file.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../user-error.js';

/** Reads and parses a JSON file; any failure names the file and what is wrong. */
export function readJsonFile(file: string, what = 'JSON file'): any {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message}`);
  }
  if (text.trim() === '') throw new UserError(`${file}: empty, expected a ${what}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not a valid ${what} (${(e as Error).message}); was it truncated or edited?`);
  }
}

/**
 * Calls `onLine(line, lineNumber)` for every complete line of a file, streaming (the file may be
 * larger than memory); returns whether the file ends in an incomplete line (a cut-off write).
 */
export function forEachLine(file: string, onLine: (line: string, lineNumber: number) => void, chunkSize = 8 << 20): { partialTail: boolean } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(chunkSize);
    let carry = Buffer.alloc(0);
    let lineNumber = 0;
    for (let pos = 0; ; ) {
      const n = readSync(fd, buf, 0, chunkSize, pos);
      if (n === 0) break;
      pos += n;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        onLine(data.toString('utf8', start, nl), ++lineNumber);
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    return { partialTail: carry.length > 0 };
  } finally {
    closeSync(fd);
  }
}

const leadingId = (line: string) => {
  const comma = line.indexOf(',');
  const text = comma < 0 ? line : line.slice(0, comma);
  return /^\d+$/.test(text) ? Number(text) : NaN;
};

/** Per run id of runs.csv: the line numbers holding it. Lines that do not start with a run id are refused. */
export function runLines(file: string): { header: string; lines: Map<number, number[]> } {
  const lines = new Map<number, number[]>();
  let header = '';
  forEachLine(file, (line, n) => {
    if (n === 1) {
      header = line;
      return;
    }
    const id = leadingId(line);
    if (Number.isNaN(id)) throw new UserError(`${file}:${n}: not a run row (expected a run_id first): ${JSON.stringify(line.slice(0, 80))}`);
    const list = lines.get(id);
    if (list) list.push(n);
    else lines.set(id, [n]);
  });
  return { header, lines };
}

export interface SeriesShape {
  /** Rows of the run. */
  rows: number;
  /** The rows lie together and their `day` column counts 0, 1, 2, … */
  ordered: boolean;
  firstLine: number;
}

/** The shape of each run's daily series in a sweep timeseries.csv (columns run_id, date, day, …). */
export function seriesShapes(file: string): Map<number, SeriesShape> {
  const shapes = new Map<number, SeriesShape>();
  let dayColumn = 2;
  let previousId = NaN;
  forEachLine(file, (line, n) => {
    if (n === 1) {
      const at = line.split(',').indexOf('day');
      if (at < 0) throw new UserError(`${file}:1: not a crsim time series (no day column in the header)`);
      dayColumn = at;
      return;
    }
    const id = leadingId(line);
    if (Number.isNaN(id)) throw new UserError(`${file}:${n}: not a time-series row (expected a run_id first): ${JSON.stringify(line.slice(0, 80))}`);
    const day = Number(line.split(',', dayColumn + 1)[dayColumn]);
    let shape = shapes.get(id);
    if (!shape) shapes.set(id, (shape = { rows: 0, ordered: true, firstLine: n }));
    else if (id !== previousId) shape.ordered = false; // a second block of the same run
    if (day !== shape.rows) shape.ordered = false;
    shape.rows++;
    previousId = id;
  });
  return shapes;
}

export interface SweepCheckOptions {
  /** Days each run's series must have. */
  daysOf: (runId: number) => number;
  /** What to tell the user to do about a damaged run. */
  advice?: string;
}

const DEFAULT_ADVICE = "delete that run's line from runs.csv and resume (crsim sweep … --resume) to run it again";

/**
 * Checks a sweep folder's tables: every run in runs.csv once, and each such run's series in
 * timeseries.csv complete (the right number of days, in order, in one block). Series lines of runs
 * without a runs.csv row (a run cut off before its row was written) are allowed: resuming drops
 * them. Returns the finished run ids; throws a UserError naming the file and run otherwise.
 */
export function checkSweepTables(dir: string, opts: SweepCheckOptions): Set<number> {
  const runsFile = join(dir, 'runs.csv');
  const seriesFile = join(dir, 'timeseries.csv');
  if (!existsSync(runsFile)) return new Set();
  const advice = opts.advice ?? DEFAULT_ADVICE;
  const { lines } = runLines(runsFile);
  for (const [id, at] of lines) {
    if (at.length > 1) throw new UserError(`${runsFile}: run ${id} appears ${at.length} times (lines ${at.join(', ')}); a run must appear once. Delete the extra lines (they should be identical) and try again.`);
  }
  if (lines.size > 0 && !existsSync(seriesFile)) {
    throw new UserError(`${seriesFile} is missing but ${runsFile} holds ${lines.size} finished runs; their daily series are lost. Delete runs.csv to start the sweep again, or restore timeseries.csv.`);
  }
  if (lines.size === 0) return new Set();
  const shapes = seriesShapes(seriesFile);
  for (const id of [...lines.keys()].sort((a, b) => a - b)) {
    const shape = shapes.get(id);
    const days = opts.daysOf(id);
    if (!shape) throw new UserError(`${seriesFile}: run ${id} is finished (${runsFile} line ${lines.get(id)![0]}) but has no daily series; ${advice}`);
    if (shape.rows !== days || !shape.ordered) {
      const what = shape.rows < days ? `has ${shape.rows} of its ${days} days (the file was cut off or edited)` : shape.rows > days ? `has ${shape.rows} rows for ${days} days (written twice?)` : 'has its days out of order or split in two';
      throw new UserError(`${seriesFile}: run ${id} ${what}, from line ${shape.firstLine}; ${advice}`);
    }
  }
  return new Set(lines.keys());
}
