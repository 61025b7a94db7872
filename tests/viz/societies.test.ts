import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { readerOver, SHIPPED } from '../../viz/src/data/scenarios.js';
import { modulesOff, parseWithout, SOCIETIES, societiesOf } from '../../viz/src/data/societies.js';
import { changesBetween, settingsOf } from '../../viz/src/data/teacher.js';
import { monitorsOn } from '../../viz/src/data/monitors.js';
import { emptyColumns, type RunData } from '../../viz/src/data/run-data.js';

const FIVE = 'five-society/five-society.yaml';
const load = (off: string[] = [], file = FIVE) => parseWithout(SHIPPED[file], file, readerOver(SHIPPED), {}, off).scenario;

describe('the five society switches', () => {
  it('are offered for the societies a scenario lists, and none in the Q model', () => {
    expect(Object.keys(societiesOf(load()))).toEqual(SOCIETIES.map((s) => s.id));
    expect(Object.keys(societiesOf(load([], 'five-society/three-society.yaml')))).toEqual(['socialWorkers', 'socialOrganisations']);
    expect(societiesOf(load([], 'q-community/lockdown-2020.yaml'))).toEqual({});
  });

  it('each removes its module (and its parameters) and the rest of the model still runs', () => {
    for (const so of SOCIETIES) {
      const s = load(modulesOff({ [so.id]: false }));
      expect(s.modules).not.toContain(so.module);
      expect(s.modules).toContain('communityCare');
      expect(s).not.toHaveProperty(so.module);
      const sim = createSimulation(s, 1);
      sim.run(30);
      expect(sim.day).toBe(30);
    }
  });

  it('a switch flipped is a change with its caption', () => {
    const base = settingsOf(load());
    const next = { ...base, societies: { ...base.societies, volunteerPool: false } };
    expect(changesBetween(base, next)).toEqual([{ kind: 'society', id: 'volunteerPool', key: 'capVolunteerPoolOff' }]);
  });
});

describe('the lesson monitors', () => {
  it('count households without food, pool volunteers, and money so far by source', () => {
    const metrics = ['q', 'poolSize', 'poolHours', 'moneyInGovernment', 'moneyInOnlineGiving'].map((name) => ({ name, unit: '', description: '' }));
    const cols = emptyColumns(metrics, 3);
    cols.q.set([1, 0.9, 0.8]);
    cols.poolSize.set([10, 11, 12]);
    cols.poolHours.set([2, 3, 40]);
    cols.moneyInGovernment.set([0, 1000, 0]);
    cols.moneyInOnlineGiving.set([0, 0, 500]);
    const run: RunData = { label: '', dates: ['a', 'b', 'c'], phases: [], phaseSpans: [], metrics, replicates: [cols], summaries: [] };
    expect(monitorsOn(run, 2, 1000)).toEqual({
      unfed: 200, households: 1000, volunteers: 12, volunteerHours: 40, moneyTotal: 1500,
      money: [{ channel: 'government', yuan: 1000 }, { channel: 'onlineGiving', yuan: 500 }],
    });
    const noSocieties: RunData = { ...run, metrics: metrics.slice(0, 1), replicates: [{ q: cols.q }] };
    expect(monitorsOn(noSocieties, 1, 1000)).toMatchObject({ unfed: 100, volunteers: null, money: null, moneyTotal: 0 });
  });
});
