/**
 * The sweep tables as Parquet that a researcher can open without glue: every column has the
 * type it means (DATE for dates, integers only where an integer is guaranteed, dictionary-
 * encoded categories), and each file says what it belongs to in its key-value metadata
 * (experiment, fingerprint, package version, a digest of the base scenario, every column's unit
 * and description).
 *
 * Types are decided from what experiment.json declares (the design points, the scenario
 * schema, the kind of each column), never guessed from the cells, so a sweep whose subsidy
 * happens to be whole yuan still gets a DOUBLE subsidy column and its merge gets the same one.
 * The metadata holds nothing that varies between machines or attempts (no paths, no Node
 * version, no timestamps), so the files stay byte-identical for the same scenario and seed.
 */
import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import { fileWriter, parquetWriteBuffer, ParquetWriter, type ColumnSource, type KeyValue, type SchemaElement } from 'hyparquet-writer';
import type { Metric } from '../engine/index.js';
import { assembleScenario } from '../model/index.js';
import type { Scenario } from '../scenario/schema.js';
import { PHASES } from '../modules/lockdown/index.js';
import { schemaAt } from '../scenario/schema-walk.js';
import { flatten } from './measures.js';

/**
 * How a column is stored. `category` is text with few distinct values (phase, a factor's
 * levels), always dictionary-encoded; `text` lets the writer decide (seeds are mostly unique).
 */
export type ColumnKind = 'int32' | 'int64' | 'double' | 'boolean' | 'date' | 'category' | 'text';

export interface ColumnPlan {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  unit: string | null;
  description: string;
}

/** The parts of experiment.json (see experimentRecord) that decide types and metadata. */
export interface ExperimentRecord {
  name: string;
  fingerprint: string;
  packageVersion: string;
  masterSeed: number;
  seedRule: string;
  points: { point: number; parameters: Record<string, unknown> }[];
  spec: { outputs: { formats: readonly string[] }; latinHypercube?: { factors: Record<string, { integer?: boolean }> } };
  baseScenario: unknown;
}

/** Summary measures whose values are dates (YYYY-MM-DD); every other kept measure is a number or null. */
export const DATE_MEASURES: ReadonlySet<string> = new Set(['resilience.shockDate']);

const MEASURE_NOTE = 'summary measure of the run (definition and unit: docs/metrics.md)';

const id = (name: string, description: string): ColumnPlan => ({ name, kind: 'int32', nullable: false, unit: null, description });

const RUN_ID = id('run_id', 'run number: point × replicates + replicate; joins runs and timeseries');

/** Unit and meaning of a scenario parameter, from the schema's metadata. */
function parameterInfo(path: string): { unit: string | null; description: string } {
  const metaAt = (keys: string[]) => {
    const found = schemaAt(keys);
    return found.found ? (found.schema.meta() as { unit?: string; description?: string } | undefined) : undefined;
  };
  const keys = path.split('.');
  const own = metaAt(keys);
  if (own?.unit) return { unit: own.unit, description: `scenario parameter: ${own.description ?? path}` };
  // A field of a range ({ min, max }) carries only "smallest value"; the unit is the range's.
  const parent = keys.length > 1 ? metaAt(keys.slice(0, -1)) : undefined;
  if (parent?.unit) return { unit: parent.unit, description: `scenario parameter: ${parent.description}: ${own?.description ?? keys.at(-1)}` };
  return { unit: null, description: `scenario parameter: ${own?.description ?? path}` };
}

/** True when the scenario schema only admits whole numbers at this path. */
function schemaSaysInteger(path: string): boolean {
  const found = schemaAt(path.split('.'));
  // zod marks .int(), .int32() and the like with an integer format.
  const format = found.found ? (found.schema as { format?: unknown }).format : undefined;
  return typeof format === 'string' && /int/.test(format);
}

