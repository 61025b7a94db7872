/**
 * Transmission, each night, from what happened during the day. A case is infectious over
 * [infectiousAt, removedAt); its infectiousness on day t is the overlap of that interval with
 * [t, t+1) (× the asymptomatic factor), so the continuous-time SEIR is integrated exactly for
 * piecewise-constant forces of infection. A susceptible resident j is infected on day t with
 * probability 1 − exp(−λ_j), infected at a uniform time within the day, with
 *
 *   wellMixed   λ = β · F / N,                 β = R0 / (D · mean relative infectiousness)
 *   layered     λ = β_hh · F_household(j)                          household (all members, isolated or not)
 *               + c_b · p_b · F_building(j) / N_b                  building, if j is not kept at home
 *               + c_c · p_c · F_compound(j) / N_c · closure factor  compound, likewise
 *               + n_out · p_out · F_shoppers / shoppers             community: j shopped on an outing today
 *               + p_door · (1 − protection) · F_other               door: j met a carrier or visitor at the door (or, carrying, a household)
 *               + n_pick · p_pick · F_pickers(c) / pickers(c)        pickup: j collected a group-buy order at compound c's pick-up point
 *               + p_door · (1 − protection) · F_other               pickup: the hand-over between j and the organiser there
 *               + c_w · p_w · F_free / N                           work: j is RC staff on duty or a carrier who carried today
 *
 * where F sums the day's infectiousness of the cases in that place who are not isolated (and,
 * outside the household, not quarantined), and β_hh = k((1 − SAR)^(−1/k) − 1)/D makes the chance
 * that a symptomatic case with an Erlang(k) infectious time D infects a household member equal
 * to the household secondary attack rate. The layer of an infection is drawn in proportion to
 * the layers' hazards; within the household the infector is drawn in proportion to infectiousness.
 * The layered pass draws layer by layer, only where a layer has any hazard (see `layered`): the
 * same chance for each resident, with draws in proportion to infections rather than residents.
 */
import { failuresBefore, grown, type ModuleProcess, type Rng } from '../../engine/index.js';
import { infect, infectiousness } from './course.js';
import { organiserAtWork } from './contacts.js';
import { add as append, dayList, entries, type DayList } from './day-list.js';
import { LAYER, STATE, type EpidemicState, type EpidemicWorld } from './state.js';
import type { EpidemicParams } from './params.js';

/** Household transmission rate per unit of infectiousness that gives the secondary attack rate. */
export function householdRate(e: EpidemicParams): number {
  const k = e.course.durationShape;
  const sar = Math.min(e.transmission.householdSecondaryAttackRate, 1 - 1e-12);
  return (k * ((1 - sar) ** (-1 / k) - 1)) / e.course.infectiousDays;
}

