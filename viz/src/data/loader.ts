/**
 * The one way files get into the page. Whatever the user picks — a run folder, a sweep folder,
 * a runs.csv, a timeseries.csv, a scenario in YAML or JSON, a manifest — is recognised by its
 * content (not by which button was used) and either becomes something the page can show, or is
 * refused with a message key the page translates. Nothing half-read gets through: a file that
 * is refused leaves the page as it was.
 *
 * Pure (bytes in, result out), so every case is unit-tested without a browser.
 */
import { csvParseRows } from 'd3';
import { ScenarioError, formatProblem } from '../../../src/scenario/errors.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import type { MessageKey } from '../i18n.js';
import type { RunData } from './run-data.js';
import { readerOver } from './scenarios.js';
import { factorColumns, measureColumns, parseRunsCsv, type SweepTable } from './sweep.js';
import { recoveryThresholdOf, runFromFolder } from './timeseries-csv.js';

export interface PickedFile {
  name: string;
  /** `webkitRelativePath` when a folder was picked: `folder/file`. */
  path?: string;
  bytes: Uint8Array;
}

/** A refusal: a message key (with `{file}` filled in by the page) and, for scenarios, the parser's lines. */
export interface LoadProblem {
  key: MessageKey;
  file?: string;
  details?: string[];
}

export type Opened =
  | { kind: 'run'; run: RunData; recoveryThreshold: number }
  | { kind: 'sweep'; table: SweepTable; name: string }
  /** A valid scenario: its text (for the menus and the worker) and what the parser made of it. */
  | { kind: 'scenario'; name: string; text: string; scenario: Scenario }
  | { kind: 'refused'; problems: LoadProblem[] };

const refuse = (key: MessageKey, file?: string, details?: string[]): Opened => ({ kind: 'refused', problems: [{ key, file, details }] });

/**
 * The text of a file, or null if it is not UTF-8 text: a NUL byte or an invalid UTF-8 sequence
 * (a picture, a Parquet file, a zip) means it is not something to show as text.
 */
export function textOf(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

type CsvKind = 'timeseries' | 'sweepSeries' | 'runs' | 'unknown';

/** What a CSV table is, from its header: `crsim run` writes date first; `crsim sweep` writes run_id first. */
export function csvKind(text: string): CsvKind {
  const header = csvParseRows(text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')))[0] ?? [];
  const has = (c: string) => header.includes(c);
  // A sweep's timeseries.csv holds every run one after the other, told apart by run_id: drawn as
  // one run it becomes one long curve that means nothing.
  if (has('run_id') && has('date')) return 'sweepSeries';
  if (has('date')) return 'timeseries';
  if (has('run_id') || (has('point') && has('seed'))) return 'runs';
  return 'unknown';
}

type JsonKind = 'manifest' | 'summary' | 'experiment' | 'other';

function jsonKind(value: unknown, name: string): JsonKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'other';
  const o = value as Record<string, unknown>;
  if ('phases' in o && 'metrics' in o && 'scenario' in o) return 'manifest';
  if ('resilience' in o && 'groups' in o) return 'summary';
  if ('masterSeed' in o && 'spec' in o) return 'experiment';
  // A model without the lockdown modules (N street, the Dalian grid) has no resilience measures:
  // its summary.json is known by its name and its shape, one object per module's measures.
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (name.toLowerCase().replace(/^.*\//, '') === 'summary.json' && Object.keys(o).length > 0 && Object.values(o).every(isObject)) return 'summary';
  return 'other';
}

const extension = (name: string) => name.toLowerCase().replace(/^.*\./, '');

/** A run table whose metric cells are not all numbers or blank is refused, not drawn as gaps. */
function badCell(text: string): string | null {
  const rows = csvParseRows(text);
  const header = rows[0] ?? [];
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].length === 1 && rows[r][0] === '') continue;
    if (rows[r].length !== header.length) return `${r + 1}`;
    for (let c = 0; c < header.length; c++) {
      if (['date', 'day', 'phase'].includes(header[c])) continue;
      const v = rows[r][c];
      if (v !== '' && !Number.isFinite(Number(v))) return `${r + 1}`;
    }
  }
  return null;
}