function parameterKind(path: string, values: unknown[], integerFactors: ReadonlySet<string>): ColumnKind {
  // Every point was validated as a scenario, so a schema integer is an integer in every row.
  if (integerFactors.has(path) || schemaSaysInteger(path)) return 'int64';
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'double';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'category';
}

/** Columns of runs.parquet, in the order of the runs.csv header. */
export function runsPlan(record: ExperimentRecord, header: readonly string[]): ColumnPlan[] {
  const values = new Map<string, unknown[]>();
  for (const { parameters } of record.points) {
    for (const [k, v] of Object.entries(flatten(parameters))) values.set(k, [...(values.get(k) ?? []), v]);
  }
  const integerFactors = new Set(Object.entries(record.spec.latinHypercube?.factors ?? {}).filter(([, f]) => f.integer).map(([k]) => k));
  return header.map((name): ColumnPlan => {
    if (name === 'run_id') return RUN_ID;
    if (name === 'point') return id('point', 'design point (experiment.json lists each point\'s parameters)');
    if (name === 'replicate') return id('replicate', 'replicate of the design point');
    if (name === 'seed') return { name, kind: 'text', nullable: false, unit: null, description: `run seed; ${record.seedRule}` };
    const vs = values.get(name);
    if (vs) return { name, kind: parameterKind(name, vs, integerFactors), nullable: true, ...parameterInfo(name) };
    return { name, kind: DATE_MEASURES.has(name) ? 'date' : 'double', nullable: true, unit: null, description: MEASURE_NOTE };
  });
}

/** The daily metrics the base scenario's modules declare (none known for modules of the user's own). */
function metricsOf(record: ExperimentRecord): readonly Metric<unknown>[] {
  try {
    return assembleScenario(record.baseScenario as Scenario).metrics as readonly Metric<unknown>[];
  } catch {
    return [];
  }
}

