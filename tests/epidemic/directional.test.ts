/**
 * Directional effects of the epidemic's coupling to daily life, each from its mechanism, and gone
 * when the mechanism is switched off (Q community with the epidemic, 3 compounds, 20 infections on
 * the first day, no importation, means over 3 seeds):
 *
 * - closing a case's building keeps its households at home: fewer infections, more unmet need;
 *   a closure of 0 days is exactly no closure;
 * - door-to-door delivery by a few party members concentrates infections in them; with full
 *   protection at the door there are no door infections and the concentration shrinks;
 * - those on duty at the gate infect through the work layer, and not when they meet no one.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { RESIDENT_GROUPS } from '../../src/modules/community/index.js';
import { rcPosts } from '../../src/modules/residents-committee/index.js';
import { mean } from '../helpers.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

const BASE = {
  'community.compounds': 3,
  'epidemic.initialInfections': 20,
  'epidemic.importation.arrivalsPerDay': 0,
  // Only the mechanism under test responds to a case.
  'epidemic.response.isolateCases': false,
  'epidemic.response.quarantineDays': 0,
  'epidemic.response.tracingHours': 0,
};
const SEEDS = [1, 2, 3];
const runs = (overrides: Record<string, unknown>): RunResult[] => {
  const s = scenario(LOCKDOWN_EPIDEMIC, { ...BASE, ...overrides });
  return SEEDS.map((seed) => runScenario(s, { seed }));
};
const attackRate = (r: RunResult) => r.summary.epidemic.attackRate as number;
/** Days with basic needs unmet, per resident. */
const unmetNeedDays = (r: RunResult) =>
  RESIDENT_GROUPS.reduce((n, g) => n + r.summary.groups[g].unmetNeedDays * r.summary.groups[g].residents, 0) / r.summary.population.residents;

describe('closure after detection', () => {
  const closed = runs({ 'epidemic.response.closure': 'building' });
  const open = runs({ 'epidemic.response.closure': 'none' });

  it('lowers the attack rate and raises unmet need', () => {
    const a = { closed: mean(closed.map(attackRate)), open: mean(open.map(attackRate)) };
    const u = { closed: mean(closed.map(unmetNeedDays)), open: mean(open.map(unmetNeedDays)) };
    console.log(`closure: attack rate ${a.closed.toFixed(3)} vs ${a.open.toFixed(3)} without; unmet need-days per resident ${u.closed.toFixed(2)} vs ${u.open.toFixed(2)}`);
    expect(a.closed).toBeLessThan(a.open * 0.5);
    expect(u.closed).toBeGreaterThan(u.open + 3);
    for (const r of closed) expect(r.summary.epidemic.confinedDaysPerHousehold).toBeGreaterThan(0);
  });

  it('a closure of 0 days changes nothing', () => {
    const zero = runs({ 'epidemic.response.closure': 'building', 'epidemic.response.closureDays': 0 });
    zero.forEach((r, i) => expect(r.summary).toEqual(open[i].summary));
  });
}, 30_000);

describe('door-to-door delivery by party members', () => {
  // A big outbreak through the later regime, door contacts risky, no other work exposure.
  const doors = { 'epidemic.response.closure': 'none', 'epidemic.transmission.work.contactsPerDay': 0, 'epidemic.transmission.doors.transmissionProbability': 0.3 };
  const carrierRate = (r: RunResult) => r.summary.epidemic.partyCarriers.infected / r.summary.epidemic.partyCarriers.residents;

  it('concentrates infections in the carriers unless they are protected', () => {
    const bare = runs({ ...doors, 'epidemic.transmission.doors.carrierProtection': 0 });
    const masked = runs({ ...doors, 'epidemic.transmission.doors.carrierProtection': 1 });
    const excess = (rs: RunResult[]) => mean(rs.map((r) => carrierRate(r) - attackRate(r)));
    console.log(`carriers: attack rate ${mean(bare.map(carrierRate)).toFixed(3)} vs residents ${mean(bare.map(attackRate)).toFixed(3)} unprotected; ${mean(masked.map(carrierRate)).toFixed(3)} vs ${mean(masked.map(attackRate)).toFixed(3)} protected`);
    expect(excess(bare)).toBeGreaterThan(0.15);
    for (const r of bare) expect(r.summary.epidemic.infectionsByLayer.door).toBeGreaterThan(0);
    for (const r of masked) expect(r.summary.epidemic.infectionsByLayer.door).toBe(0);
    expect(excess(masked)).toBeLessThan(excess(bare) - 0.1);
  });
}, 30_000);

