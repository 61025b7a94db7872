/**
 * Crisis mobilisation (paper 003 五(一)1–2): once the directive has arrived, the residents'
 * committee's cadres go out — but one cadre reaches only a few households a day, drawn from the
 * whole community, some already reached. From each household reached, mobilisation spreads
 * through its building "from point to area" (party members and neighbours bring in the rest),
 * at a rate that grows with the share already mobilised. Latent self-organisations answer the
 * RC's call at a pace set by the trust built in normal times; those without it wait for a
 * coordination platform set up only once the crisis has begun. An active organisation brings in
 * its compound's households itself. Screening an arrival starts a home quarantine whose daily
 * checks take cadre time from reaching others.
 *
 * So cadres matter while few buildings have been reached; after that the neighbours' spread and
 * the organisations set the pace, which more staff cannot hurry: the saturation of 003.
 */
import type { ModuleProcess, Rng } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { GridParams } from './params.js';
import { cadresOn, type GridState } from './state.js';

const BY = { cadre: 0, neighbour: 1, organisation: 2 } as const;

function mobilise(world: CommunityWorld, st: GridState, s: GridParams, h: number, day: number, by: number) {
  st.mobilisedDay[h] = day;
  st.mobilisedInBuilding[world.households.building[h]]++;
  st.mobilised++;
  if (by === BY.cadre) st.byCadres++;
  else if (by === BY.neighbour) st.byNeighbours++;
  else st.bySelfOrganisations++;
  if (st.arrival[h]) {
    st.arrivalsScreened++;
    st.screeningDays += day - st.onsetDay;
    st.quarantineEnds.push(day + s.crisis.quarantineDays);
  }
}

/**
 * The neighbours' and the organisations' reach today, building by building (a building's
 * households are consecutive, buildings in household order, so households are drawn for in the
 * same order as a walk over every household): each household not yet mobilised in a building
 * that neighbours (`spread`) or its compound's active organisation reach draws once. A building
 * whose households are all mobilised, or that nothing reaches today, is passed over whole — once
 * most of the community is mobilised, most buildings are. A function of its own, so its loop's
 * optimised code is not dropped with the step's.
 */
function spreadInBuildings(world: CommunityWorld, st: GridState, s: GridParams, rng: Rng, day: number, spread: Float64Array, activeDay: Int32Array, orgReach: number): void {
  const B = world.buildings;
  const { mobilisedDay, mobilisedInBuilding } = st;
  for (let b = 0; b < B.count; b++) {
    if (mobilisedInBuilding[b] >= B.households[b]) continue;
    const p = spread[b];
    const c = B.compound[b];
    const org = activeDay[c] >= 0 && activeDay[c] < day ? orgReach : 0;
    if (p === 0 && org === 0) continue;
    const end = B.firstHousehold[b] + B.households[b];
    for (let h = B.firstHousehold[b]; h < end; h++) {
      if (mobilisedDay[h] >= 0) continue;
      const u = rng();
      if (u < org) mobilise(world, st, s, h, day, BY.organisation);
      else if (u < 1 - (1 - org) * (1 - p)) mobilise(world, st, s, h, day, BY.neighbour);
    }
  }
}

/** Latent self-organisations answer the RC's call (by trust) or the late platform's. */
export const gridActivation: ModuleProcess<CommunityWorld, GridState> = {
  name: 'gridActivation',
  slot: 'afternoon',
  step(world, st, ctx) {
    if (st.firstArrival < 0 || ctx.day < st.firstArrival) return;
    const s = (world.scenario.gridMobilisation as GridParams).selfOrganisations;
    const platform = ctx.day >= st.firstArrival + s.platformSetupDays ? s.platformRatePerDay : 0;
    for (let c = 0; c < st.latent.length; c++) {
      if (!st.latent[c] || st.activeDay[c] >= 0) continue;
      const answer = 1 - (1 - s.callRatePerDay * st.trust[c]) * (1 - platform);
      if (ctx.rng() < answer) st.activeDay[c] = ctx.day;
    }
  },
};

/**
 * At the onset, read what the normal period left: the cadre hours the community workers' drain
 * leaves (governanceLoad) and how far each compound's residents trust those who bring them in
 * (partyNetwork's engagement). Frozen then: the crisis starts from the community as it is.
 */
function readOnset(world: CommunityWorld, st: GridState, provided: <T>(key: string) => readonly T[]) {
  st.linked = true;
  for (const share of provided<(w: CommunityWorld) => number>('gridMobilisation.staffShare')) st.staffShare *= Math.max(0, share(world));
  const factors = provided<(w: CommunityWorld, c: number) => number>('gridMobilisation.neighbourRate');
  for (let c = 0; c < st.neighbourFactor.length; c++) for (const f of factors) st.neighbourFactor[c] *= Math.max(0, f(world, c));
}

export const gridMobilisation: ModuleProcess<CommunityWorld, GridState> = {
  name: 'gridMobilisation',
  slot: 'afternoon',
  order: 5,
  step(world, st, ctx) {
    if (!st.linked && ctx.day >= st.onsetDay) readOnset(world, st, ctx.provided);
    if (st.firstArrival < 0 || ctx.day < st.firstArrival) return;
    const s = world.scenario.gridMobilisation as GridParams;
    const rng: Rng = ctx.rng;
    const H = world.households;
    const B = world.buildings;
    const mobilisedDay = st.mobilisedDay;
    const nHouseholds = H.count;
    // Home quarantines take cadre time every day they last, whether or not anyone is left to reach.
    st.quarantineEnds = st.quarantineEnds.filter((end) => end > ctx.day);
    const quarantineHours = (st.quarantineEnds.length * s.crisis.quarantineMinutesPerDay) / 60;
    st.quarantineHours += quarantineHours;
    if (st.mobilised < nHouseholds) {
      // Today's chances from this morning's state, so the order of households does not matter.
      const inBuilding = st.mobilisedInBuilding;
      const spread = new Float64Array(B.count);
      const factor = st.neighbourFactor;
      const buildingCompound = B.compound;
      for (let b = 0; b < B.count; b++) spread[b] = B.households[b] ? 1 - Math.exp((-s.crisis.neighbourRate * factor[buildingCompound[b]] * inBuilding[b]) / B.households[b]) : 0;
      const orgReach = s.selfOrganisations.reachPerDay;
      const activeDay = st.activeDay;

      // Cadres: the hours home quarantines leave, a few households an hour's worth each. The
      // community's own staff bring only the share of hours their normal-period drain left;
      // cadres sent from outside were not drained.
      const cadres = cadresOn(st, ctx.day) - st.staff * (1 - st.staffShare);
      const hours = Math.max(0, cadres * s.staffHoursPerDay - quarantineHours);
      const expected = s.staffHoursPerDay > 0 ? (hours / s.staffHoursPerDay) * s.crisis.contactsPerCadrePerDay : 0;
      const contacts = Math.floor(expected) + (rng() < expected - Math.floor(expected) ? 1 : 0);
      for (let k = 0; k < contacts; k++) {
        const h = Math.floor(rng() * nHouseholds);
        if (mobilisedDay[h] < 0) mobilise(world, st, s, h, ctx.day, BY.cadre);
      }

      spreadInBuildings(world, st, s, rng, ctx.day, spread, activeDay, orgReach);
    }
    if (st.recoveryDays < 0 && st.mobilised >= s.recoveryShare * nHouseholds) st.recoveryDays = ctx.day - st.onsetDay;
  },
};