/** Columns of timeseries.parquet, in the order of the timeseries.csv header. */
export function timeseriesPlan(header: readonly string[], record: ExperimentRecord): ColumnPlan[] {
  const metrics = new Map(metricsOf(record).map((m) => [m.name, m]));
  return header.map((name): ColumnPlan => {
    if (name === 'run_id') return RUN_ID;
    if (name === 'date') return { name, kind: 'date', nullable: false, unit: null, description: 'calendar date of the simulated day' };
    if (name === 'day') return id('day', 'days since the start of the run (0 = calendar.start)');
    if (name === 'phase') return { name, kind: 'category', nullable: false, unit: null, description: 'crisis phase of the day (order: key crsim.phases)' };
    const m = metrics.get(name);
    // An extra metric (workers: 0 only), or one of a module of the user's own: its unit is not recorded here.
    return { name, kind: 'double', nullable: true, unit: m?.unit ?? null, description: m ? `daily metric: ${m.description}` : 'daily metric' };
  });
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** The key-value metadata of one table. */
export function tableMetadata(record: ExperimentRecord, table: 'runs' | 'timeseries', plan: readonly ColumnPlan[]): KeyValue[] {
  const kv: KeyValue[] = [
    { key: 'crsim.table', value: table },
    { key: 'crsim.experiment', value: record.name },
    { key: 'crsim.fingerprint', value: record.fingerprint },
    { key: 'crsim.package', value: `community-resilience ${record.packageVersion}` },
    { key: 'crsim.scenario_sha256', value: createHash('sha256').update(canonicalJson(record.baseScenario)).digest('hex') },
    { key: 'crsim.master_seed', value: String(record.masterSeed) },
    { key: 'crsim.seed_rule', value: record.seedRule },
  ];
  // The model's phase order, so a reader can make phase an ordered factor rather than sort it alphabetically.
  if (table === 'timeseries') kv.push({ key: 'crsim.phases', value: JSON.stringify(Object.values(PHASES)) });
  kv.push({ key: 'crsim.columns', value: JSON.stringify(Object.fromEntries(plan.map((c) => [c.name, { unit: c.unit, description: c.description }]))) });
  return kv;
}

export function parquetSchema(plan: readonly ColumnPlan[]): SchemaElement[] {
  return [{ name: 'root', num_children: plan.length }, ...plan.map(({ name, kind, nullable }): SchemaElement => {
    const repetition_type = nullable ? 'OPTIONAL' : 'REQUIRED';
    switch (kind) {
      case 'int32': return { name, type: 'INT32', repetition_type };
      case 'int64': return { name, type: 'INT64', repetition_type };
      case 'double': return { name, type: 'DOUBLE', repetition_type };
      case 'boolean': return { name, type: 'BOOLEAN', repetition_type };
      case 'date': return { name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type };
      case 'category':
      case 'text': return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
    }
  })];
}

function wholeNumber(cell: string, column: string): number {
  const n = Number(cell);
  if (cell.trim() === '' || !Number.isInteger(n)) throw new Error(`column ${column}: expected a whole number, found "${cell}"`);
  return n;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD → days since 1970-01-01, Parquet's DATE. */
function epochDay(cell: string, column: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== cell) throw new Error(`column ${column}: expected a date YYYY-MM-DD, found "${cell}"`);
  return ms / DAY_MS;
}

/** One cell's value in a column of `plan` (empty cell → null where the column is nullable); a located error for anything else. */
export function cellParser(plan: ColumnPlan): (cell: string) => unknown {
  const { name, kind, nullable } = plan;
  const orNull = <T>(f: (c: string) => T) => (nullable ? (c: string) => (c === '' ? null : f(c)) : f);
  switch (kind) {
    case 'int32': return orNull((c) => wholeNumber(c, name));
    case 'int64': return orNull((c) => BigInt(wholeNumber(c, name)));
    case 'double': return orNull((c) => {
      const n = Number(c);
      if (c.trim() === '' || Number.isNaN(n)) throw new Error(`column ${name}: expected a number, found "${c}"`);
      return n;
    });
    case 'boolean': return orNull((c) => {
      if (c !== 'true' && c !== 'false') throw new Error(`column ${name}: expected true or false, found "${c}"`);
      return c === 'true';
    });
    case 'date': {
      // A sweep repeats each date once per run: convert each distinct text once.
      const days = new Map<string, number>();
      return orNull((c) => {
        let day = days.get(c);
        if (day === undefined) days.set(c, (day = epochDay(c, name)));
        return day;
      });
    }
    case 'category':
    case 'text': return orNull((c) => c);
  }
}

/** A column's ColumnSource from its values (as cellParser gives them). */
function columnOf(plan: ColumnPlan, values: unknown[]): ColumnSource {
  const { name, kind, nullable } = plan;
  // Forced, not left to the writer's size heuristic: readers see a dictionary column whatever the data.
  if (kind === 'category') return { name, data: values, encoding: 'RLE_DICTIONARY' };
  return { name, data: kind === 'int32' && !nullable ? Int32Array.from(values as number[]) : values };
}

/** One column's values from its CSV cells (empty cell → null). */
export function columnSource(plan: ColumnPlan, cells: readonly string[]): ColumnSource {
  return columnOf(plan, cells.map(cellParser(plan)));
}

/** runs.parquet from the sorted runs.csv rows (one line per run is small enough to hold). */
export function runsParquet(record: ExperimentRecord, header: readonly string[], rows: readonly string[][], createdBy: string): Uint8Array {
  const plan = runsPlan(record, header);
  return new Uint8Array(parquetWriteBuffer({
    columnData: plan.map((c, j) => columnSource(c, rows.map((r) => r[j] ?? ''))),
    schema: parquetSchema(plan),
    kvMetadata: tableMetadata(record, 'runs', plan),
    createdBy,
  }));
}

/** A finished run's daily values as the sweep received them (a RunOutcome's fields). */
export interface HeldRun {
  runId: number;
  dates: readonly string[];
  phases: readonly string[];
  series: Readonly<Record<string, Float64Array>>;
}

/**
 * timeseries.parquet, written in row groups as the sorted lines stream past (the series may
 * exceed memory). Each line's cells go straight into the columns, converted as they are read:
 * no array per line, no second pass per column.
 */
export class TimeseriesParquet {
  static readonly ROW_GROUP = 100_000;
  private readonly writer: ParquetWriter;
  private readonly plan: ColumnPlan[];
  private readonly parse: ((cell: string) => unknown)[];
  private columns: unknown[][];
  private rowCount = 0;

  constructor(private readonly file: string, record: ExperimentRecord, header: readonly string[], createdBy: string) {
    this.plan = timeseriesPlan(header, record);
    this.parse = this.plan.map(cellParser);
    this.columns = this.plan.map(() => []);
    this.writer = new ParquetWriter({ writer: fileWriter(`${file}.tmp`), schema: parquetSchema(this.plan), kvMetadata: tableMetadata(record, 'timeseries', this.plan), createdBy });
  }

  add(lines: readonly string[]): void {
    const { parse, columns } = this;
    const k = columns.length;
    // Time-series cells are numbers, dates and phase names: no quoting to undo. A short line's
    // missing cells read as empty, a long line's extra cells are ignored.
    for (const line of lines) {
      let start = 0;
      for (let j = 0; j < k; j++) {
        let cell = '';
        if (start <= line.length) {
          const comma = line.indexOf(',', start);
          const end = comma < 0 ? line.length : comma;
          cell = line.slice(start, end);
          start = comma < 0 ? line.length + 1 : end + 1;
        }
        columns[j].push(parse[j](cell));
      }
    }
    this.rowCount += lines.length;
    if (this.rowCount >= TimeseriesParquet.ROW_GROUP) this.flush();
  }

  /**
   * Whether `addRun` can take a run held in memory: the table is a sweep's own (run_id, date,
   * day, phase, then metrics) and the run has a series for every metric.
   */
  accepts(run: HeldRun): boolean {
    const names = this.plan.map((c) => c.name);
    return names[0] === 'run_id' && names[1] === 'date' && names[2] === 'day' && names[3] === 'phase' &&
      this.plan.slice(4).every((c) => c.kind === 'double' && c.nullable && run.series[c.name] instanceof Float64Array && run.series[c.name].length === run.dates.length);
  }

  /**
   * A finished run's rows from its values, without going through its CSV text: the same values
   * the text gives back, since the text is each number's shortest exact form. NaN is written as
   * an empty cell, so it is null here; -0 is written "0", so it is 0 here.
   */
  addRun(run: HeldRun): void {
    const { parse, columns } = this;
    const [ids, dates, days, phases] = columns;
    const k = columns.length;
    const series = this.plan.map((c) => run.series[c.name]);
    for (let d = 0; d < run.dates.length; d++) {
      ids.push(run.runId);
      dates.push(parse[1](run.dates[d]));
      days.push(d);
      phases.push(parse[3](run.phases[d]));
      for (let j = 4; j < k; j++) {
        const v = series[j][d];
        columns[j].push(v !== v ? null : v === 0 ? 0 : v);
      }
    }
    this.rowCount += run.dates.length;
    if (this.rowCount >= TimeseriesParquet.ROW_GROUP) this.flush();
  }

  private flush(): void {
    if (this.rowCount === 0) return;
    const columns = this.columns;
    const rows = this.rowCount;
    this.columns = this.plan.map(() => []);
    this.rowCount = 0;
    this.writer.write({ columnData: this.plan.map((c, j) => columnOf(c, columns[j])), rowGroupSize: rows });
  }

  finish(): void {
    this.flush();
    this.writer.finish();
    renameSync(`${this.file}.tmp`, this.file);
  }
}