describe('the work layer', () => {
  // Those on duty at the gate (RC staff, carriers on carrying days) meet the community there: their
  // infections are the work layer's, drawn by skips through those on duty (issue 16, part 16z).
  it('infects through the gate when staff meet many, and not at all when they meet no one', () => {
    const gate = { 'epidemic.response.closure': 'none', 'epidemic.transmission.work.transmissionProbability': 0.2 };
    const busy = runs({ ...gate, 'epidemic.transmission.work.contactsPerDay': 400 });
    const shut = runs({ ...gate, 'epidemic.transmission.work.contactsPerDay': 0 });
    const work = (r: RunResult) => r.summary.epidemic.infectionsByLayer.work as number;
    console.log(`work-layer infections: ${busy.map(work).join(', ')} with 400 contacts a day at the gate; ${shut.map(work).join(', ')} with none`);
    for (const r of busy) expect(work(r)).toBeGreaterThan(0);
    for (const r of shut) expect(work(r)).toBe(0);
  });
}, 30_000);

describe('helpers who fall ill', () => {
  it('stop working: party members off sick carry nothing, and RC staff hours shrink', async () => {
    const { createSimulation } = await import('../../src/model/index.js');
    // Staff meet many people at the gate here, so that some fall ill in a short run (400 a day
    // since issue 11's budgets changed the outing contacts: 200 left no staff ill on this seed).
    // Whether any of the few RC staff falls ill in a run is a matter of luck (with issue 16 part n's
    // draws, 3 of seeds 1/0–12/0 had staff off, with the draws before 6 of them; in both the law of
    // a night's infections is the same), so runs are made, seed after seed, until both have been
    // seen, and the checks hold on every day of every run.
    const s = scenario(LOCKDOWN_EPIDEMIC, { ...BASE, 'epidemic.response.closure': 'none', 'epidemic.response.quarantineDays': 14, 'epidemic.transmission.work.contactsPerDay': 400 });
    let absentBuildingDays = 0;
    let absentStaffDays = 0;
    for (let seed = 1; seed <= 12 && (absentBuildingDays === 0 || absentStaffDays === 0); seed++) {
      const sim = createSimulation(s, `${seed}/0`);
      const w = sim.world;
      const own = w.state.epidemic;
      while (!sim.done) {
        sim.step();
        const party = w.state.partyMembers;
        for (let b = 0; b < w.buildings.count; b++) {
          if (party.deliveries[b] === 0 && own.partyAbsent[b] === 0) continue;
          const working = Math.max(0, w.buildings.doubleReporters[b] - own.partyAbsent[b]);
          expect(party.deliveries[b]).toBeLessThanOrEqual(working * s.partyMembers.carryingHours * s.lastMile.deliveriesPerHour);
          if (own.partyAbsent[b] > 0 && party.deliveries[b] < w.buildings.doubleReporters[b] * s.partyMembers.carryingHours * s.lastMile.deliveriesPerHour) absentBuildingDays++;
        }
        if (own.staffAbsent > 0) {
          absentStaffDays++;
          // The RC works its posts' hours (not rounded); each staff member off sick takes a whole post's.
          expect(w.state.residentsCommittee.hoursAvailable).toBeCloseTo(Math.max(0, rcPosts(w) - own.staffAbsent) * s.residentsCommittee.hoursPerDay, 9);
        }
      }
    }
    console.log(`ill helpers: ${absentBuildingDays} building-days with party members off sick, ${absentStaffDays} days with RC staff off`);
    expect(absentBuildingDays).toBeGreaterThan(0);
    expect(absentStaffDays).toBeGreaterThan(0);
  });
});
