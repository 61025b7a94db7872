/**
 * What the dawn's response keeps from day to day, against the rule it stands for, every day of a
 * run: the households kept at home (counted from the lists of quarantined households, closed
 * buildings and closed compounds, issue 16 part s) are those `confinedOn` says, each once, with
 * one day of confinement each; and the helpers off work in each unit (counted from the dead helpers,
 * the active cases and the quarantined households' members, absences.ts) are those `offWork` says.
 * Short quarantines and closures, so that places are confined again on the day theirs ends, and
 * a household can be quarantined inside a closed building or compound. The closed buildings and
 * compounds the daily metrics count (from the same lists) are those `closedUntil` says.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { offWork } from '../../src/modules/epidemic/absences.js';
import { confinedOn, letOut } from '../../src/modules/epidemic/response.js';
import { LOCKDOWN_EPIDEMIC, scenario, SHORT_CONFINEMENTS } from './helpers.js';

const BASE = {
  ...SHORT_CONFINEMENTS,
  'epidemic.transmission.work.contactsPerDay': 200,
  // Deadlier than the shipped rates, so that some helpers die in the run (off work for good).
  'epidemic.course.fatalityShare.adult': 0.5,
  'epidemic.course.fatalityShare.elderly': 0.5,
};

describe.each(['none', 'building', 'compound'])('confinement with closure %s', (closure) => {
  it('counts each household kept at home once a day, and each unit’s helpers off work', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { ...BASE, 'epidemic.response.closure': closure });
    const sim = createSimulation(s, '1/0');
    const w = sim.world;
    const own = w.state.epidemic;
    const days = new Int32Array(w.households.count);
    let confinedHouseholdDays = 0;
    let absentDays = 0;
    let closedPlaceDays = 0;
    while (!sim.done) {
      sim.step();
      let n = 0;
      for (let h = 0; h < w.households.count; h++) {
        if (!confinedOn(w, h, own.day)) continue;
        days[h]++;
        n++;
      }
      expect(w.today.householdsConfined).toBe(n);
      // Outings' list of those who would go out, struck off the confined in one pass: every
      // second household, in order, as the rule says.
      const listed = Int32Array.from({ length: Math.ceil(w.households.count / 2) }, (_, i) => 2 * i);
      const free = Array.from(listed).filter((h) => !confinedOn(w, h, own.day));
      expect(Array.from(listed.subarray(0, letOut(w, own, listed, listed.length)))).toEqual(free);
      // The day's closed places, which the metrics count from the lists.
      const closed = (until: Int32Array) => until.filter((d) => d > own.day).length;
      expect(sim.columns.buildingsClosed[own.day]).toBe(closed(w.buildings.closedUntil));
      expect(sim.columns.compoundsClosed[own.day]).toBe(closed(w.compounds.closedUntil));
      closedPlaceDays += closed(w.buildings.closedUntil) + closed(w.compounds.closedUntil);
      confinedHouseholdDays += n;
      const absent = (start: Int32Array, list: Int32Array, u: number) => {
        let k = 0;
        for (let i = start[u]; i < start[u + 1]; i++) if (offWork(w, list[i], own.day)) k++;
        return k;
      };
      for (let b = 0; b < w.buildings.count; b++) expect(own.partyAbsent[b]).toBe(absent(own.partyStart, own.partyList, b));
      for (let c = 0; c < w.compounds.count; c++) expect(own.volunteerAbsent[c]).toBe(absent(own.volunteerStart, own.volunteerList, c));
      expect(own.staffAbsent).toBe(own.staff.filter((r) => offWork(w, r, own.day)).length);
      // Each helper's mark, by place in its list, which the carriers' turns read.
      const marks = (list: Int32Array) => Array.from(list, (r) => (offWork(w, r, own.day) ? 1 : 0));
      expect(Array.from(own.partyOff)).toEqual(marks(own.partyList));
      expect(Array.from(own.volunteerOff)).toEqual(marks(own.volunteerList));
      expect(Array.from(own.staffOff)).toEqual(marks(own.staff));
      absentDays += own.staffAbsent + own.partyAbsent.reduce((a, b) => a + b, 0) + own.volunteerAbsent.reduce((a, b) => a + b, 0);
    }
    expect(Array.from(w.households.confinedDays)).toEqual(Array.from(days));
    // The run did confine households and keep helpers off work, so the checks above had work to do.
    expect(confinedHouseholdDays).toBeGreaterThan(0);
    expect(absentDays).toBeGreaterThan(0);
    if (closure !== 'none') expect(closedPlaceDays).toBeGreaterThan(0);
    expect(own.goneHelpers.length).toBeGreaterThan(0);
  });
});
