/** The N-street modules write exactly the measures they declare (years as `<year>`), and docs/metrics.md documents each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/experiment/measures.js';
import { createSimulation } from '../../src/model/index.js';
import { governanceLoad, issueRouting, mutualAid, partyNetwork } from '../../src/modules/index.js';
import { ROOT } from '../helpers.js';
import { nStreet } from './helpers.js';

describe('N-street measures', () => {
  const scenario = nStreet({ 'calendar.start': '2016-06-01', 'calendar.end': '2017-06-30', events: [] });
  const sim = createSimulation(scenario, 'measures').run();
  const run = { columns: sim.columns, calendar: sim.calendar, timeline: sim.timeline };

  it('are written as declared, in order, with years as <year>', () => {
    for (const m of [mutualAid, issueRouting, partyNetwork, governanceLoad]) {
      const keys = Object.keys(flatten(m.measures!.summarise(sim.world as never, sim.world.state[m.name], run))).map((k) => k.replace(/\.\d{4}(?=\.|$)/, '.<year>'));
      expect([...new Set(keys)].sort(), m.name).toEqual([...m.measures!.names].sort());
    }
  });

  it('are each documented in docs/metrics.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/metrics.md'), 'utf8');
    for (const name of [mutualAid, issueRouting, partyNetwork, governanceLoad].flatMap((m) => m.measures!.names)) {
      const [head, ...rest] = name.split('.');
      const last = rest[rest.length - 1];
      expect(doc, name).toContain(`\`${head}.`);
      expect(doc, name).toMatch(new RegExp(`\`[^\`]*${last.replace(/[<>]/g, '.')}`));
    }
  });
});
