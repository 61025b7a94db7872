/**
 * The hourglass of governance load in the report (paper 004): one value per layer, top to
 * bottom, averaged over the replicates that have finished; absent for a run without
 * governanceLoad's measures.
 */
import { describe, expect, it } from 'vitest';
import type { RunData } from '../../viz/src/data/run-data.js';
import { HOURGLASS_LAYERS, hourglassChart } from '../../viz/src/data/hourglass.js';
import { setLang } from '../../viz/src/i18n.js';

const run = (summaries: unknown[]): RunData => ({ label: 'r', dates: [], phases: [], phaseSpans: [], metrics: [], replicates: [], summaries: summaries as RunData['summaries'] });
const layers = (department: number, street: number, community: number, grid: number, compound: number) =>
  ({ load: { byLayer: { department, street, community, grid, compound } } });

describe('hourglass of load by layer', () => {
  it('keeps the layers top to bottom and averages each over the replicates', () => {
    setLang('en');
    const spec = hourglassChart(run([layers(0.2, 1.1, 1.5, 0.3, 0.1), layers(0.4, 0.9, 1.3, 0.5, 0.3), null]))!;
    expect(spec.rows.map((r) => r.key)).toEqual([...HOURGLASS_LAYERS]);
    expect(spec.rows.map((r) => r.key)).toEqual(['department', 'street', 'community', 'grid', 'compound']);
    const v = spec.rows.map((r) => r.value);
    [0.3, 1.0, 1.4, 0.4, 0.2].forEach((want, i) => expect(v[i]).toBeCloseTo(want, 12));
    expect(spec.replicates).toBe(2);
    expect(spec.rows[2].label).toBe('Residents\u2019 committee');
  });

  it('labels the layers in Chinese', () => {
    setLang('zh');
    const spec = hourglassChart(run([layers(1, 2, 3, 4, 5)]))!;
    expect(spec.rows.map((r) => r.label)).toEqual(['职能部门', '街道办', '居委会', '网格', '小区']);
    expect(spec.title).toMatch(/沙漏/);
    setLang('en');
  });

  it('is absent for a run without the load measures', () => {
    expect(hourglassChart(run([{ routing: { byYear: {} } }]))).toBeNull();
    expect(hourglassChart(run([null]))).toBeNull();
  });
});