/** Working arrays, reused between days (not state: zeroed each night). */
const scratch = {
  size: [0, 0, 0, 0], household: new Float64Array(0), building: new Float64Array(0), compound: new Float64Array(0),
  /**
   * The day's hazards from meetings outside the household (community, doors, pick-ups, work), one
   * entry per resident met, chained per household: `metFirst[h]` is 1 + its first entry (0 none),
   * `metNext[i]` 1 + the next. Entries for the few residents who met anyone, not a column per
   * resident: at 10M residents two per-resident columns took 9 bytes a resident.
   */
  metFirst: new Int32Array(0), metCount: 0, metResident: new Int32Array(0), metNext: new Int32Array(0), metHazard: new Float64Array(0), metLayer: new Uint8Array(0),
  /**
   * The community layer: the hazard of one outing today, and per household its outings today
   * (cleared after use), so a shopper's community hazard is `shopped[h]` × `community`.
   */
  community: 0, shopped: new Uint8Array(0), outings: [] as ArrayLike<number>, contactPerson: new Int32Array(0) as Int32Array,
  /** Per resident: on duty at the gate today (the work layer), cleared after use. */
  onDuty: new Uint8Array(0),
  /**
   * The work layer: the hazard of a day on duty at the gate, and the residents on duty today, each
   * once (marked in `onDuty`), for the night's pass to skip through as through the outings.
   */
  work: 0, atWork: dayList(),
  /** Tonight's doors where anyone is not susceptible (place of the pair), and the day's carriers, each once. */
  notedDoors: dayList(), carriers: dayList(),
  /** Per building: its building and compound layers' hazards for a resident not kept at home. */
  lb: new Float64Array(0), lc: new Float64Array(0),
  /** Households with infectiousness at home tonight (`household` > 0), each once: the household layer's places. */
  homes: new Int32Array(0), homeCount: 0,
  /** Residents hit tonight by at least one layer (a resident may appear more than once), in a reused buffer. */
  hits: new Int32Array(0), hitCount: 0,
  /** Per building: its first resident (residents are numbered building by building), and the count of residents at the end. */
  buildingStart: new Int32Array(0),
};
function arrays(world: EpidemicWorld) {
  const want = [world.households.count, world.buildings.count, world.compounds.count, world.residents.count];
  if (want.some((n, i) => n !== scratch.size[i])) {
    scratch.size = want;
    scratch.household = new Float64Array(want[0]);
    scratch.building = new Float64Array(want[1]);
    scratch.compound = new Float64Array(want[2]);
    scratch.metFirst = new Int32Array(want[0]);
    scratch.onDuty = new Uint8Array(want[3]);
    scratch.shopped = new Uint8Array(want[0]);
    scratch.lb = new Float64Array(want[1]);
    scratch.lc = new Float64Array(want[1]);
    scratch.buildingStart = new Int32Array(want[1] + 1);
  } else {
    // Last night's households with infectiousness at home are the only ones not 0 (see `home`).
    for (let k = 0; k < scratch.homeCount; k++) scratch.household[scratch.homes[k]] = 0;
    scratch.building.fill(0);
    scratch.compound.fill(0);
  }
  scratch.homeCount = 0;
  return scratch;
}

/**
 * Resident r's infectiousness during day t (0 when not infectious then). A resident infected by
 * transmission during day t − 1 was not yet infected when that night's forces were computed, so
 * whatever infectiousness it had before t (a short latent time) counts on day t: transmission
 * from it is delayed by under a day instead of lost, which keeps R0 and the growth rate exact.
 */
export function infectiousnessOn(world: EpidemicWorld, r: number, t: number): number {
  const R = world.residents;
  if (R.infection[r] === STATE.susceptible) return 0;
  const { cases } = world.state.epidemic as EpidemicState;
  const i = R.caseNo[r] - 1;
  const from = R.layer[r] >= LAYER.household && Math.floor(cases.infectedAt[i]) === t - 1 ? t - 1 : t;
  const overlap = Math.min(cases.removedAt[i], t + 1) - Math.max(cases.infectiousAt[i], from);
  return overlap > 0 ? overlap * infectiousness(world, r) : 0;
}

