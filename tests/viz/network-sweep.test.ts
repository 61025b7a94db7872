import { describe, expect, it } from 'vitest';
import { ACTORS, busiestDay, FLOWS, flowsOn } from '../../viz/src/data/network.js';
import { factorColumns, heatmap, measureColumns, parseRunsCsv } from '../../viz/src/data/sweep.js';
import { result, runData } from './fixtures.js';

describe('actors network', () => {
  const r = result();
  const run = runData([r]);
  const later = r.phases.indexOf('closedLater') + 5;

  it('links only actors that exist, and reads the day’s metrics', () => {
    const ids = new Set(ACTORS.map((a) => a.id));
    for (const f of FLOWS) expect(ids.has(f.source) && ids.has(f.target)).toBe(true);
    const links = flowsOn(run, later);
    const party = links.find((l) => l.source === 'partyMembers' && l.target === 'residents')!;
    expect(party.amount).toBe(r.series.deliveredByPartyMembers[later]);
    expect(party.amount).toBeGreaterThan(0);
    const subsidy = links.find((l) => l.source === 'government' && l.kind === 'money')!;
    expect(subsidy.amount).toBe(r.series.subsidyPaid[later]);
  });

  it('scales each kind against its own largest flow over the run', () => {
    for (let d = 0; d < r.dates.length; d += 7) {
      for (const l of flowsOn(run, d)) expect(l.relative).toBeGreaterThanOrEqual(0), expect(l.relative).toBeLessThanOrEqual(1);
    }
    const all = r.dates.map((_, d) => flowsOn(run, d));
    for (const kind of ['orders', 'goods', 'money', 'labour']) {
      expect(Math.max(...all.flat().filter((l) => l.kind === kind).map((l) => l.relative))).toBe(1);
    }
  });

  it('opens a finished run on a day of the crisis, not the quiet last day', () => {
    const d = busiestDay(run);
    expect(['closedEarly', 'closedLater']).toContain(r.phases[d]);
  });

  it('has no party-member flows without double reporting', () => {
    const off = runData([result({ 'partyMembers.doubleReporting': false })]);
    expect(flowsOn(off, later).filter((l) => l.source === 'partyMembers').every((l) => l.amount === 0)).toBe(true);
  });
});

describe('sweep heatmap', () => {
  const csv = [
    'runId,seed,subsidy,staff,robustness,label',
    '1,1,0,5,0.5,a',
    '2,2,0,5,0.7,a',
    '3,1,12,5,0.8,a',
    '4,1,0,10,0.6,a',
    '5,1,12,10,,a',
  ].join('\n');

  it('offers varying columns as factors and numeric columns as measures', () => {
    const t = parseRunsCsv(csv);
    expect(factorColumns(t)).toEqual(['subsidy', 'staff', 'robustness']);
    expect(measureColumns(t)).toEqual(['runId', 'seed', 'subsidy', 'staff', 'robustness']);
  });

  it('averages the measure per cell, levels in numeric order, NaN for an empty cell', () => {
    const h = heatmap(parseRunsCsv(csv), 'subsidy', 'staff', 'robustness');
    expect(h.xLevels).toEqual(['0', '12']);
    expect(h.yLevels).toEqual(['5', '10']);
    const cell = (x: string, y: string) => h.cells.find((c) => c.x === x && c.y === y)!;
    expect(cell('0', '5')).toMatchObject({ mean: 0.6, n: 2 });
    expect(cell('12', '5').mean).toBe(0.8);
    expect(cell('12', '10').mean).toBeNaN();
    expect([h.min, h.max]).toEqual([0.6, 0.8]);
  });
});
