/**
 * What the community view draws, taken from the model's own tables: where each household lives
 * (once per run) and, each day, whether its basic needs were met and, with the epidemic module,
 * the worst infection among its members. One byte per household per day, so a paced run posts a
 * few kilobytes a day.
 */
import type { Simulation } from '../../../src/engine/simulation.js';
import type { World } from '../../../src/model/index.js';
import { HOUSEHOLD_INFECTION, type CommunityLayout } from '../data/community.js';

/** The epidemic module's resident states (src/modules/epidemic/state.ts), read without importing the module. */
const EXPOSED = 1;
const ASYMPTOMATIC = 3;
const RECOVERED = 4;
const DEAD = 5;

export function layoutOf(sim: Simulation<World>): CommunityLayout {
  const w = sim.world;
  return {
    residents: w.residents.count,
    households: w.households.count,
    compounds: w.compounds.count,
    householdBuilding: Int32Array.from(w.households.building),
    buildingCompound: Int32Array.from(w.buildings.compound),
    epidemic: 'infection' in w.residents,
  };
}

/** The day's household states, as bytes: need met (0/1), and the household's infection code. */
export function householdDay(sim: Simulation<World>): { met: Uint8Array; infection: Uint8Array | null } {
  const w = sim.world;
  const met = Uint8Array.from(w.households.basicMet);
  const infectionOf = (w.residents as unknown as { infection?: Uint8Array }).infection;
  if (!infectionOf) return { met, infection: null };
  const infection = new Uint8Array(w.households.count);
  const home = w.residents.household;
  for (let r = 0; r < w.residents.count; r++) {
    const s = infectionOf[r];
    const code = s === DEAD ? HOUSEHOLD_INFECTION.death : s >= EXPOSED && s <= ASYMPTOMATIC ? HOUSEHOLD_INFECTION.infected : s === RECOVERED ? HOUSEHOLD_INFECTION.recovered : HOUSEHOLD_INFECTION.none;
    // The worst state in the household wins (the codes are ordered by how much a class should see them).
    if (code > infection[home[r]]) infection[home[r]] = code;
  }
  return { met, infection };
}