export const transmission: ModuleProcess<EpidemicWorld, EpidemicState> = {
  name: 'transmission',
  slot: 'night',
  step(world, own, ctx) {
    const e = world.scenario.epidemic;
    const t = ctx.day;
    const rng = ctx.rng;
    const R = world.residents;
    const hh = world.households;
    const N = R.count;
    const a = arrays(world);
    const outings = entries(own.outings);
    const doors = entries(own.doors);

    // The day's infectiousness, by place.
    const sums = placeForces(world, own.active, t, a);
    const total = sums[0];
    const free = sums[1];
    if (total === 0) return;

    const add = (r: number, hazard: number, layer: number) => {
      if (hazard <= 0 || R.infection[r] !== STATE.susceptible) return;
      const h = R.household[r];
      const i = metEntry(a, h, r);
      // The larger source names the layer when one resident meets several (rare); the community
      // layer, counted first, is not an entry (see below) but its hazard counts here as if it were.
      const shopping = shopperHazard(a, own.contactPerson, h, r);
      if (a.metLayer[i] === LAYER.none && shopping > 0) a.metLayer[i] = LAYER.community;
      if (hazard > a.metHazard[i] + shopping) a.metLayer[i] = layer;
      a.metHazard[i] += hazard;
    };
    a.community = 0;
    if (e.mixing === 'layered') {
      const tr = e.transmission;
      // Community: shoppers meet shoppers, each outing at the same hazard. Not an entry per
      // shopper among the meetings (most households go out on a shopping day): the night's pass
      // skips through the outings to those hit, and a shopper's hazard is its household's
      // outings today (`shopped`) × this one.
      if (outings.length > 0) {
        const shoppersF = shoppers(world, outings, own.contactPerson, R.infection, a.shopped, t);
        a.community = (tr.outings.contactsPerOuting * tr.outings.transmissionProbability * shoppersF) / outings.length;
      }
      // Doors: carrier or visitor and the household's contact person, either way; only the doors
      // where either is not susceptible (two susceptible residents cannot infect each other: both
      // adds would be of no hazard), found with the day's carriers in one pass over the doors.
      const pDoor = tr.doors.transmissionProbability * (1 - tr.doors.carrierProtection);
      const onDuty = a.onDuty;
      scanDoors(doors, own.contactPerson, R.infection, onDuty, a.notedDoors, a.carriers);
      for (let k = 0; k < a.notedDoors.count; k++) {
        const i = a.notedDoors.items[k];
        const carrier = doors[i + 1];
        const person = own.contactPerson[doors[i]];
        add(person, pDoor * infectiousnessOn(world, carrier, t), LAYER.door);
        add(carrier, pDoor * infectiousnessOn(world, person, t), LAYER.door);
      }
      // Pick-ups: those collecting a group-buy order meet each other at their compound's point,
      // and the organiser hands each one the order.
      if (own.pickups.count > 0) pickups(world, own, t, pDoor, add);
      // Work: RC staff on duty, and carriers who carried today, meet the community at the gate,
      // each at the same hazard. Not an entry per resident on duty among the meetings: listed,
      // the night's pass skips through them to those hit (as through the outings), and the
      // hazard of one on duty counts with its meetings (`layered`).
      a.work = (tr.work.contactsPerDay * tr.work.transmissionProbability * free) / N;
      a.atWork.count = 0;
      if (a.work > 0) {
        // Each resident on duty once, however many doors it took: the staff if the RC worked
        // today (marked 2), then the day's carriers in the order of their first door (each once,
        // scanDoors) who are not staff listed already.
        if ((world.today.adminHours ?? 0) > 0) {
          for (const r of own.staff) {
            if (onDuty[r] === 2) continue;
            onDuty[r] = 2;
            append(a.atWork, r);
          }
        }
        for (let k = 0; k < a.carriers.count; k++) {
          const r = a.carriers.items[k];
          if (onDuty[r] !== 2) append(a.atWork, r);
        }
      }
    }

    if (e.mixing === 'wellMixed') {
      const beta = e.R0 / (e.course.infectiousDays * own.meanInfectiousness);
      const p = 1 - Math.exp((-beta * total) / N);
      for (let r = 0; r < N; r++) {
        if (R.infection[r] !== STATE.susceptible) continue;
        if (rng() < p) infect(world, own, r, t + rng(), LAYER.wellMixed, rng);
      }
    } else {
      layered(world, own, t, rng, a);
    }
    for (let i = 0; i < a.metCount; i++) a.metFirst[R.household[a.metResident[i]]] = 0;
    a.metCount = 0;
    if (e.mixing === 'layered') {
      clearOutings(outings, a.shopped);
      for (const r of own.staff) a.onDuty[r] = 0;
      for (let k = 0; k < a.carriers.count; k++) a.onDuty[a.carriers.items[k]] = 0;
    }
  },
};

/** Resident r's entry among the day's meetings (r of household h), added with no hazard if r has none yet. */
function metEntry(a: typeof scratch, h: number, r: number): number {
  let last = -1;
  for (let i = a.metFirst[h] - 1; i >= 0; i = a.metNext[i] - 1) {
    if (a.metResident[i] === r) return i;
    last = i;
  }
  if (a.metCount === a.metResident.length) {
    const n = Math.max(64, 2 * a.metCount);
    a.metResident = grown(a.metResident, n);
    a.metNext = grown(a.metNext, n);
    a.metHazard = grown(a.metHazard, n);
    a.metLayer = grown(a.metLayer, n);
  }
  const i = a.metCount++;
  a.metResident[i] = r;
  a.metNext[i] = 0;
  a.metHazard[i] = 0;
  a.metLayer[i] = 0;
  if (last < 0) a.metFirst[h] = i + 1;
  else a.metNext[last] = i + 1;
  return i;
}

/** Adds household h to the night's households with infectiousness at home (a list grown as needed: few households a night). */
function home(a: typeof scratch, h: number): void {
  if (a.homeCount === a.homes.length) a.homes = grown(a.homes, Math.max(64, 2 * a.homeCount));
  a.homes[a.homeCount++] = h;
}

