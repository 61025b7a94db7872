/**
 * Opens every output with a client we did not write (DuckDB, through @duckdb/node-api): a run
 * folder, a sweep folder (CSV and Parquet) and a merge of shards. Checks the types DuckDB sees,
 * row counts and values against the CSV files, the Parquet metadata, and runs the SQL recipes of
 * docs/analysis.md verbatim. Any file DuckDB cannot read fails the test.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvLine } from '../../src/experiment/csv-lines.js';
import { runsPlan, type ExperimentRecord } from '../../src/experiment/parquet-tables.js';
import { meanWithCI } from '../../src/experiment/stats.js';
import { sweepToFolder } from '../../src/experiment/sweep.js';
import { DAILY_METRICS } from '../../src/experiment/measures.js';
import { assembleScenario } from '../../src/model/index.js';
import { Q_COMMUNITY } from '../../src/modules/index.js';

const dailyMetrics = assembleScenario({ modules: [...Q_COMMUNITY] }).metrics;
import { PACKAGE_VERSION } from '../../src/version.js';
import { CLI, ROOT, SCENARIOS, tempDir, writeExperiment } from './helpers.js';

// The factors of examples/sweep-subsidy.yaml (so the documented SQL finds its columns), with
// common random numbers as the paired recipe recommends; a one-compound community keeps it fast.
const EXPERIMENT = `factors:
  packages.vegetable.subsidy: [0, 12]
  partyMembers.perBuilding: [{ min: 1, max: 1 }, { min: 4, max: 4 }]
replicates: 3
seed: 5
commonRandomNumbers: true
keep:
  measures: [resilience, population.residents]
  metrics: [q, deliveriesPending]
`;
const RUNS = 4 * 3;

let db: DuckDBInstance;
let duck: DuckDBConnection;
let sweep: string;
let merged: string;
let runFolder: string;

/** Rows of a query as JSON-safe objects (BIGINT as a string, DATE as YYYY-MM-DD). */
async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function columnTypes(file: string): Promise<Record<string, string>> {
  const rows = await query(`DESCRIBE SELECT * FROM '${file}'`);
  return Object.fromEntries(rows.map((r) => [r.column_name as string, r.column_type as string]));
}

