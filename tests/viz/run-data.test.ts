import { describe, expect, it } from 'vitest';
import { daysFilled, emptyColumns, meanBand, quantileSorted, spansOf, type RunData } from '../../viz/src/data/run-data.js';
import { result } from './fixtures.js';

const tiny = (reps: number[][]): RunData => ({
  label: 't',
  dates: reps[0].map((_, i) => `2020-01-0${i + 1}`),
  phases: reps[0].map(() => 'normal'),
  phaseSpans: [],
  metrics: [{ name: 'q', unit: 'share', description: '' }],
  replicates: reps.map((r) => ({ q: Float64Array.from(r) })),
  summaries: reps.map(() => null),
});

describe('spansOf', () => {
  it('gives the same phase spans the model writes to manifest.json', () => {
    const r = result();
    expect(spansOf(r.dates, r.phases)).toEqual(r.phaseSpans);
  });
});

describe('meanBand', () => {
  it('takes the mean and the 10–90 % quantiles per day, skipping replicates without a value', () => {
    const run = tiny([
      [0, 1, NaN],
      [10, 2, NaN],
      [20, 3, 5],
    ]);
    const mb = meanBand(run, 'q');
    expect(mb.mean).toEqual([10, 2, 5]);
    expect(mb.lo[0]).toBeCloseTo(2);
    expect(mb.hi[0]).toBeCloseTo(18);
    expect(mb.n).toEqual([3, 3, 1]);
    expect(mb.lo[2]).toBe(5);
  });

  it('is NaN on days no replicate has reached', () => {
    const mb = meanBand(tiny([[1, NaN]]), 'q');
    expect(mb.mean[1]).toBeNaN();
  });

  it('quantileSorted interpolates like R type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('daysFilled', () => {
  it('counts the leading days with a value, as a live run fills in', () => {
    const cols = emptyColumns([{ name: 'q', unit: '', description: '' }], 5);
    const run = { ...tiny([[0, 0, 0, 0, 0]]), replicates: [cols] };
    expect(daysFilled(run)).toBe(0);
    cols.q.set([1, 1, 1], 0);
    expect(daysFilled(run)).toBe(3);
  });
});
