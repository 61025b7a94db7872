import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
