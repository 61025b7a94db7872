import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { csvLines } from '../../src/experiment/csv-lines.js';
import { seriesLines, seriesRows, SweepFolder } from '../../src/experiment/sweep-files.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { sweepToFolder } from '../../src/experiment/sweep.js';
import { columnSource, parquetSchema, tableMetadata, timeseriesPlan, TimeseriesParquet, type ExperimentRecord } from '../../src/experiment/parquet-tables.js';
import type { ResolvedExperiment } from '../../src/experiment/load.js';
import type { RunOutcome } from '../../src/experiment/task.js';
import { expectSameFolders, tempDir, writeExperiment } from './helpers.js';

// The sweep's output fast paths (issue 16) must write the very bytes of the reference paths
// they replaced: csvLines over row arrays, and columnSource over split lines.

const awkward = [0, -0, 0.1 + 0.2, Number.NaN, 1e21, 5e-324, -1.5, Infinity, 123456789012, Number.NaN];

function outcome(runId: number, days: number): RunOutcome {
  const dates = Array.from({ length: days }, (_, d) => new Date(Date.UTC(2022, 2, 28 + d)).toISOString().slice(0, 10));
  const phases = dates.map((_, d) => (d < 2 ? 'normal' : 'lockdown'));
  const a = Float64Array.from(dates, (_, d) => awkward[(d + runId) % awkward.length]);
  // Mostly distinct values (so not dictionary-encoded, where -0 and 0 are one key), with a -0 first.
  const b = Float64Array.from(dates, (_, d) => (d % 3 === 0 ? Number.NaN : d === 1 ? -0 : (d + 100 * runId) / 7));
  return { runId, point: 0, replicate: runId, runSeed: `1/${runId}`, measures: {}, dates, phases, series: { a, b } };
}

const exp = { metrics: ['a', 'b'] } as unknown as ResolvedExperiment;

