import { describe, expect, it } from 'vitest';
import { resilienceMeasures } from '../../src/modules/resilience/index.js';
import { dashboardCharts, groupsChart, phaseBands, qChart } from '../../viz/src/data/chart-spec.js';
import { setLang } from '../../viz/src/i18n.js';
import { result, runData } from './fixtures.js';

describe('Q(t) chart data', () => {
  it('has one value per day, the phases as day ranges, and the resilience measures of the curve', () => {
    const r = result();
    const spec = qChart([runData([r])]);
    expect(spec.lines).toHaveLength(1);
    expect(spec.lines[0].values).toEqual(Array.from(r.series.q));
    expect(spec.lines[0].band).toBeUndefined();
    expect(spec.phases.map((p) => p.name)).toEqual(['normal', 'roadClosure', 'movementControl', 'closedEarly', 'closedLater', 'reopened']);
    expect(spec.phases[1].start).toBe(r.dates.indexOf('2020-01-24'));
    expect(spec.phases[spec.phases.length - 1].end).toBe(r.dates.length - 1);
    // One replicate: the marks are the summary's own measures.
    expect(spec.marks?.robustness.value).toBe(r.summary.resilience.robustness);
    expect(spec.marks?.rapidityDays).toBe(r.summary.resilience.rapidityDays);
    expect(spec.marks?.lossNeedDays).toBeCloseTo(r.summary.resilience.lossNeedDays, 10);
    expect(r.series.q[spec.marks!.robustness.day]).toBe(r.summary.resilience.robustness);
  });

  it('draws a 10–90 % band and marks the mean curve when there are replicates', () => {
    const reps = [0, 1, 2, 3].map((i) => result({}, i));
    const spec = qChart([runData(reps)]);
    const line = spec.lines[0];
    expect(line.band).toBeDefined();
    for (let d = 0; d < line.values.length; d++) {
      expect(line.band!.lo[d]).toBeLessThanOrEqual(line.values[d] + 1e-12);
      expect(line.band!.hi[d]).toBeGreaterThanOrEqual(line.values[d] - 1e-12);
    }
    const m = resilienceMeasures(line.values, spec.marks!.shockDay, 0.95);
    expect(spec.marks!.robustness.value).toBe(m.robustness);
  });

  it('leaves the marks off a curve that is still filling in', () => {
    const r = result();
    const partial = runData([r]);
    partial.replicates = [{ ...r.series, q: Float64Array.from(r.series.q, (v, i) => (i < 40 ? v : NaN)) }];
    expect(qChart([partial]).marks).toBeUndefined();
  });

  it('overlays a comparison run as dashed lines, labelled by run', () => {
    const a = runData([result()], 'A');
    const b = runData([result({ 'partyMembers.doubleReporting': false })], 'B');
    const spec = groupsChart([a, b]);
    expect(spec.lines).toHaveLength(6);
    const dashed = spec.lines.filter((l) => l.dashed);
    expect(dashed.map((l) => l.key)).toEqual(['qElderlyNoSmartphone@1', 'qElderlySmartphone@1', 'qOthers@1']);
    expect(dashed[0].label).toMatch(/B$/);
    // The legend names each group once and the runs once each, by line style.
    expect(spec.lines.filter((l) => l.legend !== null).map((l) => l.legend)).toEqual(['Elderly without smartphone', 'Elderly with smartphone', 'Other residents']);
    expect(spec.runStyles).toEqual([{ label: 'A', dashed: false }, { label: 'B', dashed: true }]);
    expect(qChart([a]).runStyles).toEqual([]);
  });
});

describe('labels follow the language', () => {
  it('gives Chinese titles and phase names in zh', () => {
    const run = runData([result()]);
    setLang('zh');
    try {
      expect(qChart([run]).title).toMatch(/韧性曲线/);
      expect(phaseBands(run).map((p) => p.label)).toContain('封路');
    } finally {
      setLang('en');
    }
    expect(qChart([run]).title).toMatch(/Resilience curve/);
  });
});

describe('dashboard', () => {
  it('has a chart per issue item, each with a y-axis label and every line as long as the run', () => {
    const r = result();
    const specs = dashboardCharts([runData([r])]);
    expect(specs.map((s) => s.id)).toEqual(['q', 'groups', 'price', 'staff', 'pending', 'compounds', 'satisfaction']);
    for (const s of specs) {
      expect(s.yLabel.length).toBeGreaterThan(0);
      for (const l of s.lines) expect(l.values).toHaveLength(r.dates.length);
    }
    expect(specs[2].refLines).toEqual([{ y: 1, label: 'normal price' }]);
  });
});
