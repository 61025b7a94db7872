import { describe, expect, it } from 'vitest';
import { resilienceMeasures } from '../../src/modules/resilience/index.js';

describe('resilience measures', () => {
  // Two normal days, a dip to 0.5, recovery on day 5.
  const q = [1, 1, 0.9, 0.5, 0.8, 1, 1];

  it('reads Q0, robustness, loss, rapidity and normalised resilience off the curve', () => {
    const m = resilienceMeasures(q, 2, 0.95);
    expect(m.q0).toBe(1);
    expect(m.robustness).toBe(0.5);
    expect(m.lossNeedDays).toBeCloseTo(0.1 + 0.5 + 0.2, 12);
    expect(m.rapidityDays).toBe(3);
    expect(m.normalised).toBeCloseTo((0.9 + 0.5 + 0.8 + 1 + 1) / 5, 12);
    expect(m.windowDays).toBe(5);
  });

  it('says null when Q has not recovered by the end, and 0 when it never fell', () => {
    expect(resilienceMeasures([1, 1, 0.5, 0.6], 2, 0.95).rapidityDays).toBeNull();
    expect(resilienceMeasures([1, 1, 0.99, 1], 2, 0.95).rapidityDays).toBe(0);
  });
});