/**
 * One pass over the day's doors (pairs of household and carrier, -1 for none): the doors where
 * the household's contact person or the carrier is not susceptible (their first entry's place,
 * into `noted`), and each carrier once, in the order of its first door (into `carriers`, marked 1
 * in `onDuty`). A kernel on columns: after the outings and pick-ups the day's longest list,
 * read once instead of three times.
 */
function scanDoors(doors: Int32Array, contactPerson: Int32Array, infection: Uint8Array, onDuty: Uint8Array, noted: DayList, carriers: DayList): void {
  noted.count = 0;
  carriers.count = 0;
  for (let i = 0; i < doors.length; i += 2) {
    const carrier = doors[i + 1];
    if (carrier < 0) continue;
    if (infection[contactPerson[doors[i]]] !== STATE.susceptible || infection[carrier] !== STATE.susceptible) append(noted, i);
    if (onDuty[carrier] !== 0) continue;
    onDuty[carrier] = 1;
    append(carriers, carrier);
  }
}

/** Clears the day's outing counts (`shoppers`). */
function clearOutings(outings: ArrayLike<number>, shopped: Uint8Array): void {
  for (let i = 0; i < outings.length; i++) shopped[outings[i]] = 0;
}

/**
 * The day's outings, in one pass: each household's outings counted into `shopped` (a household out
 * more than 255 times a day would not fit), and the infectiousness of those who went out summed
 * outing by outing — infectiousnessOn over the outings in their order, asked only of those not
 * susceptible (the others' terms are 0, and adding 0 changes no sum). Most households go out on
 * a shopping day and few of those who go out are infected. A kernel on columns.
 */
function shoppers(world: EpidemicWorld, outings: ArrayLike<number>, contactPerson: Int32Array, infection: Uint8Array, shopped: Uint8Array, t: number): number {
  let f = 0;
  for (let j = 0; j < outings.length; j++) {
    const h = outings[j];
    if (shopped[h] === 255) throw new Error(`household ${h} went out more than 255 times in a day`);
    shopped[h]++;
    const r = contactPerson[h];
    if (infection[r] !== STATE.susceptible) f += infectiousnessOn(world, r, t);
  }
  return f;
}

/** Resident r's community hazard today: its household's outings × one outing's hazard, if r is the one who goes out. */
function shopperHazard(a: { community: number; shopped: Uint8Array }, contactPerson: Int32Array, h: number, r: number): number {
  return a.community > 0 && contactPerson[h] === r ? a.shopped[h] * a.community : 0;
}

const SUMS = new Float64Array(2);
/**
 * The day's infectiousness of the active cases, added to their household, building and compound
 * (the last two only for cases free to meet people outside); returns [all, free] (reused). A
 * function of its own: inside step V8 compiled this loop on stack replacement and dropped it at
 * the first world read after it.
 */
function placeForces(world: EpidemicWorld, active: number[], t: number, a: typeof scratch): Float64Array {
  const R = world.residents;
  const hh = world.households;
  let total = 0;
  let free = 0;
  for (let i = 0; i < active.length; i++) {
    const r = active[i];
    const f = infectiousnessOn(world, r, t);
    if (f === 0 || R.isolated[r] === 2) continue;
    const h = R.household[r];
    if (a.household[h] === 0) home(a, h);
    a.household[h] += f;
    total += f;
    if (R.isolated[r] !== 0 || hh.quarantinedUntil[h] > t) continue;
    free += f;
    a.building[hh.building[h]] += f;
    a.compound[hh.compound[h]] += f * compoundFactor(world, h, t);
  }
  SUMS[0] = total;
  SUMS[1] = free;
  return SUMS;
}

/**
 * The day's group-buy pick-ups: at each compound's point, infectiousness shared among those
 * collecting there. Only the points where anyone is infectious are visited: at a point where no
 * picker (f = 0) and not the organiser is infectious every hazard is 0, and its adds would do
 * nothing.
 */