async function kvMetadata(file: string): Promise<Record<string, string>> {
  const rows = await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`);
  return Object.fromEntries(rows.map((r) => [r.k as string, r.v as string]));
}

/** A CSV file as header + rows of cells, parsed by our own reader. */
function csv(file: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  return { header: parseCsvLine(head), rows: lines.map(parseCsvLine) };
}

/** The ```sql blocks of docs/analysis.md, by their `-- recipe: NAME` first line. */
function recipes(): Map<string, string> {
  const doc = readFileSync(join(ROOT, 'docs/analysis.md'), 'utf8');
  const out = new Map<string, string>();
  for (const [, sql] of doc.matchAll(/```sql\n([\s\S]*?)```/g)) {
    const name = /^-- recipe: (\S+)/.exec(sql)?.[1];
    expect(name, `every sql block of docs/analysis.md starts with "-- recipe: NAME":\n${sql}`).toBeDefined();
    out.set(name!, sql);
  }
  return out;
}

/** A recipe with the doc's example folders replaced by this test's. */
function recipe(name: string): string {
  const sql = recipes().get(name);
  expect(sql, `docs/analysis.md has no recipe ${name}`).toBeDefined();
  return sql!.replaceAll('runs/sweep-subsidy/', `${sweep}/`).replaceAll('runs/lockdown-2020-seed2020/', `${runFolder}/`);
}

beforeAll(async () => {
  const file = writeExperiment(EXPERIMENT);
  const base = tempDir();
  sweep = join(base, 'sweep');
  await sweepToFolder(file, sweep, { workers: 0 });
  const shards = [1, 2].map((k) => join(base, `shard-${k}`));
  for (const [i, dir] of shards.entries()) await sweepToFolder(file, dir, { workers: 0, shard: { index: i + 1, count: 2 } });
  merged = join(base, 'merged');
  const merge = spawnSync(process.execPath, [CLI, 'merge', ...shards, '--out', merged], { encoding: 'utf8' });
  expect(merge.stderr).toBe('');
  runFolder = join(base, 'run');
  const run = spawnSync(process.execPath, [CLI, 'run', join(SCENARIOS, 'lockdown-2020.yaml'), '--set', 'community.compounds=1', '--out', runFolder, '--quiet'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  db = await DuckDBInstance.create(':memory:');
  duck = await db.connect();
}, 60_000);

afterAll(() => {
  duck?.closeSync();
  db?.closeSync();
});

describe('sweep outputs in DuckDB', () => {
  const measureColumns = ['resilience.q0', 'resilience.robustness', 'resilience.rapidityDays', 'resilience.lossNeedDays', 'resilience.normalised', 'resilience.shockDay', 'resilience.windowDays'];

  it.each(['sweep', 'merged'])('types the %s Parquet columns: DATE dates, integer ids and integer factors, doubles', async (which) => {
    const dir = which === 'sweep' ? sweep : merged;
    expect(await columnTypes(join(dir, 'timeseries.parquet'))).toEqual({
      run_id: 'INTEGER', date: 'DATE', day: 'INTEGER', phase: 'VARCHAR', q: 'DOUBLE', deliveriesPending: 'DOUBLE',
    });
    expect(await columnTypes(join(dir, 'runs.parquet'))).toEqual({
      run_id: 'INTEGER', point: 'INTEGER', replicate: 'INTEGER', seed: 'VARCHAR',
      'packages.vegetable.subsidy': 'DOUBLE', // a number in ¥, though these values are whole
      'partyMembers.perBuilding.min': 'BIGINT', 'partyMembers.perBuilding.max': 'BIGINT', // the schema says whole numbers
      ...Object.fromEntries(measureColumns.map((m) => [m, 'DOUBLE'])),
      'resilience.shockDate': 'DATE',
      'population.residents': 'DOUBLE',
    });
  });

  it.each(['sweep', 'merged'])('holds in the %s Parquet files exactly the rows of the CSV files', async (which) => {
    const dir = which === 'sweep' ? sweep : merged;
    for (const table of ['runs', 'timeseries']) {
      const rows = csv(join(dir, `${table}.csv`)).rows.length;
      expect(rows).toBe(table === 'runs' ? RUNS : RUNS * 97);
      const [{ n }] = await query(`SELECT count(*) AS n FROM '${dir}/${table}.parquet'`);
      expect(Number(n)).toBe(rows);
      // Every row, every column: DuckDB reads the CSV with its own type detection.
      const [{ differ }] = await query(`SELECT count(*) AS differ FROM (
        (SELECT * FROM '${dir}/${table}.parquet' EXCEPT ALL SELECT * FROM '${dir}/${table}.csv')
        UNION ALL (SELECT * FROM '${dir}/${table}.csv' EXCEPT ALL SELECT * FROM '${dir}/${table}.parquet'))`);
      expect(Number(differ)).toBe(0);
    }
  });

  it('reads the same values as our own CSV parser, null where a cell is empty', async () => {
    const series = csv(join(sweep, 'timeseries.csv'));
    const last = series.rows.at(-1)!;
    const [row] = await query(`SELECT * FROM '${sweep}/timeseries.parquet' ORDER BY run_id DESC, day DESC LIMIT 1`);
    expect(series.header.map((h) => String(row[h]))).toEqual(last);
    const runs = csv(join(sweep, 'runs.csv'));
    const parquetRuns = await query(`SELECT * FROM '${sweep}/runs.parquet' ORDER BY run_id`);
    for (const name of ['seed', 'resilience.lossNeedDays', 'resilience.shockDate', 'resilience.rapidityDays']) {
      const j = runs.header.indexOf(name);
      expect(parquetRuns.map((r) => (r[name] === null ? '' : String(r[name])))).toEqual(runs.rows.map((r) => r[j]));
    }
  });

  it('reads the CSV files with dates as DATE', async () => {
    expect((await columnTypes(join(sweep, 'timeseries.csv'))).date).toBe('DATE');
    expect((await columnTypes(join(sweep, 'runs.csv')))['resilience.shockDate']).toBe('DATE');
  });

  it('stores phase dictionary-encoded', async () => {
    const chunks = await query(`SELECT encodings FROM parquet_metadata('${sweep}/timeseries.parquet') WHERE path_in_schema = 'phase'`);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(String(c.encodings)).toContain('RLE_DICTIONARY');
  });

  it('says in each Parquet file which experiment, version, scenario and units it belongs to', async () => {
    const record = JSON.parse(readFileSync(join(sweep, 'experiment.json'), 'utf8'));
    // An independent canonical form: keys sorted at every level.
    const sorted = (v: unknown): unknown => (Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as any)[k])])) : v);
    const digest = createHash('sha256').update(JSON.stringify(sorted(record.baseScenario))).digest('hex');
    for (const dir of [sweep, merged]) {
      for (const table of ['runs', 'timeseries']) {
        const kv = await kvMetadata(join(dir, `${table}.parquet`));
        expect(kv['crsim.table']).toBe(table);
        expect(kv['crsim.experiment']).toBe('tiny test sweep');
        expect(kv['crsim.fingerprint']).toBe(record.fingerprint);
        expect(kv['crsim.package']).toBe(`community-resilience ${PACKAGE_VERSION}`);
        expect(kv['crsim.scenario_sha256']).toBe(digest);
        expect(kv['crsim.master_seed']).toBe('5');
        const columns = JSON.parse(kv['crsim.columns']);
        expect(Object.keys(columns)).toEqual(csv(join(dir, `${table}.csv`)).header);
      }
    }
    const series = await kvMetadata(join(sweep, 'timeseries.parquet'));
    const columns = JSON.parse(series['crsim.columns']);
    for (const m of ['q', 'deliveriesPending']) {
      const metric = dailyMetrics.find((d) => d.name === m)!;
      expect(columns[m].unit).toBe(metric.unit);
      expect(columns[m].description).toContain(metric.description);
    }
    // Every phase in the data is named, in the order it first happens.
    const phases: string[] = JSON.parse(series['crsim.phases']);
    const seen = (await query(`SELECT phase FROM '${sweep}/timeseries.parquet' WHERE run_id = 0 GROUP BY phase ORDER BY min(day)`)).map((r) => r.phase as string);
    expect(phases.filter((p) => seen.includes(p))).toEqual(seen);
    const runs = JSON.parse((await kvMetadata(join(sweep, 'runs.parquet')))['crsim.columns']);
    expect(runs['packages.vegetable.subsidy'].unit).toBe('yuan (¥)');
    expect(runs['partyMembers.perBuilding.max'].unit).toBe('people'); // the range's unit
  });
});