function openRun(series: { name: string; text: string }, summary?: { name: string; text: string }, manifest?: { name: string; text: string }, label?: string): Opened {
  for (const part of [summary, manifest]) {
    if (!part) continue;
    try {
      JSON.parse(part.text);
    } catch {
      return refuse('loadBadJson', part.name);
    }
  }
  const rows = csvParseRows(series.text).filter((r) => r.length > 1 || r[0] !== '');
  if (rows.length < 2) return refuse('loadNoRows', series.name);
  const line = badCell(series.text);
  if (line) return refuse('loadBadCells', series.name, [line]);
  const run = runFromFolder({ timeseriesCsv: series.text, summaryJson: summary?.text, manifestJson: manifest?.text, label });
  return { kind: 'run', run, recoveryThreshold: recoveryThresholdOf(manifest?.text) };
}

function openSweep(file: { name: string; text: string }): Opened {
  let table: SweepTable;
  try {
    table = parseRunsCsv(file.text);
  } catch {
    return refuse('loadNoRows', file.name);
  }
  if (factorColumns(table).length === 0) return refuse('loadSweepNoFactor', file.name);
  if (measureColumns(table).length === 0) return refuse('loadSweepNoMeasure', file.name);
  return { kind: 'sweep', table, name: file.name };
}

function openScenario(name: string, text: string, known: Record<string, string>): Opened {
  try {
    return { kind: 'scenario', name, text, scenario: parseScenario(text, name, readerOver({ ...known, [name]: text })).scenario };
  } catch (e) {
    const details = e instanceof ScenarioError ? e.problems.map(formatProblem) : [`${name}: ${(e as Error).message}`];
    return refuse('invalidScenarioFile', name, details);
  }
}

/**
 * Recognises what was picked and opens it. `known` are the scenario texts a file may `extends:`
 * (the shipped ones and those opened before).
 */
export function openPicked(files: PickedFile[], known: Record<string, string>): Opened {
  if (files.length === 0) return refuse('loadNothing');
  const folder = files.find((f) => f.path?.includes('/'))?.path?.split('/').slice(-2, -1)[0];
  // Decode everything first: one binary file among the picked ones is named, not skipped silently
  // (in a folder, files the page never reads — Parquet copies, logs — are simply ignored).
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    const text = textOf(f.bytes);
    if (text === null) {
      if (folder && !['csv', 'json', 'yaml', 'yml'].includes(extension(f.name))) continue;
      return refuse('loadBinary', f.name);
    }
    texts.push({ name: f.name, text });
  }
  const csvs = texts.filter((f) => extension(f.name) === 'csv').map((f) => ({ ...f, kind: csvKind(f.text) }));
  const jsons: { name: string; text: string; kind: JsonKind; value: unknown }[] = [];
  for (const f of texts.filter((x) => extension(x.name) === 'json')) {
    let value: unknown;
    try {
      value = JSON.parse(f.text);
    } catch {
      // The parser's own message ("Unexpected token } in JSON at position 812") helps nobody here.
      return refuse('loadBadJson', f.name);
    }
    jsons.push({ ...f, kind: jsonKind(value, f.name), value });
  }

  // A sweep (its folder, or its runs.csv) wins: its timeseries.csv is only the runs' detail.
  const runs = csvs.find((c) => c.kind === 'runs');
  if (runs) return openSweep(runs);
  const series = csvs.find((c) => c.kind === 'timeseries');
  if (series) {
    const summary = jsons.find((j) => j.kind === 'summary');
    const manifest = jsons.find((j) => j.kind === 'manifest');
    return openRun(series, summary, manifest, folder);
  }
  const sweepSeries = csvs.find((c) => c.kind === 'sweepSeries');
  if (sweepSeries) return refuse('loadSweepSeries', sweepSeries.name);
  if (jsons.some((j) => j.kind === 'experiment')) return refuse('loadSweepNoRuns', jsons.find((j) => j.kind === 'experiment')!.name);
  const part = jsons.find((j) => j.kind === 'manifest' || j.kind === 'summary');
  if (part) return refuse('loadPartOnly', part.name);
  const unknownCsv = csvs.find((c) => c.kind === 'unknown');
  if (unknownCsv) return refuse('loadUnknownCsv', unknownCsv.name);
  if (folder) return refuse('loadUnknownFolder', folder);
  if (files.length > 1) return refuse('loadOneScenario');
  const only = texts[0];
  if (['yaml', 'yml', 'json'].includes(extension(only.name))) return openScenario(only.name, only.text, known);
  return refuse('loadUnknownFile', only.name);
}
