/**
 * What a line chart shows, as plain data: the drawing module turns a LineChartSpec into SVG and
 * does no arithmetic on the numbers, so everything here is unit-tested without a browser.
 */
import { resilienceMeasures } from '../../../src/modules/resilience/index.js';
import { t } from '../i18n.js';
import { SERIES_COLOURS, OKABE_ITO } from '../palette.js';
import { daysFilled, meanBand, type RunData } from './run-data.js';

export interface ChartLine {
  /** Metric name, plus `@1` for the comparison run. */
  key: string;
  /** Full label, for the tooltip (metric and run). */
  label: string;
  /** Label in the legend, or null to leave the line out of it (a comparison run's copy of a metric). */
  legend: string | null;
  colour: string;
  dashed: boolean;
  /** One value per day (NaN: no value, or not yet simulated). */
  values: number[];
  /** 10–90 % band over replicates, only when there are at least two. */
  band?: { lo: number[]; hi: number[] };
}

export interface PhaseBand {
  name: string;
  label: string;
  short: string;
  /** Day indices, inclusive. */
  start: number;
  end: number;
}

export interface ResilienceMarks {
  q0: number;
  shockDay: number;
  robustness: { day: number; value: number };
  /** Day Q is back at the threshold for good, or null if it never is within the run. */
  recoveredDay: number | null;
  rapidityDays: number | null;
  lossNeedDays: number;
  threshold: number;
}

export interface LineChartSpec {
  id: string;
  title: string;
  yLabel: string;
  dates: string[];
  lines: ChartLine[];
  phases: PhaseBand[];
  yDomain?: [number, number];
  refLines: { y: number; label: string }[];
  /** With a comparison: which run is solid and which dashed (the legend's second part). */
  runStyles: { label: string; dashed: boolean }[];
  marks?: ResilienceMarks;
  /** Digits after the decimal point in tooltips. */
  digits: number;
  /** The series counts things (orders, compounds): the y axis gets whole-number ticks only. */
  integer?: boolean;
  /** What the shaded band means, when it is not the 10–90 % of replicates. */
  bandLabel?: string;
  /** A difference: the y axis is centred on zero so gains and losses look alike. */
  symmetric?: boolean;
}

export function phaseBands(run: RunData): PhaseBand[] {
  const index = new Map(run.dates.map((d, i) => [d, i]));
  return run.phaseSpans
    .filter((p) => index.has(p.start) && index.has(p.end))
    .map((p) => ({ name: p.name, label: t(p.name), short: t(`${p.name}Short`), start: index.get(p.start)!, end: index.get(p.end)! }));
}

/** Lines for one metric of the main run and, dashed, of the comparison run. */
function linesFor(metric: string, runs: RunData[], withBand: boolean, label = t(metric)): ChartLine[] {
  return runs.map((run, r) => {
    const mb = meanBand(run, metric);
    const line: ChartLine = {
      key: r === 0 ? metric : `${metric}@${r}`,
      label: runs.length > 1 ? `${label} — ${run.label}` : label,
      // With a comparison the legend names each metric once and the runs by line style.
      legend: r === 0 ? label : null,
      colour: SERIES_COLOURS[metric] ?? OKABE_ITO.black,
      dashed: r > 0,
      values: mb.mean,
    };
    // Only the main run gets a band: two overlapping bands hide both curves.
    if (withBand && r === 0 && run.replicates.length > 1) line.band = { lo: mb.lo, hi: mb.hi };
    return line;
  });
}

/**
 * Robustness, rapidity and loss of the mean curve, marked once the curve is complete (a measure
 * of half a run would mislead). Uses the library's own resilienceMeasures.
 */
export function resilienceMarks(run: RunData, threshold = 0.95): ResilienceMarks | undefined {
  if (daysFilled(run) < run.dates.length) return undefined;
  const shock = run.phases.findIndex((p) => p !== 'normal');
  if (shock < 0) return undefined;
  const q = meanBand(run, 'q').mean;
  const m = resilienceMeasures(q, shock, threshold);
  let lowDay = shock;
  for (let d = shock; d < q.length; d++) if (q[d] < q[lowDay]) lowDay = d;
  return {
    q0: m.q0,
    shockDay: shock,
    robustness: { day: lowDay, value: m.robustness },
    recoveredDay: m.rapidityDays === null ? null : shock + m.rapidityDays,
    rapidityDays: m.rapidityDays,
    lossNeedDays: m.lossNeedDays,
    threshold,
  };
}

/** The longest run decides the x axis, so a comparison of a different length still fits. */
function baseRun(runs: RunData[]): RunData {
  return runs.reduce((a, b) => (b.dates.length > a.dates.length ? b : a));
}

