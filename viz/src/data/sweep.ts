/**
 * A sweep's `runs.csv` (one row per run: parameters, seed, summary measures) as a heatmap: the
 * mean of one measure in each cell of two chosen factors. Columns whose values are all numbers
 * are measures; columns with few distinct values are offered as factors.
 */
import { csvParse } from 'd3';
import { SUMMARY_MEASURES } from '../../../src/experiment/measures.js';

/** Columns `crsim sweep` writes to identify a run; neither factors nor measures. */
const RUN_KEYS = /^(run|runId|run_id|point|seed|replicate)$/i;
const SUMMARY = new Set<string>(SUMMARY_MEASURES);

export interface SweepTable {
  columns: string[];
  rows: Record<string, string>[];
}

export function parseRunsCsv(text: string): SweepTable {
  const rows = csvParse(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) throw new Error('runs.csv has no rows');
  return pairRanges({ columns: rows.columns, rows: rows as unknown as Record<string, string>[] });
}

/**
 * A range parameter (`perBuilding: {min, max}`) is written as two columns, `….min` and `….max`,
 * that a sweep nearly always moves together. Shown as two factors they make a heatmap of one
 * parameter against itself; so each pair becomes one column named after the range, whose value
 * is the number when min = max and `min–max` otherwise. The two columns stay in the rows.
 */
export function pairRanges(table: SweepTable): SweepTable {
  const columns: string[] = [];
  const rows = table.rows.map((r) => ({ ...r }));
  for (const c of table.columns) {
    if (c.endsWith('.max') && table.columns.includes(`${c.slice(0, -4)}.min`)) continue;
    const base = c.endsWith('.min') ? c.slice(0, -4) : null;
    if (base && table.columns.includes(`${base}.max`) && !table.columns.includes(base)) {
      for (const r of rows) r[base] = r[c] === r[`${base}.max`] ? r[c] : `${r[c]}–${r[`${base}.max`]}`;
      columns.push(base);
    } else columns.push(c);
  }
  return { columns, rows };
}

const isNumber = (s: string | undefined) => s !== undefined && s !== '' && !Number.isNaN(Number(s));

/**
 * Columns that vary between runs and take at most `maxLevels` values: candidate factors. The
 * model's summary measures are never factors, even when they happen to take few values.
 */
export function factorColumns(table: SweepTable, maxLevels = 30): string[] {
  return table.columns.filter((c) => {
    if (RUN_KEYS.test(c) || SUMMARY.has(c)) return false;
    const levels = new Set(table.rows.map((r) => r[c]));
    return levels.size > 1 && levels.size <= maxLevels;
  });
}

/**
 * Numeric columns other than run keys and factors that differ between runs: candidate measures.
 * A column with one value everywhere (the number of households, a parameter held fixed) has
 * nothing to show on a colour scale.
 */
export function measureColumns(table: SweepTable): string[] {
  const factors = new Set(factorColumns(table));
  return table.columns.filter(
    (c) => !RUN_KEYS.test(c) && !factors.has(c) && table.rows.every((r) => r[c] === '' || isNumber(r[c])) && table.rows.some((r) => isNumber(r[c]))
      && new Set(table.rows.map((r) => r[c])).size > 1,
  );
}

export interface HeatCell {
  x: string;
  y: string;
  mean: number;
  /** Standard deviation over the cell's runs (its replicates): NaN with fewer than two. */
  sd: number;
  n: number;
}

export interface Heatmap {
  xLevels: string[];
  yLevels: string[];
  cells: HeatCell[];
  min: number;
  max: number;
}

/** Levels in numeric order when they are numbers, else in order of appearance. */
function levelsOf(table: SweepTable, column: string): string[] {
  const levels = [...new Set(table.rows.map((r) => r[column]))];
  return levels.every(isNumber) ? levels.sort((a, b) => Number(a) - Number(b)) : levels;
}

export function heatmap(table: SweepTable, xFactor: string, yFactor: string, measure: string): Heatmap {
  const xLevels = levelsOf(table, xFactor);
  const yLevels = levelsOf(table, yFactor);
  const acc = new Map<string, number[]>();
  for (const r of table.rows) {
    if (!isNumber(r[measure])) continue;
    const key = `${r[xFactor]}\u0000${r[yFactor]}`;
    const values = acc.get(key) ?? [];
    values.push(Number(r[measure]));
    acc.set(key, values);
  }
  const cells: HeatCell[] = [];
  for (const y of yLevels) {
    for (const x of xLevels) {
      const values = acc.get(`${x}\u0000${y}`) ?? [];
      const n = values.length;
      const mean = n ? values.reduce((a, b) => a + b, 0) / n : NaN;
      const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : NaN;
      cells.push({ x, y, mean, sd, n });
    }
  }
  const means = cells.map((c) => c.mean).filter((m) => !Number.isNaN(m));
  return { xLevels, yLevels, cells, min: Math.min(...means), max: Math.max(...means) };
}
