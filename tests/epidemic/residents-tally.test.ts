/**
 * The epidemic's start-up lists and counts (residentsTally in src/modules/epidemic/index.ts, one
 * pass over the residents since part 16ae fused five walks into it), pinned to their definitions
 * by a plain walk per definition, independent of the kernel (and of its assumption that residents
 * are laid out building by building, compound by compound):
 * - each building's party carriers: its in-service party members, in resident order, the first
 *   `doubleReporters[b]` of them;
 * - each compound's volunteers: its volunteers, in resident order, but for those already party
 *   carriers;
 * - RC staff: min(rcStaff, adults with neither role) of them, the (i + ½)·A/n-th of those A adults;
 * - residents by age, building and compound; each household's first resident and contact person
 *   (its first adult, else its first member); the mean infectiousness.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { AGE, PARTY } from '../../src/modules/community/index.js';
import { AGE_NAMES, ROLE, STATE } from '../../src/modules/epidemic/index.js';
import { rcStaff } from '../../src/modules/residents-committee/index.js';
import { LOCKDOWN_EPIDEMIC, scenario } from './helpers.js';

/** The CSR lists as one list per unit. */
const units = (start: Int32Array, list: Int32Array, n: number) => Array.from({ length: n }, (_, u) => Array.from(list.subarray(start[u], start[u + 1])));

describe.each([
  ['4 compounds, seed 1/0', 4, '1/0'],
  ['5 compounds, seed 7/0', 5, '7/0'],
])('the epidemic’s residents tally (%s)', (_name, compounds, seed) => {
  it('gives carriers, staff and counts as their definitions do', () => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { 'community.compounds': compounds });
    const w = createSimulation(s, seed).world;
    const own = w.state.epidemic;
    const R = w.residents;
    const hh = w.households;
    const nb = w.buildings.count;
    const nc = w.compounds.count;
    const residents = Array.from({ length: R.count }, (_, r) => r);
    const buildingOf = (r: number) => hh.building[R.household[r]];
    const compoundOf = (r: number) => hh.compound[R.household[r]];

    // Party carriers, building by building.
    const party = Array.from({ length: nb }, (_, b) =>
      residents.filter((r) => buildingOf(r) === b && R.party[r] === PARTY.inService).slice(0, w.buildings.doubleReporters[b]),
    );
    expect(own.partyStart.length).toBe(nb + 1);
    expect(units(own.partyStart, own.partyList, nb)).toEqual(party);
    const carriers = new Set(party.flat());

    // Volunteers, compound by compound, but for the party carriers.
    const volunteers = Array.from({ length: nc }, (_, c) => residents.filter((r) => compoundOf(r) === c && R.volunteer[r] === 1 && !carriers.has(r)));
    expect(own.volunteerStart.length).toBe(nc + 1);
    expect(units(own.volunteerStart, own.volunteerList, nc)).toEqual(volunteers);
    const volunteering = new Set(volunteers.flat());

    // RC staff among the adults with neither role.
    const free = residents.filter((r) => R.age[r] === AGE.adult && !carriers.has(r) && !volunteering.has(r));
    const n = Math.min(rcStaff(w), free.length);
    expect(n).toBeGreaterThan(0);
    expect(Array.from(own.staff)).toEqual(Array.from({ length: n }, (_, i) => free[Math.floor(((i + 0.5) * free.length) / n)]));

    // Each one's role, as the lists say.
    for (const r of carriers) expect(R.role[r]).toBe(ROLE.partyCarrier);
    for (const r of volunteering) expect(R.role[r]).toBe(ROLE.volunteer);
    for (const r of own.staff) expect(R.role[r]).toBe(ROLE.rcStaff);

    // Residents by age (everyone susceptible), by building and by compound.
    const byAge = [AGE.child, AGE.adult, AGE.elderly].map((a) => residents.filter((r) => R.age[r] === a).length);
    expect(Array.from(own.population)).toEqual(byAge);
    const counts = new Array(3 * 6).fill(0);
    byAge.forEach((k, a) => (counts[STATE.susceptible * 3 + a] = k));
    expect(Array.from(own.counts)).toEqual(counts);
    expect(Array.from(own.buildingResidents)).toEqual(Array.from({ length: nb }, (_, b) => residents.filter((r) => buildingOf(r) === b).length));
    expect(Array.from(own.compoundResidents)).toEqual(Array.from({ length: nc }, (_, c) => residents.filter((r) => compoundOf(r) === c).length));

    // Each household's first resident and contact person.
    const members = Array.from({ length: hh.count }, () => [] as number[]);
    for (const r of residents) members[R.household[r]].push(r);
    expect(Array.from(own.firstResident)).toEqual(members.map((m) => (m.length > 0 ? m[0] : -1)));
    expect(Array.from(own.contactPerson)).toEqual(members.map((m) => m.find((r) => R.age[r] === AGE.adult) ?? (m.length > 0 ? m[0] : -1)));

    // Mean infectiousness: an asymptomatic-branch infection is less infectious, by age.
    const e = s.epidemic.course;
    const relative = AGE_NAMES.map((a) => 1 - e.asymptomaticShare[a] * (1 - e.asymptomaticInfectiousness));
    expect(own.meanInfectiousness).toBeCloseTo(byAge.reduce((sum, k, a) => sum + k * relative[a], 0) / R.count, 12);

    // The world gives the definitions work to do: some building has more in-service members than
    // it takes, some carrier volunteers too (so is not among the volunteers), and some household
    // has a child or elderly member before its first adult.
    expect(party.some((list, b) => residents.some((r) => buildingOf(r) === b && R.party[r] === PARTY.inService && !list.includes(r)))).toBe(true);
    expect([...carriers].some((r) => R.volunteer[r] === 1)).toBe(true);
    expect(members.some((m) => m.length > 0 && R.age[m[0]] !== AGE.adult && m.some((r) => R.age[r] === AGE.adult))).toBe(true);
  });
});