function padTo(lines: ChartLine[], days: number): ChartLine[] {
  const pad = (a: number[]) => (a.length >= days ? a : [...a, ...new Array(days - a.length).fill(NaN)]);
  return lines.map((l) => ({ ...l, values: pad(l.values), band: l.band && { lo: pad(l.band.lo), hi: pad(l.band.hi) } }));
}

function spec(id: string, runs: RunData[], title: string, yLabel: string, lines: ChartLine[], rest: Partial<LineChartSpec> = {}): LineChartSpec {
  const base = baseRun(runs);
  const runStyles = runs.length > 1 ? runs.map((r, i) => ({ label: r.label, dashed: i > 0 })) : [];
  return { id, title, yLabel, dates: base.dates, lines: padTo(lines, base.dates.length), phases: phaseBands(runs[0]), refLines: [], runStyles, digits: 2, ...rest };
}

export function qChart(runs: RunData[], threshold = 0.95): LineChartSpec {
  return spec('q', runs, t('qTitle'), t('qAxis'), linesFor('q', runs, true), { yDomain: [0, 1], marks: resilienceMarks(runs[0], threshold), digits: 3 });
}

export const GROUP_METRICS = ['qElderlyNoSmartphone', 'qElderlySmartphone', 'qOthers'] as const;

export function groupsChart(runs: RunData[]): LineChartSpec {
  const lines = GROUP_METRICS.flatMap((m) => linesFor(m, runs, true));
  return spec('groups', runs, t('groupsTitle'), t('groupsAxis'), lines, { yDomain: [0, 1], digits: 3 });
}

export function priceChart(runs: RunData[]): LineChartSpec {
  return spec('price', runs, t('priceTitle'), t('priceAxis'), linesFor('priceIndex', runs, true), { refLines: [{ y: 1, label: t('normalPrice') }] });
}

export function staffChart(runs: RunData[]): LineChartSpec {
  const lines = ['staffHoursDemanded', 'staffHoursAvailable'].flatMap((m) => linesFor(m, runs, true));
  return spec('staff', runs, t('staffTitle'), t('staffAxis'), lines, { digits: 0 });
}

export function singleMetricChart(id: string, metric: string, titleKey: string, axisKey: string, runs: RunData[], rest: Partial<LineChartSpec> = {}): LineChartSpec {
  return spec(id, runs, t(titleKey), t(axisKey), linesFor(metric, runs, true), rest);
}

/** Every line chart of the dashboard, in reading order. */
export function dashboardCharts(runs: RunData[], threshold = 0.95): LineChartSpec[] {
  return [
    qChart(runs, threshold),
    groupsChart(runs),
    priceChart(runs),
    staffChart(runs),
    singleMetricChart('pending', 'deliveriesPending', 'pendingTitle', 'pendingAxis', runs, { digits: 0, integer: true }),
    singleMetricChart('compounds', 'selfOrganisedCompounds', 'compoundsTitle', 'compoundsAxis', runs, { digits: 0, integer: true }),
    singleMetricChart('satisfaction', 'meanSatisfaction', 'satisfactionTitle', 'satisfactionAxis', runs, { yDomain: [0, 1], digits: 3 }),
  ];
}

/** Whether any line of a chart has a value: a chart of metrics the run does not have is left out of the report. */
export const hasValues = (spec: LineChartSpec) => spec.lines.some((l) => l.values.some((v) => Number.isFinite(v)));

/**
 * Charts of the normal-period institutions and the grid (papers 002, 003), for the metrics the
 * run has: stations and issues pending over the years, households mobilised and
 * self-organisations active in the crisis. The report draws them after the dashboard's.
 */
export function institutionCharts(runs: RunData[]): LineChartSpec[] {
  const has = (metric: string) => runs[0].metrics.some((m) => m.name === metric);
  const specs: LineChartSpec[] = [];
  if (has('stations')) specs.push(singleMetricChart('stations', 'stations', 'stationsTitle', 'stationsAxis', runs, { digits: 0, integer: true }));
  if (has('issuesPending')) specs.push(singleMetricChart('issuesPending', 'issuesPending', 'issuesPendingTitle', 'issuesPendingAxis', runs, { digits: 0, integer: true }));
  if (has('gridMobilisedShare')) specs.push(singleMetricChart('mobilised', 'gridMobilisedShare', 'mobilisedTitle', 'mobilisedAxis', runs, { yDomain: [0, 1], digits: 3 }));
  if (has('gridActiveSelfOrganisations')) specs.push(singleMetricChart('activeOrganisations', 'gridActiveSelfOrganisations', 'activeOrganisationsTitle', 'activeOrganisationsAxis', runs, { digits: 0, integer: true }));
  return specs;
}
