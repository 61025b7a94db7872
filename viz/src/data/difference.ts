/**
 * An honest comparison of two scenarios: not two curves to eyeball, but their difference B − A
 * per day with a 95 % confidence band. Replicate r of both scenarios uses the same run seed
 * (common random numbers), so the replicates are paired and the band is that of the mean of the
 * paired differences (Student t, as `crsim compare` computes it). Days are matched by date, so
 * scenarios with different calendars are compared where both have a day.
 */
import { meanWithCI } from '../../../src/experiment/stats.js';
import { t, tf } from '../i18n.js';
import { OKABE_ITO } from '../palette.js';
import { phaseBands, type LineChartSpec } from './chart-spec.js';
import type { RunData } from './run-data.js';

export function differenceChart(a: RunData, b: RunData, metric = 'q'): LineChartSpec {
  const bDay = new Map(b.dates.map((d, i) => [d, i]));
  const mean: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const pairs = Math.min(a.replicates.length, b.replicates.length);
  for (let d = 0; d < a.dates.length; d++) {
    const j = bDay.get(a.dates[d]);
    const diffs: number[] = [];
    for (let r = 0; j !== undefined && r < pairs; r++) {
      const va = a.replicates[r][metric]?.[d];
      const vb = b.replicates[r][metric]?.[j];
      if (va !== undefined && vb !== undefined && Number.isFinite(va) && Number.isFinite(vb)) diffs.push(vb - va);
    }
    const ci = meanWithCI(diffs);
    mean.push(ci.mean);
    lo.push(ci.low ?? NaN);
    hi.push(ci.high ?? NaN);
  }
  const label = `${b.label} − ${a.label}`;
  return {
    id: 'diff',
    title: tf('diffTitle', { metric: t(metric) }),
    yLabel: tf('diffAxis', { metric: t(metric) }),
    dates: a.dates,
    lines: [{
      key: `${metric}-diff`,
      label,
      legend: label,
      colour: OKABE_ITO.vermillion,
      dashed: false,
      values: mean,
      // A band needs two pairs at least; with one replicate the chart shows the difference alone.
      ...(pairs > 1 ? { band: { lo, hi } } : {}),
    }],
    bandLabel: t('diffBand'),
    phases: phaseBands(a),
    refLines: [{ y: 0, label: t('diffNone') }],
    runStyles: [],
    digits: 3,
    symmetric: true,
  };
}
