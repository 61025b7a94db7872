/**
 * Multi-year runs in the visualizer and the report: year ticks on the x axis, and the routing
 * shares of paper 002 as one stacked bar per year, averaged over replicates.
 */
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../../src/engine/index.js';
import type { RunData } from '../../viz/src/data/run-data.js';
import { dateTicks, routingByYearChart } from '../../viz/src/data/years.js';
import { setLang } from '../../viz/src/i18n.js';

const datesFrom = (start: string, end: string) => {
  const out: string[] = [];
  for (let d = toEpochDay(start); d <= toEpochDay(end); d++) out.push(fromEpochDay(d));
  return out;
};

describe('date ticks', () => {
  it('tick the first day of each year on a run of several years', () => {
    const dates = datesFrom('2012-07-01', '2018-12-31');
    const { ticks, yearly } = dateTicks(dates, 900);
    expect(yearly).toBe(true);
    expect(ticks.map((d) => dates[d])).toEqual(['2012-07-01', '2013-01-01', '2014-01-01', '2015-01-01', '2016-01-01', '2017-01-01', '2018-01-01']);
  });

  it('thin out the years when they do not fit, keeping the first', () => {
    const dates = datesFrom('2000-01-01', '2020-12-31');
    const { ticks } = dateTicks(dates, 400);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.map((d) => dates[d].slice(0, 4))).toEqual(['2000', '2005', '2010', '2015', '2020']);
  });

  it('keep day and week ticks on a run of months', () => {
    const dates = datesFrom('2019-12-01', '2020-05-31');
    const { ticks, yearly } = dateTicks(dates, 900);
    expect(yearly).toBe(false);
    expect(ticks[1] - ticks[0]).toBe(28);
  });
});

describe('routing shares by year', () => {
  const run = (summaries: unknown[]): RunData => ({ label: 'r', dates: [], phases: [], phaseSpans: [], metrics: [], replicates: [], summaries: summaries as RunData['summaries'] });
  const row = (station: number, grid: number, issues: number) => ({ station, grid, escalated: 1 - station - grid, issues, noStation: 0 });

  it('averages each year over the replicates, leaves out years without issues through a station, and stacks to one', () => {
    setLang('en');
    const spec = routingByYearChart(run([
      { routing: { byYear: { 2012: row(0, 0, 0), 2013: row(0.2, 0.7, 10), 2014: row(0.3, 0.6, 20) } } },
      { routing: { byYear: { 2012: row(0, 0, 0), 2013: row(0.4, 0.5, 30), 2014: row(0.3, 0.6, 40) } } },
      null, // a replicate still running
    ]))!;
    expect(spec.years).toEqual(['2013', '2014']);
    expect(spec.series.map((s) => s.key)).toEqual(['station', 'grid', 'escalated']);
    expect(spec.series[0].values[0]).toBeCloseTo(0.3, 12);
    expect(spec.series[1].values[0]).toBeCloseTo(0.6, 12);
    expect(spec.totals).toEqual([20, 30]);
    for (let i = 0; i < spec.years.length; i++) expect(spec.series.reduce((a, s) => a + s.values[i], 0)).toBeCloseTo(1, 12);
  });

  it('is absent for a run that routes no issues', () => {
    expect(routingByYearChart(run([{ q: {} }]))).toBeNull();
  });
});
