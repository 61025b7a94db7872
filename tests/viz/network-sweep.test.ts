import { describe, expect, it } from 'vitest';
import { ACTORS, busiestDay, FLOWS, flowsOn, maxFlowsByKind } from '../../viz/src/data/network.js';
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

  it('gives the same widths with the run’s maxima computed once and passed in', () => {
    const max = maxFlowsByKind(run);
    for (const kind of ['orders', 'goods', 'money', 'labour'] as const) {
      expect(max[kind]).toBe(Math.max(...r.dates.flatMap((_, d) => flowsOn(run, d).filter((l) => l.kind === kind).map((l) => l.amount))));
    }
    for (let d = 0; d < r.dates.length; d += 5) expect(flowsOn(run, d, max)).toEqual(flowsOn(run, d));
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
  // The layout `crsim sweep` writes: run keys, the varied parameters, then summary measures.
  const csv = [
    'run_id,point,replicate,seed,subsidy,staff,resilience.robustness,resilience.shockDate,label',
    '0,0,0,7/p0/0,0,5,0.5,2020-01-24,a',
    '1,0,1,7/p0/1,0,5,0.7,2020-01-24,a',
    '2,1,0,7/p1/0,12,5,0.8,2020-01-24,a',
    '3,2,0,7/p2/0,0,10,0.6,2020-01-24,a',
    '4,3,0,7/p3/0,12,10,,2020-01-24,a',
  ].join('\n');

  it('offers varied parameters as factors and numeric summary columns as measures', () => {
    const t = parseRunsCsv(csv);
    expect(factorColumns(t)).toEqual(['subsidy', 'staff']);
    expect(measureColumns(t)).toEqual(['resilience.robustness']);
  });

  it('averages the measure per cell, levels in numeric order, NaN for an empty cell', () => {
    const h = heatmap(parseRunsCsv(csv), 'subsidy', 'staff', 'resilience.robustness');
    expect(h.xLevels).toEqual(['0', '12']);
    expect(h.yLevels).toEqual(['5', '10']);
    const cell = (x: string, y: string) => h.cells.find((c) => c.x === x && c.y === y)!;
    expect(cell('0', '5')).toMatchObject({ mean: 0.6, n: 2 });
    expect(cell('12', '5').mean).toBe(0.8);
    expect(cell('12', '10').mean).toBeNaN();
    expect([h.min, h.max]).toEqual([0.6, 0.8]);
  });
});

describe('sweep tables: ranges, constants and spread', () => {
  const text = [
    'run_id,point,replicate,seed,partyMembers.perBuilding.min,partyMembers.perBuilding.max,population.households,resilience.robustness',
    '0,0,0,a,1,1,4000,0.80', '1,0,1,b,1,1,4000,0.82', '2,1,0,c,3,3,4000,0.90', '3,1,1,d,3,3,4000,0.94', '4,2,0,e,2,3,4000,0.85',
  ].join('\n');

  it('shows a min/max pair as one factor, and leaves constant columns out of factors and measures', () => {
    const table = parseRunsCsv(text);
    expect(factorColumns(table)).toEqual(['partyMembers.perBuilding']);
    expect(measureColumns(table)).toEqual(['resilience.robustness']);
    expect(table.rows.map((r) => r['partyMembers.perBuilding'])).toEqual(['1', '1', '3', '3', '2–3']);
  });

  it('gives each cell the standard deviation over its runs', () => {
    const table = parseRunsCsv(text);
    const h = heatmap(table, 'partyMembers.perBuilding', 'partyMembers.perBuilding', 'resilience.robustness');
    const cell = h.cells.find((c) => c.x === '3' && c.y === '3')!;
    expect(cell.n).toBe(2);
    expect(cell.mean).toBeCloseTo(0.92, 12);
    expect(cell.sd).toBeCloseTo(Math.sqrt(((0.9 - 0.92) ** 2 + (0.94 - 0.92) ** 2) / 1), 12);
    expect(Number.isNaN(h.cells.find((c) => c.x === '2–3' && c.y === '2–3')!.sd)).toBe(true);
  });
});

describe('the five societies network', () => {
  it('is chosen for a five-society run; every flow joins two of its actors and is read from a metric the model records', async () => {
    const { FIVE_SOCIETY_NETWORK } = await import('../../viz/src/data/network-five-society.js');
    const { networkOf, Q_NETWORK } = await import('../../viz/src/data/network.js');
    const ids = new Set(FIVE_SOCIETY_NETWORK.actors.map((a) => a.id));
    for (const f of FIVE_SOCIETY_NETWORK.flows) expect(ids.has(f.source) && ids.has(f.target), `${f.source} → ${f.target}`).toBe(true);
    const metric = (name: string) => ({ name, unit: '', description: '' });
    const run = { label: '', dates: [], phases: [], phaseSpans: [], replicates: [], summaries: [] };
    // Every metric a flow reads is one the five-society model records (a typo would draw a flow of zeros for ever).
    const { assembleScenario } = await import('../../src/model/index.js');
    const { SHIPPED, readerOver } = await import('../../viz/src/data/scenarios.js');
    const { parseScenario } = await import('../../src/scenario/parse.js');
    const file = 'five-society/five-society.yaml';
    const recorded = new Set(assembleScenario(parseScenario(SHIPPED[file], file, readerOver(SHIPPED)).scenario).metrics.map((m) => m.name));
    const asked: string[] = [];
    for (const f of FIVE_SOCIETY_NETWORK.flows) f.amount((name) => (asked.push(name), 1));
    expect(asked.filter((m) => !recorded.has(m))).toEqual([]);
    expect(networkOf({ ...run, metrics: [metric('q'), metric('careVisits')] })).toBe(FIVE_SOCIETY_NETWORK);
    expect(networkOf({ ...run, metrics: [metric('q')] })).toBe(Q_NETWORK);
  });
});
