/**
 * Reading a `crsim run` folder for `crsim report`: the files must be what crsim run wrote, whole.
 * An empty, garbage or cut-off file is refused with a message naming it, rather than rendered
 * as a report with charts that silently stop early.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { forEachLine, readJsonFile } from '../experiment/folder-checks.js';
import { UserError } from '../user-error.js';

export interface RunFolderFiles {
  timeseriesCsv: string;
  manifestJson?: string;
  summaryJson?: string;
  manifest: Record<string, any>;
}

export function readRunFolder(dir: string, label = dir): RunFolderFiles {
  if (!existsSync(dir)) throw new UserError(`${label}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${label}: is a file; name a crsim run folder`);
  const seriesFile = join(dir, 'timeseries.csv');
  if (!existsSync(seriesFile)) throw new UserError(`${seriesFile} not found: is ${label} a crsim run folder?`);
  const manifestFile = join(dir, 'manifest.json');
  const summaryFile = join(dir, 'summary.json');
  const manifest = existsSync(manifestFile) ? readJsonFile(manifestFile, 'run manifest') : {};
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new UserError(`${manifestFile}: not a run manifest (expected a JSON object)`);
  if (existsSync(summaryFile)) {
    const summary = readJsonFile(summaryFile, 'run summary');
    if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) throw new UserError(`${summaryFile}: not a run summary (expected a JSON object)`);
  }
  let columns = 0;
  let dayColumn = -1;
  let rows = 0;
  const { partialTail } = forEachLine(seriesFile, (line, n) => {
    const cells = line.split(',');
    if (n === 1) {
      dayColumn = cells.indexOf('day');
      if (cells[0] !== 'date' || dayColumn < 0) throw new UserError(`${seriesFile}:1: not a crsim run time series (the header should start with date,day,phase)`);
      columns = cells.length;
      return;
    }
    if (cells.length !== columns) throw new UserError(`${seriesFile}:${n}: ${cells.length} values for ${columns} columns; the file is damaged`);
    if (Number(cells[dayColumn]) !== rows || cells[dayColumn] === '') throw new UserError(`${seriesFile}:${n}: day ${JSON.stringify(cells[dayColumn])} where day ${rows} was expected; the file is damaged`);
    rows++;
  });
  if (columns === 0) throw new UserError(`${seriesFile}: empty, expected the daily time series crsim run writes`);
  if (partialTail) throw new UserError(`${seriesFile}: the last line is cut off (no line end); the file was truncated`);
  if (rows === 0) throw new UserError(`${seriesFile}: has a header but no days`);
  const days = manifest.dates?.days;
  if (typeof days === 'number' && days !== rows) throw new UserError(`${seriesFile}: has ${rows} days but ${manifestFile} says the run had ${days}; the file was truncated`);
  return {
    timeseriesCsv: readFileSync(seriesFile, 'utf8'),
    manifestJson: existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : undefined,
    summaryJson: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : undefined,
    manifest,
  };
}
