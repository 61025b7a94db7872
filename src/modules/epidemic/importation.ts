/**
 * Importation (paper 003: 64,172 arrivals from outside the province screened in Dalian): each
 * day of the arrival window a number of people arrive, of whom a share is infected; screening
 * finds some, who are quarantined away from the community; each one missed is a returning
 * resident, a random resident infected on arrival (if still susceptible).
 */
import { poisson, type ModuleProcess, type Rng } from '../../engine/index.js';
import { infect } from './course.js';
import { LAYER, type EpidemicState, type EpidemicWorld } from './state.js';

export const importation: ModuleProcess<EpidemicWorld, EpidemicState> = {
  name: 'importation',
  slot: 'dawn',
  order: 1,
  step(world, own, ctx) {
    const imp = world.scenario.epidemic.importation;
    if (imp.arrivalsPerDay <= 0 || imp.infectedShare <= 0) return;
    if ((imp.from !== null && ctx.date < imp.from) || (imp.until !== null && ctx.date > imp.until)) return;
    const rng = ctx.rng;
    const infected = poisson(rng, imp.arrivalsPerDay * imp.infectedShare);
    for (let i = 0; i < infected; i++) {
      if (rng() < imp.screeningSensitivity) {
        own.caughtAtArrival++;
        continue;
      }
      const r = Math.floor(rng() * world.residents.count);
      if (infect(world, own, r, ctx.day + rng(), LAYER.imported, rng)) {
        own.imported++;
        world.today.importedInfections++;
      }
    }
  },
};

/** The scenario's initial infections, on the first day: random residents, infected at time 0. */
export const seeding: ModuleProcess<EpidemicWorld, EpidemicState> = {
  name: 'epidemicSeeds',
  slot: 'dawn',
  order: 2,
  step(world, own, ctx) {
    if (own.seeded) return;
    own.seeded = true;
    seed(world, own, world.scenario.epidemic.initialInfections, ctx.day, ctx.rng);
  },
};

/** Infects `n` distinct susceptible residents at random (fewer if fewer are left). */
export function seed(world: EpidemicWorld, own: EpidemicState, n: number, day: number, rng: Rng): number {
  let done = 0;
  for (let tries = 0; done < n && tries < 20 * n + 100; tries++) {
    const r = Math.floor(rng() * world.residents.count);
    if (infect(world, own, r, day, LAYER.seed, rng)) done++;
  }
  return done;
}
