import { describe, expect, it } from 'vitest';
import { meanWithCI } from '../../src/experiment/stats.js';
import { differenceChart } from '../../viz/src/data/difference.js';
import { result, runData } from './fixtures.js';

describe('differenceChart: B − A with a confidence band over paired replicates', () => {
  const a = runData([result({}, 0), result({}, 1), result({}, 2)], 'A');
  const b = runData([0, 1, 2].map((r) => result({ 'partyMembers.doubleReporting': false }, r)), 'B');

  it('is the mean of the paired differences, with the t interval of crsim compare', () => {
    const spec = differenceChart(a, b);
    const line = spec.lines[0];
    const day = 60;
    const diffs = [0, 1, 2].map((r) => b.replicates[r].q[day] - a.replicates[r].q[day]);
    const ci = meanWithCI(diffs);
    expect(line.values[day]).toBeCloseTo(ci.mean, 12);
    expect(line.band!.lo[day]).toBeCloseTo(ci.low!, 12);
    expect(line.band!.hi[day]).toBeCloseTo(ci.high!, 12);
    // Before the shock both scenarios are the same model with the same seeds: no difference at all.
    expect(line.values[0]).toBe(0);
    expect(spec.refLines[0].y).toBe(0);
  });

  it('draws no band from a single pair', () => {
    expect(differenceChart(runData([result()], 'A'), runData([result({ 'partyMembers.doubleReporting': false })], 'B')).lines[0].band).toBeUndefined();
  });
});