describe('run folders in DuckDB', () => {
  it('reads timeseries.csv, summary.json and manifest.json', async () => {
    const manifest = JSON.parse(readFileSync(join(runFolder, 'manifest.json'), 'utf8'));
    const summary = JSON.parse(readFileSync(join(runFolder, 'summary.json'), 'utf8'));
    const types = await columnTypes(join(runFolder, 'timeseries.csv'));
    expect([types.date, types.day, types.phase, types.q]).toEqual(['DATE', 'BIGINT', 'VARCHAR', 'DOUBLE']);
    const [series] = await query(`SELECT count(*) AS days, min(date) AS first, max(date) AS last FROM '${runFolder}/timeseries.csv'`);
    expect([Number(series.days), series.first, series.last]).toEqual([manifest.dates.days, manifest.dates.start, manifest.dates.end]);
    const [s] = await query(`SELECT resilience.robustness AS robustness, population.residents AS residents FROM read_json('${runFolder}/summary.json')`);
    expect([s.robustness, Number(s.residents)]).toEqual([summary.resilience.robustness, summary.population.residents]);
    const [m] = await query(`SELECT package.version AS version, len(metrics) AS metrics FROM read_json('${runFolder}/manifest.json')`);
    expect([m.version, Number(m.metrics)]).toEqual([PACKAGE_VERSION, dailyMetrics.length]);
  });
});

