/**
 * The epidemic's contact sink takes the reporters' batches (../../src/modules/contacts.ts) as the
 * meetings one by one: pick-ups into the day's pick-ups, or for a household kept at home a door
 * pair with its compound's organiser; with no confinement in force the batch at once.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { contactLog } from '../../src/modules/contacts.js';
import { organiserAtWork, sink } from '../../src/modules/epidemic/contacts.js';
import { entries } from '../../src/modules/epidemic/day-list.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

function worldAfter(days: number) {
  const sim = createSimulation(scenario(LOCKDOWN_EPIDEMIC, { 'community.compounds': 2 }), '1/0');
  for (let d = 0; d < days; d++) sim.step();
  return sim.world;
}

describe("the epidemic's contact sink", () => {
  it('takes a batch of pick-ups as the day’s pick-ups, and a household kept at home as a door pair', () => {
    const w = worldAfter(3);
    const own = w.state.epidemic;
    const batch = contactLog('pickup');
    const households = [5, 9, 12, 40, 41];
    households.forEach((h, i) => (batch.households[i] = h));
    batch.count = households.length;
    batch.names = ['selfOrganisation'];

    // No confinement in force today.
    own.pickups.count = 0;
    own.doors.count = 0;
    own.confinementsUntil = own.day;
    sink.report(w, batch);
    expect(Array.from(entries(own.pickups))).toEqual(households);
    expect(own.doors.count).toBe(0);

    // Household 12 quarantined to the end of today (the last day a confinement is in force): its
    // order is brought to the door by the organiser at work (or no one).
    own.pickups.count = 0;
    w.households.quarantinedUntil[12] = own.day + 1;
    own.confinementsUntil = own.day + 1;
    sink.report(w, batch);
    expect(Array.from(entries(own.pickups))).toEqual([5, 9, 40, 41]);
    expect(Array.from(entries(own.doors))).toEqual([12, organiserAtWork(w, w.households.compound[12])]);
  });

  it('takes outings at once, after those already reported today', () => {
    const w = worldAfter(2);
    const own = w.state.epidemic;
    own.outings.count = 0;
    const batch = contactLog('outing');
    for (let i = 0; i < 3; i++) batch.households[i] = 7 * i;
    batch.count = 3;
    sink.report(w, batch);
    batch.households[0] = 99;
    batch.count = 1;
    sink.report(w, batch);
    expect(Array.from(entries(own.outings))).toEqual([0, 7, 14, 99]);
  });
});
