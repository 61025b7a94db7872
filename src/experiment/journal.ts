/**
 * The sweep tables as journals: append-only CSV files whose lines start with a run id, where each
 * run's lines are written by one call and so lie together. Resuming, sorting and merging work on
 * byte ranges per run, streaming through the files, so a sweep whose time series is larger than
 * memory (or than the longest string V8 allows) can still be resumed, finalised and merged.
 */
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';

/** A byte range of a file holding complete lines (end exclusive, the last "\n" included). */
export interface Segment {
  file: string;
  start: number;
  end: number;
}

export interface JournalIndex {
  header: string;
  /** Run id → its lines' byte ranges, in file order (one range unless the run was written twice). */
  runs: Map<number, Segment[]>;
}

const CHUNK = 8 << 20;

/** Indexes the complete lines of a journal by run id; a final line without "\n" is ignored. */
export function indexJournal(file: string, chunkSize = CHUNK): JournalIndex {
  const fd = openSync(file, 'r');
  const runs = new Map<number, Segment[]>();
  let header: string | undefined;
  try {
    const buf = Buffer.alloc(chunkSize);
    let carry = Buffer.alloc(0);
    let carryStart = 0; // file offset of carry[0]
    let current: Segment | undefined;
    let currentId = NaN;
    for (let pos = 0; ; ) {
      const n = readSync(fd, buf, 0, chunkSize, pos);
      if (n === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      const base = carry.length ? carryStart : pos;
      pos += n;
      let lineStart = 0;
      for (let nl = data.indexOf(10, lineStart); nl >= 0; nl = data.indexOf(10, lineStart)) {
        if (header === undefined) {
          header = data.toString('utf8', lineStart, nl);
        } else {
          let id = 0;
          for (let i = lineStart; i < nl && data[i] !== 44; i++) id = id * 10 + (data[i] - 48);
          const start = base + lineStart;
          const end = base + nl + 1;
          if (current && id === currentId && current.end === start) {
            current.end = end;
          } else {
            current = { file, start, end };
            currentId = id;
            const list = runs.get(id);
            if (list) list.push(current);
            else runs.set(id, [current]);
          }
        }
        lineStart = nl + 1;
      }
      carry = Buffer.from(data.subarray(lineStart));
      carryStart = base + lineStart;
    }
  } finally {
    closeSync(fd);
  }
  return { header: header ?? '', runs };
}

/**
 * Writes `header` and then the segments of each run in the order of `ids` to `out` (through a
 * temporary file and a rename, so `out` may be one of the sources). `onLines` sees each run's
 * lines as they are copied (for the Parquet copy, parquet-tables.ts), with the run's id;
 * `linesWanted(id)` false spares decoding the lines of a run whose values the caller holds.
 */
export function writeJournal(out: string, header: string, ids: readonly number[], segmentsOf: (id: number) => Segment[], onLines?: (lines: string[], id: number) => void, linesWanted: (id: number) => boolean = () => true): void {
  const tmp = `${out}.tmp`;
  const outFd = openSync(tmp, 'w');
  const fds = new Map<string, number>();
  try {
    writeSync(outFd, `${header}\n`);
    for (const id of ids) {
      for (const seg of segmentsOf(id)) {
        let fd = fds.get(seg.file);
        if (fd === undefined) fds.set(seg.file, (fd = openSync(seg.file, 'r')));
        const bytes = Buffer.alloc(seg.end - seg.start);
        readSync(fd, bytes, 0, bytes.length, seg.start);
        writeSync(outFd, bytes);
        if (onLines) {
          const lines = linesWanted(id) ? bytes.toString('utf8').split('\n') : [''];
          lines.pop();
          onLines(lines, id);
        }
      }
    }
  } finally {
    closeSync(outFd);
    for (const fd of fds.values()) closeSync(fd);
  }
  renameSync(tmp, out);
}
