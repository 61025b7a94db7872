import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { csvKind, openPicked, textOf, type PickedFile } from '../../viz/src/data/loader.js';
import { SHIPPED } from '../../viz/src/data/scenarios.js';
import { result } from './fixtures.js';

const file = (name: string, text: string | Uint8Array, path?: string): PickedFile => ({
  name,
  path,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

const r = result();
const series = timeseriesCsv(r);
const manifest = JSON.stringify({ phases: r.phaseSpans, metrics: r.metrics, scenario: r.scenario });
const runsCsv = ['run_id,point,replicate,seed,partyMembers.perBuilding.min,resilience.robustness', '0,0,0,a,1,0.5', '1,1,0,b,3,0.7'].join('\n');
/** A sweep's timeseries.csv: two runs one after the other. */
const sweepSeries = ['run_id,date,day,phase,q', '0,2020-01-10,0,normal,1', '0,2020-01-11,1,normal,1', '1,2020-01-10,0,normal,1', '1,2020-01-11,1,normal,0.9'].join('\n');

const EN_KEYS = ['invalidScenarioFile', 'loadBinary', 'loadBadJson', 'loadNoRows', 'loadBadCells', 'loadSweepSeries', 'loadSweepNoRuns', 'loadSweepNoFactor', 'loadSweepNoMeasure', 'loadPartOnly', 'loadUnknownCsv', 'loadUnknownFolder', 'loadUnknownFile', 'loadOneScenario'];

const refusal = (o: ReturnType<typeof openPicked>) => (o.kind === 'refused' ? o.problems[0].key : o.kind);

describe('openPicked: one loader that recognises what it was given', () => {
  it('opens a run folder as a run', () => {
    const o = openPicked([file('timeseries.csv', series, 'base/timeseries.csv'), file('summary.json', summaryJson(r), 'base/summary.json'), file('manifest.json', manifest, 'base/manifest.json')], SHIPPED);
    expect(o.kind).toBe('run');
    if (o.kind === 'run') {
      expect(o.run.label).toBe('base');
      expect(o.run.dates).toEqual(r.dates);
    }
  });

  it('opens a sweep folder as a sweep, not as one long curve', () => {
    const o = openPicked([file('runs.csv', runsCsv, 'sw/runs.csv'), file('timeseries.csv', sweepSeries, 'sw/timeseries.csv'), file('experiment.json', '{"spec":{},"masterSeed":1}', 'sw/experiment.json'),
      file('runs.parquet', new Uint8Array([80, 65, 82, 49, 0, 0, 1]), 'sw/runs.parquet')], SHIPPED);
    expect(o.kind).toBe('sweep');
  });

  it('refuses a sweep’s timeseries.csv on its own, as a run or as sweep results', () => {
    expect(refusal(openPicked([file('timeseries.csv', sweepSeries)], SHIPPED))).toBe('loadSweepSeries');
    expect(csvKind(sweepSeries)).toBe('sweepSeries');
    expect(csvKind(series)).toBe('timeseries');
    expect(csvKind(runsCsv)).toBe('runs');
  });

  it('opens a run’s timeseries.csv as a run even when picked where sweep results were expected', () => {
    expect(openPicked([file('timeseries.csv', series)], SHIPPED).kind).toBe('run');
  });

  it('refuses garbage with a message, never an empty card', () => {
    expect(refusal(openPicked([file('runs.csv', 'run_id,point,seed\n')], SHIPPED))).toBe('loadNoRows');
    expect(refusal(openPicked([file('runs.csv', 'run_id,point,seed,x\n0,0,a,1\n1,0,b,1\n')], SHIPPED))).toBe('loadSweepNoFactor');
    expect(refusal(openPicked([file('runs.csv', 'hello world\nthis is not a table\n')], SHIPPED))).toBe('loadUnknownCsv');
    expect(refusal(openPicked([file('timeseries.csv', 'date,q\n2020-01-10,abc\n')], SHIPPED))).toBe('loadBadCells');
    expect(refusal(openPicked([file('timeseries.csv', 'date,q\n')], SHIPPED))).toBe('loadNoRows');
  });

  it('refuses a binary file instead of reading it as text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(textOf(png)).toBeNull();
    expect(textOf(new Uint8Array([0xff, 0xfe, 0x41]))).toBeNull();
    expect(refusal(openPicked([file('picture.csv', png)], SHIPPED))).toBe('loadBinary');
    expect(refusal(openPicked([file('scenario.yaml', png)], SHIPPED))).toBe('loadBinary');
  });

  it('gives its own message for bad JSON, not the parser’s', () => {
    const o = openPicked([file('timeseries.csv', series), file('manifest.json', '{"phases": [')], SHIPPED);
    expect(refusal(o)).toBe('loadBadJson');
    expect(JSON.stringify(o)).not.toMatch(/Unexpected|position/);
  });

  it('opens a run folder whose summary has no lockdown measures (N street) with its summary', () => {
    const nStreet = JSON.stringify({ routing: { byYear: { 2017: { station: 0.35, grid: 0.58, escalated: 0.07, issues: 100 } } }, load: { byLayer: { street: 0.7 } } });
    const o = openPicked([file('timeseries.csv', series, 'ns/timeseries.csv'), file('summary.json', nStreet, 'ns/summary.json')], SHIPPED);
    expect(o.kind).toBe('run');
    if (o.kind === 'run') expect(o.run.summaries).toEqual([JSON.parse(nStreet)]);
    // Any other JSON object is not taken for a summary by its name alone.
    const other = openPicked([file('timeseries.csv', series), file('summary.json', '{"name":"x","modules":[]}')], SHIPPED);
    expect(other.kind === 'run' && other.run.summaries.filter(Boolean)).toEqual([]);
    expect(refusal(openPicked([file('summary.json', nStreet)], SHIPPED))).toBe('loadPartOnly');
  });

  it('recognises a manifest or summary alone and says what to open with it', () => {
    expect(refusal(openPicked([file('manifest.json', manifest)], SHIPPED))).toBe('loadPartOnly');
    expect(refusal(openPicked([file('summary.json', summaryJson(r))], SHIPPED))).toBe('loadPartOnly');
  });

  it('validates a scenario with the library’s parser: a valid one opens, an invalid one is refused with the CLI’s lines', () => {
    const good = openPicked([file('more.yaml', 'extends: lockdown-2020.yaml\nname: more\n')], SHIPPED);
    expect(good.kind).toBe('scenario');
    const bad = openPicked([file('bad.yaml', 'extends: lockdown-2020.yaml\nresidentsCommittee:\n  staffPer10000Residents: -3\n')], SHIPPED);
    expect(refusal(bad)).toBe('invalidScenarioFile');
    if (bad.kind === 'refused') expect(bad.problems[0].details?.join('\n')).toMatch(/bad\.yaml.*staffPer10000Residents/);
    expect(refusal(openPicked([file('notes.txt', 'hello')], SHIPPED))).toBe('loadUnknownFile');
    expect(refusal(openPicked([file('x.yaml', ': : :\n  - [')], SHIPPED))).toBe('invalidScenarioFile');
  });

  it('refuses a folder that is neither a run nor a sweep', () => {
    expect(refusal(openPicked([file('notes.md', '# hi', 'stuff/notes.md')], SHIPPED))).toBe('loadUnknownFolder');
  });

  it('has an English and a Chinese message for every refusal', async () => {
    const { setLang, t } = await import('../../viz/src/i18n.js');
    for (const key of EN_KEYS) {
      setLang('zh');
      const zh = t(key);
      setLang('en');
      expect(zh, key).not.toBe(t(key));
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
