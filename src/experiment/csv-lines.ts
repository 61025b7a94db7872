/** Minimal CSV helpers for the sweep journal: rows in, lines out, and back (RFC 4180 quoting). */
export type Cell = string | number | boolean | null | undefined;

/** One cell: numbers as JavaScript prints them (shortest exact form), strings quoted when needed. */
export function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * One CSV line per row, each ending in "\n"; NaN, null and undefined become empty cells.
 * Hand-written rather than csv-stringify because the sweep's main thread formats every day of
 * every run, and this keeps it off the critical path of the worker threads.
 */
export function csvLines(rows: Cell[][]): string {
  let out = '';
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) out += (j ? ',' : '') + cell(row[j]);
    out += '\n';
  }
  return out;
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