describe('the DuckDB recipes of docs/analysis.md', () => {
  it('has the recipes the guide promises, each one runnable', async () => {
    expect([...recipes().keys()].sort()).toEqual(['describe', 'join-parameters', 'metadata', 'paired-difference', 'q-band', 'run-folder']);
    expect((await query(recipe('describe'))).map((r) => r.column_name)).toEqual(csv(join(sweep, 'timeseries.csv')).header);
    expect((await query(recipe('metadata'))).map((r) => r.key)).toContain('crsim.scenario_sha256');
  });

  it('q-band: mean Q(t) and its 10–90 % band over replicates, per point and day', async () => {
    const rows = await query(recipe('q-band'));
    expect(rows).toHaveLength(4 * 97);
    const series = csv(join(sweep, 'timeseries.csv'));
    const [iq, idate, irun] = ['q', 'date', 'run_id'].map((h) => series.header.indexOf(h));
    // Point 3 (run ids 9, 10, 11), on the first day its replicates disagree, so the band has width.
    const qsOn = (date: string) => series.rows.filter((r) => r[idate] === date && [9, 10, 11].includes(Number(r[irun]))).map((r) => Number(r[iq])).sort((a, b) => a - b);
    const date = series.rows.slice(0, 97).map((r) => r[idate]).find((d) => new Set(qsOn(d)).size === 3)!;
    expect(date).toBeDefined();
    const row = rows.find((r) => r.point === 3 && r.date === date)!;
    const qs = qsOn(date);
    const quantile = (p: number) => qs[Math.floor(p * 2)] + (p * 2 - Math.floor(p * 2)) * (qs[Math.ceil(p * 2)] - qs[Math.floor(p * 2)]);
    expect(row.q_mean).toBeCloseTo(qs.reduce((a, b) => a + b) / 3, 12);
    expect(row.q_p10).toBeCloseTo(quantile(0.1), 12);
    expect(row.q_p90).toBeCloseTo(quantile(0.9), 12);
    expect([row.subsidy, row.party_min, row.party_max, row.replicates].map(Number)).toEqual([12, 4, 4, 3]);
  });

  it('paired-difference: B − A with the t interval crsim compare would give', async () => {
    const rows = await query(recipe('paired-difference'));
    expect(rows).toHaveLength(2);
    const runs = csv(join(sweep, 'runs.csv'));
    const col = (name: string) => runs.header.indexOf(name);
    const loss = (subsidy: string, partyMembers: string, replicate: number) => {
      const r = runs.rows.find((x) => x[col('packages.vegetable.subsidy')] === subsidy && x[col('partyMembers.perBuilding.min')] === partyMembers && Number(x[col('replicate')]) === replicate)!;
      return Number(r[col('resilience.lossNeedDays')]);
    };
    for (const row of rows) {
      const subsidy = String(row.subsidy);
      const expected = meanWithCI([0, 1, 2].map((rep) => loss(subsidy, '4', rep) - loss(subsidy, '1', rep)));
      expect(expected.sd).toBeGreaterThan(0); // else the interval would be checked only at width zero
      expect(Number(row.n)).toBe(3);
      expect(row.mean_d).toBeCloseTo(expected.mean, 10);
      // The recipe's t table has three decimals.
      const half = expected.high! - expected.mean;
      expect(Math.abs((row.ci95_high as number) - (row.mean_d as number) - half)).toBeLessThanOrEqual(half * 2e-4 + 1e-12);
      expect((row.mean_d as number) - (row.ci95_low as number)).toBeCloseTo((row.ci95_high as number) - (row.mean_d as number), 12);
    }
  });

  it('join-parameters: mean Q per point and phase, phases in the order they happened', async () => {
    const rows = await query(recipe('join-parameters'));
    const phasesPerRun = new Set(csv(join(sweep, 'timeseries.csv')).rows.filter((r) => r[0] === '0').map((r) => r[3])).size;
    expect(rows).toHaveLength(4 * phasesPerRun);
    for (const r of rows) expect(Number(r.runs)).toBe(3);
    expect([rows[0].point, rows[0].phase, rows[0].subsidy, rows[0].party_min, rows[0].party_max]).toEqual([0, 'normal', 0, '1', '1']);
  });

  it('run-folder: one row per phase of a single run', async () => {
    const rows = await query(recipe('run-folder'));
    const manifest = JSON.parse(readFileSync(join(runFolder, 'manifest.json'), 'utf8'));
    expect(rows.map((r) => [r.phase, r.first_day])).toEqual(manifest.phases.map((p: { name: string; start: string }) => [p.name, p.start]));
    expect(rows.reduce((s, r) => s + Number(r.days), 0)).toBe(manifest.dates.days);
  });
});

describe('Parquet column types', () => {
  const record = (factors: Record<string, unknown[]>, lhs: Record<string, { integer?: boolean }> = {}): ExperimentRecord => ({
    name: 't', fingerprint: 'f', packageVersion: '0', masterSeed: 1, seedRule: 'r', baseScenario: {},
    spec: { outputs: { formats: ['csv', 'parquet'] }, latinHypercube: { factors: lhs } },
    points: Object.values(factors)[0].map((_, point) => ({ point, parameters: Object.fromEntries(Object.entries(factors).map(([k, vs]) => [k, vs[point]])) })),
  });
  const kinds = (r: ExperimentRecord, header: string[]) => Object.fromEntries(runsPlan(r, header).map((c) => [c.name, c.kind]));

  it('makes a factor an integer only when the schema or an integer Latin hypercube says so', () => {
    const r = record({ 'community.compounds': [1, 3], 'population.volunteerShare': [0, 1], 'regimes.later.subsidised': [true, false], 'population.size': [10, 20] }, { 'population.size': { integer: true } });
    expect(kinds(r, ['run_id', 'seed', 'community.compounds', 'population.volunteerShare', 'regimes.later.subsidised', 'population.size', 'resilience.shockDate', 'deliveries.made'])).toEqual({
      run_id: 'int32', seed: 'text', 'community.compounds': 'int64', 'population.volunteerShare': 'double',
      'regimes.later.subsidised': 'boolean', 'population.size': 'int64', 'resilience.shockDate': 'date', 'deliveries.made': 'double',
    });
  });
});