function pickups(world: EpidemicWorld, own: EpidemicState, t: number, pHandOver: number, add: (r: number, hazard: number, layer: number) => void): void {
  const pk = world.scenario.epidemic.transmission.pickups;
  const compound = world.households.compound;
  const nc = world.compounds.count;
  const picked = entries(own.pickups);
  const pickers = new Float64Array(nc);
  const f = new Float64Array(nc);
  pickersAndForces(picked, compound, own.contactPerson, world.residents.infection, pickers, f, world, t);
  const organiser = new Int32Array(nc);
  const fo = new Float64Array(nc);
  for (let c = 0; c < nc; c++) {
    organiser[c] = pickers[c] > 0 ? organiserAtWork(world, c) : -1;
    fo[c] = organiser[c] >= 0 ? infectiousnessOn(world, organiser[c], t) : 0;
  }
  for (let k = 0; k < picked.length; k++) {
    const h = picked[k];
    const c = compound[h];
    if (f[c] === 0 && fo[c] === 0) continue;
    const person = own.contactPerson[h];
    add(person, (pk.contactsPerPickup * pk.transmissionProbability * f[c]) / pickers[c], LAYER.pickup);
    const o = organiser[c];
    if (o < 0 || o === person) continue;
    add(person, pHandOver * fo[c], LAYER.pickup);
    add(o, pHandOver * infectiousnessOn(world, person, t), LAYER.pickup);
  }
}

/**
 * Per compound, those collecting there today and their infectiousness, added pick-up by pick-up
 * (the same sums), asking only for those not susceptible: one pass of a few columns per pick-up.
 */
function pickersAndForces(picked: Int32Array, compound: Int32Array, contactPerson: Int32Array, infection: Uint8Array, pickers: Float64Array, f: Float64Array, world: EpidemicWorld, t: number): void {
  for (let k = 0; k < picked.length; k++) {
    const c = compound[picked[k]];
    pickers[c]++;
    const r = contactPerson[picked[k]];
    if (infection[r] !== STATE.susceptible) f[c] += infectiousnessOn(world, r, t);
  }
}

/** Compound contacts of a household whose building or compound is closed happen at the closed factor. */
function compoundFactor(world: EpidemicWorld, h: number, t: number): number {
  const hh = world.households;
  const closed = world.buildings.closedUntil[hh.building[h]] > t || world.compounds.closedUntil[hh.compound[h]] > t;
  return closed ? world.scenario.epidemic.response.closedContactFactor : 1;
}

/**
 * The building and compound layers' hazards for a resident of building b not kept at home:
 * `lb[b]` and `lc[b]` (the compound's, at the closed factor when the building or the compound is
 * closed), worked out once per place, not once per household.
 */
function placeHazards(world: EpidemicWorld, own: EpidemicState, t: number, betaB: number, betaC: number, a: typeof scratch): void {
  const { building, compound, lb, lc } = a;
  const closedUntil = world.buildings.closedUntil;
  const compoundClosed = world.compounds.closedUntil;
  const compoundOf = world.buildings.compound;
  const factor = world.scenario.epidemic.response.closedContactFactor;
  for (let b = 0; b < lb.length; b++) {
    lb[b] = building[b] === 0 ? 0 : (betaB * building[b]) / own.buildingResidents[b];
    const c = compoundOf[b];
    lc[b] =
      compound[c] === 0
        ? 0
        : closedUntil[b] > t || compoundClosed[c] > t
          ? (betaC * compound[c] * factor) / own.compoundResidents[c]
          : (betaC * compound[c]) / own.compoundResidents[c];
  }
}

/**
 * The layered pass: which susceptible residents are infected tonight, and through which layer.
 * Resident r's chance is 1 − e^(−λ), λ = λ_household + λ_building + λ_compound + λ_met (the
 * header's layers), which is the chance that at least one of independent exposures, one per layer
 * with chance 1 − e^(−λ_k), succeeds (e^(−λ) is the product of the e^(−λ_k)). So each layer is
 * drawn on its own, only where it has any hazard (`nightHits`), and a resident hit by any layer is
 * infected; its layer is then drawn in proportion to the layers' hazards (`layerOf`: the first of
 * competing exponential exposures is layer k with chance λ_k/λ). Draws are proportional to
 * infections, not to residents. Issue 16, part n: before it the pass drew once for every
 * susceptible resident with any hazard — the same law, other draws.
 */
