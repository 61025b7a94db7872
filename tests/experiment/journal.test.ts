import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, parseCsvLine } from '../../src/experiment/csv-lines.js';
import { indexJournal, writeJournal } from '../../src/experiment/journal.js';
import { tempDir } from './helpers.js';

describe('sweep journals', () => {
  it.each([3, 7, 64, 1 << 20])('indexes runs by byte range across read chunks of %i bytes, ignoring a torn last line', (chunk) => {
    const file = join(tempDir(), 'j.csv');
    writeFileSync(file, 'run_id,x\n2,a\n2,b\n10,c\n0,d\n2,e\n7,torn');
    const index = indexJournal(file, chunk);
    expect(index.header).toBe('run_id,x');
    expect([...index.runs.keys()]).toEqual([2, 10, 0]);
    expect(index.runs.get(2)!.length).toBe(2); // written twice, not contiguous
    const out = join(tempDir(), 'sorted.csv');
    const seen: string[][] = [];
    writeJournal(out, index.header, [0, 2, 10], (id) => index.runs.get(id)!, (lines) => seen.push(lines));
    expect(readFileSync(out, 'utf8')).toBe('run_id,x\n0,d\n2,a\n2,b\n2,e\n10,c\n');
    expect(seen).toEqual([['0,d'], ['2,a', '2,b'], ['2,e'], ['10,c']]);
  });

  it('quotes what needs quoting and reads it back', () => {
    const row = [1, 'a,b', 'say "hi"', true, null, Number.NaN, 0.1 + 0.2, ''];
    const line = csvLines([row]);
    expect(line).toBe('1,"a,b","say ""hi""",true,,,0.30000000000000004,\n');
    expect(parseCsvLine(line.trimEnd())).toEqual(['1', 'a,b', 'say "hi"', 'true', '', '', '0.30000000000000004', '']);
  });

  it("writes a run's time series as csv-stringify did (timeseries.csv's bytes)", () => {
    // The cells a time-series row holds: dates, phases, numbers of every kind, '' where NaN.
    const rows = [
      ['date', 'day', 'phase', 'q', 'meanPricePaid'],
      ['2020-01-10', 0, 'normal', 1, ''],
      ['2020-01-11', 1, 'crisis', -0, 0.1 + 0.2],
      ['2020-01-12', 2, 'closed management', 1e21, 5e-324],
      ['2020-01-13', 3, 'recovery', -123.456, 1 / 3],
    ];
    expect(csvLines(rows)).toBe(stringify(rows));
  });
});