describe('sweep output fast paths', () => {
  it('formats a run\'s series as csvLines formats its rows (NaN empty, -0, exponents, Infinity)', () => {
    for (const id of [0, 3, 17]) {
      const o = outcome(id, 23);
      expect(seriesLines(exp, o)).toBe(csvLines(seriesRows(exp, o)));
    }
  });

  it('builds timeseries.parquet from lines as the reference columnSource path does, across row groups', () => {
    const record = { name: 't', fingerprint: 'f', packageVersion: '0', masterSeed: 1, seedRule: 'r', points: [], spec: { outputs: { formats: ['parquet'] } }, baseScenario: {} } as unknown as ExperimentRecord;
    const header = ['run_id', 'date', 'day', 'phase', 'a', 'b'];
    const runs = [0, 1, 2, 3, 4].map((id) => seriesLines(exp, outcome(id, 40)).split('\n').filter(Boolean));
    // A short line (missing cells read as empty) and a long one (extra cells ignored).
    runs[4].push('4,2022-05-07,40,lockdown,1', '4,2022-05-08,41,lockdown,2,3,4');
    const groups = [[runs[0], runs[1]], [runs[2], runs[3], runs[4]]];
    const plan = timeseriesPlan(header, record);
    const reference = (lines: string[]) => plan.map((c, j) => columnSource(c, lines.map((l) => l.split(',')[j] ?? '')));
    const expected = parquetWriteBuffer({ columnData: reference(groups[0].flat()), schema: parquetSchema(plan), kvMetadata: tableMetadata(record, 'timeseries', plan), createdBy: 'x' });
    const file = join(tempDir(), 'ts.parquet');
    const original = TimeseriesParquet.ROW_GROUP;
    try {
      (TimeseriesParquet as unknown as { ROW_GROUP: number }).ROW_GROUP = 80; // two runs of 40 days fill a group
      const writer = new TimeseriesParquet(file, record, header, 'x');
      for (const lines of groups[0]) writer.add(lines);
      writer.finish();
    } finally {
      (TimeseriesParquet as unknown as { ROW_GROUP: number }).ROW_GROUP = original;
    }
    expect(Buffer.from(readFileSync(file))).toEqual(Buffer.from(expected));
    // Second group: a short and a long line, and a row group flushed at finish.
    const file2 = join(tempDir(), 'ts2.parquet');
    const writer2 = new TimeseriesParquet(file2, record, header, 'x');
    for (const lines of groups[1]) writer2.add(lines);
    writer2.finish();
    const expected2 = parquetWriteBuffer({ columnData: reference(groups[1].flat()), schema: parquetSchema(plan), kvMetadata: tableMetadata(record, 'timeseries', plan), createdBy: 'x' });
    expect(Buffer.from(readFileSync(file2))).toEqual(Buffer.from(expected2));
  });

  it('still names the column and the cell of a bad value', () => {
    const record = { name: 't', fingerprint: 'f', packageVersion: '0', masterSeed: 1, seedRule: 'r', points: [], spec: { outputs: { formats: ['parquet'] } }, baseScenario: {} } as unknown as ExperimentRecord;
    const writer = new TimeseriesParquet(join(tempDir(), 'bad.parquet'), record, ['run_id', 'date', 'day', 'phase', 'a'], 'x');
    expect(() => writer.add(['0,2022-02-30,0,normal,1'])).toThrow(/column date: expected a date YYYY-MM-DD, found "2022-02-30"/);
    expect(() => writer.add(['0,2022-03-01,0,normal,x'])).toThrow(/column a: expected a number, found "x"/);
  });

  it('writes a held run (its values) into timeseries.parquet as its CSV lines give it: NaN null, -0 zero, Infinity', () => {
    const record = { name: 't', fingerprint: 'f', packageVersion: '0', masterSeed: 1, seedRule: 'r', points: [], spec: { outputs: { formats: ['parquet'] } }, baseScenario: {} } as unknown as ExperimentRecord;
    const header = ['run_id', 'date', 'day', 'phase', 'a', 'b'];
    const runs = [0, 1, 2, 7].map((id) => outcome(id, 31));
    const fromLines = join(tempDir(), 'lines.parquet');
    const fromValues = join(tempDir(), 'values.parquet');
    const a = new TimeseriesParquet(fromLines, record, header, 'x');
    const b = new TimeseriesParquet(fromValues, record, header, 'x');
    runs.forEach((run, i) => {
      a.add(seriesLines(exp, run).split('\n').filter(Boolean));
      expect(b.accepts(run)).toBe(true);
      if (i === 2) b.add(seriesLines(exp, run).split('\n').filter(Boolean)); // mixed, as after a resume
      else b.addRun(run);
    });
    a.finish();
    b.finish();
    expect(Buffer.from(readFileSync(fromValues))).toEqual(Buffer.from(readFileSync(fromLines)));
    // A run without one of the table's metrics is read from its lines instead.
    const { b: _, ...partial } = runs[0].series;
    expect(new TimeseriesParquet(join(tempDir(), 'p.parquet'), record, header, 'x').accepts({ ...runs[0], series: partial })).toBe(false);
  });

  it('a sweep folder is the same whether its runs are held in memory, read back from CSV, or some of each', async () => {
    const file = writeExperiment(`factors:
  packages.vegetable.subsidy: [0, 12]
replicates: 3
seed: 5
`);
    const exp = loadExperiment(file);
    const original = SweepFolder.HOLD_BYTES;
    const dirs: string[] = [];
    try {
      for (const budget of [original, 0, 2 * 100 * (8 * exp.metrics.length + 16)]) {
        SweepFolder.HOLD_BYTES = budget;
        const dir = join(tempDir(), 'sweep');
        await sweepToFolder(exp, dir, { workers: 0 });
        dirs.push(dir);
      }
    } finally {
      SweepFolder.HOLD_BYTES = original;
    }
    expectSameFolders(dirs[0], dirs[1], expect);
    expectSameFolders(dirs[0], dirs[2], expect);
  });
});