function layered(world: EpidemicWorld, own: EpidemicState, t: number, rng: Rng, a: typeof scratch): void {
  const e = world.scenario.epidemic;
  const tr = e.transmission;
  const R = world.residents;
  const hh = world.households;
  const betaH = householdRate(e);
  const betaB = tr.building.contactsPerDay * tr.building.transmissionProbability;
  const betaC = tr.compound.contactsPerDay * tr.compound.transmissionProbability;
  placeHazards(world, own, t, betaB, betaC, a);
  buildingStarts(own, a);
  a.outings = entries(own.outings);
  a.contactPerson = own.contactPerson;
  nightHits(rng, a, betaH, R.infection, R.household, own.firstResident, hh.members, hh.quarantinedUntil, t);

  // Each resident hit, once and in order (the order of the draws below): infected, through a
  // layer drawn in proportion to its layers' hazards; within the household the infector in
  // proportion to infectiousness.
  const { household, lb, lc, metFirst, metNext, metResident } = a;
  const hits = a.hits.subarray(0, a.hitCount).sort();
  for (let k = 0; k < hits.length; k++) {
    const r = hits[k];
    if (k > 0 && hits[k - 1] === r) continue;
    const h = R.household[r];
    const home = hh.quarantinedUntil[h] > t;
    const b = hh.building[h];
    // The hazard of r's meetings outside the household today, if any: shopping, its entry, and
    // its day at the gate. The larger source names the layer, the day at the gate counted last
    // (as `add` does: the work layer's is larger if it is larger than all the others together).
    let m = metFirst[h] - 1;
    while (m >= 0 && metResident[m] !== r) m = metNext[m] - 1;
    const met = (m >= 0 ? a.metHazard[m] : 0) + shopperHazard(a, own.contactPerson, h, r);
    const working = a.work > 0 && a.onDuty[r] !== 0 ? a.work : 0;
    const k4 = layerOf(rng, betaH * household[h], home ? 0 : lb[b], home ? 0 : lc[b], met + working);
    const layer = k4 === 0 ? LAYER.household : k4 === 1 ? LAYER.building : k4 === 2 ? LAYER.compound : working > met ? LAYER.work : m >= 0 ? a.metLayer[m] : LAYER.community;
    const infector = layer === LAYER.household ? householdInfector(world, own, r, t, rng) : -1;
    infect(world, own, r, t + rng(), layer, rng, infector);
  }
}

/** The night's hazards the layered pass draws from (transmission's working arrays, or a test's). */
export interface NightHazards {
  /** Per building: its first resident; the count of residents at the end. */
  buildingStart: Int32Array;
  /** Per building: the building and compound layers' hazards for a resident not kept at home. */
  lb: Float64Array;
  lc: Float64Array;
  /** Per household: the day's infectiousness at home; the households where it is not 0, each once. */
  household: Float64Array;
  homes: Int32Array;
  homeCount: number;
  /** The community layer: one outing's hazard, the day's outings (households), and who goes out for each household. */
  community: number;
  outings: ArrayLike<number>;
  contactPerson: Int32Array;
  /** The work layer: the hazard of a day on duty at the gate, and the residents on duty today, each once. */
  work: number;
  atWork: { items: Int32Array; count: number };
  /** The day's other meetings outside the household: resident and hazard per entry. */
  metCount: number;
  metResident: Int32Array;
  metHazard: Float64Array;
  /** Out: the residents hit (a resident hit by several layers is listed once for each). */
  hits: Int32Array;
  hitCount: number;
}

/**
 * Every susceptible resident hit tonight by at least one layer, each layer drawn on its own:
 * - building and compound: every resident of a building not kept at home has the same hazard, so
 *   the pass skips through the building's residents to the next one hit (`placeHits`);
 * - household: each susceptible member of a household with infectiousness at home, at β_hh · F;
 * - community: every outing has the same hazard, so the pass skips through the day's outings to
 *   those hit (a household out twice has two chances: its hazard is twice one outing's);
 * - work: every resident on duty at the gate has the same hazard, so likewise through them;
 * - other meetings outside the household: each resident met, at its meetings' hazard.
 * A kernel on columns and numbers: run once a night, it reads no world object inside its loops.
 */
