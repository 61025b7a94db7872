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
 */
import type { ModuleProcess, Rng } from '../../engine/index.js';
import { infect, infectiousness } from './course.js';
import { organiserAtWork } from './contacts.js';
import { confinedOn } from './response.js';
import { grown, LAYER, STATE, type EpidemicState, type EpidemicWorld } from './state.js';
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
  /** Per resident: on duty at the gate today (the work layer), cleared after use. */
  onDuty: new Uint8Array(0),
  /** Per building: its hazard and whether it is closed; per compound: its hazard open and at the closed factor. */
  lb: new Float64Array(0), closed: new Uint8Array(0), lcOpen: new Float64Array(0), lcClosed: new Float64Array(0),
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
    scratch.lb = new Float64Array(want[1]);
    scratch.closed = new Uint8Array(want[1]);
    scratch.lcOpen = new Float64Array(want[2]);
    scratch.lcClosed = new Float64Array(want[2]);
  } else {
    scratch.household.fill(0);
    scratch.building.fill(0);
    scratch.compound.fill(0);
  }
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

    // The day's infectiousness, by place.
    const sums = placeForces(world, own.active, t, a);
    const total = sums[0];
    const free = sums[1];
    if (total === 0) return;

    const add = (r: number, hazard: number, layer: number) => {
      if (hazard <= 0 || R.infection[r] !== STATE.susceptible) return;
      const i = metEntry(a, R.household[r], r);
      // The larger source names the layer when one resident meets several (rare).
      if (hazard > a.metHazard[i]) a.metLayer[i] = layer;
      a.metHazard[i] += hazard;
    };
    if (e.mixing === 'layered') {
      const tr = e.transmission;
      // Community: shoppers meet shoppers.
      if (own.outings.length > 0) {
        let shoppersF = 0;
        for (const h of own.outings) shoppersF += infectiousnessOn(world, own.contactPerson[h], t);
        const hazard = (tr.outings.contactsPerOuting * tr.outings.transmissionProbability * shoppersF) / own.outings.length;
        for (const h of own.outings) add(own.contactPerson[h], hazard, LAYER.community);
      }
      // Doors: carrier or visitor and the household's contact person, either way.
      const pDoor = tr.doors.transmissionProbability * (1 - tr.doors.carrierProtection);
      for (let i = 0; i < own.doors.length; i += 2) {
        const carrier = own.doors[i + 1];
        if (carrier < 0) continue;
        const person = own.contactPerson[own.doors[i]];
        add(person, pDoor * infectiousnessOn(world, carrier, t), LAYER.door);
        add(carrier, pDoor * infectiousnessOn(world, person, t), LAYER.door);
      }
      // Pick-ups: those collecting a group-buy order meet each other at their compound's point,
      // and the organiser hands each one the order.
      if (own.pickups.length > 0) pickups(world, own, t, pDoor, add);
      // Work: RC staff on duty, and carriers who carried today, meet the community at the gate.
      const work = (tr.work.contactsPerDay * tr.work.transmissionProbability * free) / N;
      if (work > 0) {
        // Each resident on duty once, however many doors it took: a mark per resident rather
        // than a Set (each gets the work hazard once, so the order among them changes nothing).
        const onDuty = a.onDuty;
        const doors = own.doors;
        if ((world.today.adminHours ?? 0) > 0) {
          for (const r of own.staff) {
            if (onDuty[r] === 1) continue;
            onDuty[r] = 1;
            add(r, work, LAYER.work);
          }
        }
        for (let i = 1; i < doors.length; i += 2) {
          const r = doors[i];
          if (r < 0 || onDuty[r] === 1) continue;
          onDuty[r] = 1;
          add(r, work, LAYER.work);
        }
        for (const r of own.staff) onDuty[r] = 0;
        for (let i = 1; i < doors.length; i += 2) if (doors[i] >= 0) onDuty[doors[i]] = 0;
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

/** The day's group-buy pick-ups: at each compound's point, infectiousness shared among those collecting there. */
function pickups(world: EpidemicWorld, own: EpidemicState, t: number, pHandOver: number, add: (r: number, hazard: number, layer: number) => void): void {
  const pk = world.scenario.epidemic.transmission.pickups;
  const compound = world.households.compound;
  const nc = world.compounds.count;
  const pickers = new Float64Array(nc);
  const f = new Float64Array(nc);
  for (const h of own.pickups) {
    pickers[compound[h]]++;
    f[compound[h]] += infectiousnessOn(world, own.contactPerson[h], t);
  }
  const organiser = new Int32Array(nc);
  for (let c = 0; c < nc; c++) organiser[c] = pickers[c] > 0 ? organiserAtWork(world, c) : -1;
  for (const h of own.pickups) {
    const c = compound[h];
    const person = own.contactPerson[h];
    add(person, (pk.contactsPerPickup * pk.transmissionProbability * f[c]) / pickers[c], LAYER.pickup);
    const o = organiser[c];
    if (o < 0 || o === person) continue;
    add(person, pHandOver * infectiousnessOn(world, o, t), LAYER.pickup);
    add(o, pHandOver * infectiousnessOn(world, person, t), LAYER.pickup);
  }
}

/** Compound contacts of a household whose building or compound is closed happen at the closed factor. */
function compoundFactor(world: EpidemicWorld, h: number, t: number): number {
  const hh = world.households;
  const closed = world.buildings.closedUntil[hh.building[h]] > t || world.compounds.closedUntil[hh.compound[h]] > t;
  return closed ? world.scenario.epidemic.response.closedContactFactor : 1;
}

/** The building and compound layers' hazards for a resident not kept at home, per place (see layered). */
function placeHazards(world: EpidemicWorld, own: EpidemicState, t: number, betaB: number, betaC: number, a: typeof scratch) {
  const { building, compound, lb, closed, lcOpen, lcClosed } = a;
  const closedUntil = world.buildings.closedUntil;
  for (let b = 0; b < lb.length; b++) {
    lb[b] = building[b] === 0 ? 0 : (betaB * building[b]) / own.buildingResidents[b];
    closed[b] = closedUntil[b] > t ? 1 : 0;
  }
  const factor = world.scenario.epidemic.response.closedContactFactor;
  for (let c = 0; c < lcOpen.length; c++) {
    lcOpen[c] = (betaC * compound[c]) / own.compoundResidents[c];
    lcClosed[c] = (betaC * compound[c] * factor) / own.compoundResidents[c];
  }
  return a;
}

function layered(world: EpidemicWorld, own: EpidemicState, t: number, rng: Rng, a: typeof scratch): void {
  const e = world.scenario.epidemic;
  const tr = e.transmission;
  const R = world.residents;
  const hh = world.households;
  const betaH = householdRate(e);
  const betaB = tr.building.contactsPerDay * tr.building.transmissionProbability;
  const betaC = tr.compound.contactsPerDay * tr.compound.transmissionProbability;
  const layers = new Float64Array(4);
  const { household, compound, metFirst } = a;
  const { quarantinedUntil, members } = hh;
  const first = own.firstResident;
  const infection = R.infection;
  const SUSCEPTIBLE = STATE.susceptible;
  // The building and compound hazards are the same for every household of a building or compound:
  // worked out once per place here, not once per household below (the same expressions, so the
  // same numbers). A household's compound contacts run at the closed factor when its building or
  // its compound is closed.
  const { lb: lbOf, lcOpen, lcClosed, closed } = placeHazards(world, own, t, betaB, betaC, a);
  // Household by household, residents in order (the order of the draws): a household with no
  // hazard of its own and no member met elsewhere today is passed over, as most are each night.
  const { building: buildingOf, compound: compoundOf, count } = hh;
  const compoundClosed = world.compounds.closedUntil;
  // Neighbours mostly share a hazard (the same building and compound, no one ill at home), so the
  // chance 1 − e^(−hazard) is kept for the last hazard seen: the same number, fewer exponentials.
  let lastHazard = 0;
  let lastChance = 0;
  for (let h = 0; h < count; h++) {
    const lh = betaH * household[h];
    const home = quarantinedUntil[h] > t;
    const b = buildingOf[h];
    const c = compoundOf[h];
    const lb = home ? 0 : lbOf[b];
    const lc = home || compound[c] === 0 ? 0 : closed[b] === 1 || compoundClosed[c] > t ? lcClosed[c] : lcOpen[c];
    const met = metFirst[h];
    if (lh === 0 && lb === 0 && lc === 0 && met === 0) continue;
    const end = first[h] + members[h];
    for (let r = first[h]; r < end; r++) {
      if (infection[r] !== SUSCEPTIBLE) continue;
      // The hazard of r's meetings outside the household today, if any.
      let x = 0;
      let metLayer = 0;
      for (let i = met - 1; i >= 0; i = a.metNext[i] - 1) {
        if (a.metResident[i] === r) {
          x = a.metHazard[i];
          metLayer = a.metLayer[i];
          break;
        }
      }
      const hazard = lh + lb + lc + x;
      if (hazard === 0) continue;
      if (hazard !== lastHazard) {
        lastHazard = hazard;
        lastChance = 1 - Math.exp(-hazard);
      }
      if (rng() >= lastChance) continue;
      layers[0] = lh;
      layers[1] = lb;
      layers[2] = lc;
      layers[3] = x;
      let u = rng() * hazard;
      let k = 0;
      while (k < 3 && (u -= layers[k]) >= 0) k++;
      const layer = k === 0 ? LAYER.household : k === 1 ? LAYER.building : k === 2 ? LAYER.compound : metLayer;
      const infector = layer === LAYER.household ? householdInfector(world, own, r, t, rng) : -1;
      infect(world, own, r, t + rng(), layer, rng, infector);
    }
  }
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
