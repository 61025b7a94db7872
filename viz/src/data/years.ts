/**
 * Multi-year runs (N street 2012–2018, the reformed street into 2020): the x axis ticks years
 * rather than days, and summaries kept by calendar year (routing shares, satisfaction) become
 * one bar per year. Plain data, so it is unit-tested without a browser.
 */
import { t } from '../i18n.js';
import { OKABE_ITO } from '../palette.js';
import type { RunData } from './run-data.js';

/** Runs longer than this many days get year ticks. */
export const MULTI_YEAR_DAYS = 548;

export interface DateTicks {
  /** Day indices of the ticks. */
  ticks: number[];
  /** Whether each tick is the first day of a year in the run (label it with the year). */
  yearly: boolean;
}

/**
 * About one label per 80 px. A run of more than a year and a half: the first day of each year
 * in the run (every second, fifth … year when they do not fit); a shorter one: whole days, weeks
 * or multiples of four weeks from the first day.
 */
export function dateTicks(dates: readonly string[], innerW: number): DateTicks {
  const n = dates.length;
  const room = Math.max(2, Math.floor(innerW / 80));
  if (n > MULTI_YEAR_DAYS) {
    const starts: number[] = [];
    for (let d = 0; d < n; d++) if (d === 0 || dates[d].slice(0, 4) !== dates[d - 1].slice(0, 4)) starts.push(d);
    const every = [1, 2, 5, 10, 20, 50].find((k) => Math.ceil(starts.length / k) <= room) ?? Math.ceil(starts.length / room);
    return { ticks: starts.filter((_, i) => i % every === 0), yearly: true };
  }
  const every = Math.max(1, Math.ceil(n / room));
  const step = [1, 2, 7, 14, 28, 56].find((s) => s >= every) ?? every;
  const ticks: number[] = [];
  for (let d = 0; d < n; d += step) ticks.push(d);
  return { ticks, yearly: false };
}

/** The year a tick stands for, as it reads on the axis. */
export const yearLabel = (iso: string, zh: boolean) => (zh ? `${iso.slice(0, 4)}年` : iso.slice(0, 4));

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
  /** One value per year (NaN: none that year). */
  values: number[];
}

export interface StackedBarSpec {
  id: string;
  title: string;
  yLabel: string;
  years: string[];
  series: BarSeries[];
  /** What each bar's total is (issues), per year, for the tooltip. */
  totals: number[];
  totalLabel: string;
}

const ROUTES = [
  { key: 'station', colour: OKABE_ITO.green },
  { key: 'grid', colour: OKABE_ITO.skyBlue },
  { key: 'escalated', colour: OKABE_ITO.vermillion },
] as const;

type ByYear = Record<string, { station: number; grid: number; escalated: number; issues: number }>;

/**
 * Routing shares by year (paper 002's 三级三商三流转): of the issues that came through a station,
 * the shares settled by the station, by the grid and escalated, averaged over the replicates
 * that have finished; years with no such issue are left out. Null for a run without routing.
 */
export function routingByYearChart(run: RunData): StackedBarSpec | null {
  const tables = run.summaries
    .map((s) => (s as { routing?: { byYear?: ByYear } } | null)?.routing?.byYear)
    .filter((b): b is ByYear => b !== undefined);
  if (!tables.length) return null;
  const years = [...new Set(tables.flatMap((b) => Object.keys(b)))].sort()
    .filter((y) => tables.some((b) => (b[y]?.issues ?? 0) > 0));
  if (!years.length) return null;
  const meanOver = (y: string, pick: (row: ByYear[string]) => number) => {
    const rows = tables.map((b) => b[y]).filter((r) => r && r.issues > 0);
    return rows.length ? rows.reduce((a, r) => a + pick(r), 0) / rows.length : NaN;
  };
  return {
    id: 'routing',
    title: t('routingTitle'),
    yLabel: t('routingAxis'),
    years,
    series: ROUTES.map((r) => ({ key: r.key, label: t(`routing_${r.key}`), colour: r.colour, values: years.map((y) => meanOver(y, (row) => row[r.key])) })),
    totals: years.map((y) => meanOver(y, (row) => row.issues)),
    totalLabel: t('routingIssues'),
  };
}