export function nightHits(
  rng: Rng, n: NightHazards, betaH: number, infection: Uint8Array, householdOf: Int32Array, firstResident: Int32Array, members: Uint8Array, quarantinedUntil: Int16Array, t: number,
): void {
  n.hitCount = 0;
  const { buildingStart, lb, lc } = n;
  for (let b = 0; b < lb.length; b++) {
    const place = lb[b] + lc[b];
    if (place > 0) placeHits(rng, buildingStart[b], buildingStart[b + 1], place, infection, householdOf, quarantinedUntil, t, n);
  }
  for (let k = 0; k < n.homeCount; k++) {
    const h = n.homes[k];
    const chance = 1 - Math.exp(-betaH * n.household[h]);
    if (chance === 0) continue;
    const end = firstResident[h] + members[h];
    for (let r = firstResident[h]; r < end; r++) if (infection[r] === STATE.susceptible && rng() < chance) hit(n, r);
  }
  if (n.community > 0) {
    const { outings, contactPerson, community } = n;
    for (let j = failuresBefore(rng, -community); j < outings.length; j += 1 + failuresBefore(rng, -community)) {
      const r = contactPerson[outings[j]];
      if (infection[r] === STATE.susceptible) hit(n, r);
    }
  }
  if (n.work > 0) {
    const { items, count } = n.atWork;
    for (let j = failuresBefore(rng, -n.work); j < count; j += 1 + failuresBefore(rng, -n.work)) {
      if (infection[items[j]] === STATE.susceptible) hit(n, items[j]);
    }
  }
  for (let i = 0; i < n.metCount; i++) {
    const r = n.metResident[i];
    if (infection[r] === STATE.susceptible && rng() < 1 - Math.exp(-n.metHazard[i])) hit(n, r);
  }
}

/**
 * Each resident of [from, to) who is susceptible and not kept at home is hit with chance
 * 1 − e^(−hazard), independently: the gap to the next resident hit is geometric,
 * P(gap ≥ k) = e^(−k·hazard) (failuresBefore with ln(1 − chance) = −hazard) — one draw per
 * resident hit and one more, not one per resident. Those not susceptible or at home are passed
 * over where they fall (their hazard in these layers is 0), which leaves the others' chances as
 * they are.
 */
export function placeHits(
  rng: Rng, from: number, to: number, hazard: number, infection: Uint8Array, householdOf: Int32Array, quarantinedUntil: Int16Array, t: number,
  out: { hits: Int32Array; hitCount: number },
): void {
  for (let r = from + failuresBefore(rng, -hazard); r < to; r += 1 + failuresBefore(rng, -hazard)) {
    if (infection[r] === STATE.susceptible && quarantinedUntil[householdOf[r]] <= t) hit(out, r);
  }
}

/** The layer of an infection, in proportion to the layers' hazards: 0 household, 1 building, 2 compound, 3 met outside. */
export function layerOf(rng: Rng, lh: number, lb: number, lc: number, x: number): number {
  let u = rng() * (lh + lb + lc + x);
  if ((u -= lh) < 0) return 0;
  if ((u -= lb) < 0) return 1;
  if ((u -= lc) < 0) return 2;
  return 3;
}

/** Adds resident r to the night's hits. */
function hit(out: { hits: Int32Array; hitCount: number }, r: number): void {
  if (out.hitCount === out.hits.length) out.hits = grown(out.hits, Math.max(64, 2 * out.hitCount));
  out.hits[out.hitCount++] = r;
}

/**
 * Each building's first resident, and the count of residents at the end: the population numbers
 * residents household by household and households building by building (as the carrier lists of
 * initialState also read it), so a building's residents are a range.
 */
function buildingStarts(own: EpidemicState, a: typeof scratch): void {
  const start = a.buildingStart;
  const n = own.buildingResidents;
  start[0] = 0;
  for (let b = 0; b < n.length; b++) start[b + 1] = start[b] + n[b];
}

/** The household member who infected r, in proportion to the day's infectiousness. */
function householdInfector(world: EpidemicWorld, own: EpidemicState, r: number, t: number, rng: Rng): number {
  const R = world.residents;
  const h = R.household[r];
  const first = own.firstResident[h];
  const end = first + world.households.members[h];
  let sum = 0;
  for (let i = first; i < end; i++) if (R.isolated[i] !== 2) sum += infectiousnessOn(world, i, t);
  let u = rng() * sum;
  for (let i = first; i < end; i++) {
    if (R.isolated[i] === 2) continue;
    u -= infectiousnessOn(world, i, t);
    if (u < 0) return i;
  }
  return -1;
}
