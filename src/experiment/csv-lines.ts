/** Minimal CSV helpers for the sweep journal: rows in, lines out, and back (RFC 4180 quoting). */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

/** One CSV line per row, each ending in "\n". NaN, null and undefined become empty cells. */
export function csvLines(rows: Cell[][]): string {
  return stringify(rows.map((r) => r.map((v) => (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : v))), {
    cast: { boolean: (v) => String(v) },
  });
}

/** Splits one CSV line into fields, undoing quotes. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; }
        else if (line[i] === '"') { i++; break; }
        else value += line[i++];
      }
      out.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

/** The run id at the start of a journal line (runs.csv and timeseries.csv both begin with it). */
export function runIdOfLine(line: string): number {
  const comma = line.indexOf(',');
  return Number(comma < 0 ? line : line.slice(0, comma));
}
