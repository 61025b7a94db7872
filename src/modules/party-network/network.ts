/**
 * The network's people and units, drawn once (paper 002): retired party members are the
 * organisers; of the in-service members only those who double-report (双报到, 1,044 in N street)
 * take assignments where they live — the rest serve no more than their neighbours; co-building
 * units (185) are each assigned to a compound. The lowest level of the network sets how many
 * units reach residents in each compound: a stairwell group per building at depth 5, the party
 * grids at 4, one branch per compound at 3, a share of a community committee at 2, of the street's
 * working committee at 1. The depth may be dated: N street's network had the street and community
 * levels until 2016, when it was built down along the grid (002 四(一)).
 *
 * Each unit's leader knows a few residents and asks the same ones every month: the circles are
 * the first of the compound's adults in an order fixed once, so a deeper network widens them and
 * nobody outside them is asked. Which adults they are, nothing reads: what the network counts is
 * how many take part and how many different residents in a year. So a circle is kept as places
 * in that order (the same place is the same resident every month), with the year each last took
 * part (prestige.ts), not as a list of residents.
 */
import type { PopulateContext } from '../../engine/index.js';
import { AGE, PARTY, type CommunityWorld } from '../community/index.js';
import type { PartyNetworkParams } from './params.js';

/** A resident's part in the network: none, a double-reporting in-service member, a retired organiser. */
export const ACTIVE = { none: 0, doubleReporting: 1, organiser: 2 } as const;

export const partyNetworkColumns = {
  residents: { partyActive: Uint8Array },
  compounds: { coBuildingUnits: Uint16Array },
};

export interface PartyNetworkWorld extends CommunityWorld {
  residents: CommunityWorld['residents'] & { partyActive: Uint8Array };
  compounds: CommunityWorld['compounds'] & { coBuildingUnits: Uint16Array; station?: Uint8Array };
}

export function populateNetwork(world: PartyNetworkWorld, ctx: PopulateContext) {
  const s = (ctx.scenario as { partyNetwork: PartyNetworkParams }).partyNetwork;
  const rng = ctx.stream('population.partyNetwork');
  const R = world.residents;
  const inService: number[] = [];
  for (let r = 0; r < R.count; r++) {
    if (R.party[r] === PARTY.retired || (R.party[r] !== PARTY.none && R.age[r] === AGE.elderly)) R.partyActive[r] = ACTIVE.organiser;
    else if (R.party[r] === PARTY.inService) inService.push(r);
  }
  // Double-reporting members: drawn without replacement among the in-service members.
  const wanted = Math.min(inService.length, Math.round((s.doubleReportingPer10000 * R.count) / 10_000));
  for (let k = 0; k < wanted; k++) {
    const j = k + Math.floor(rng() * (inService.length - k));
    [inService[k], inService[j]] = [inService[j], inService[k]];
    R.partyActive[inService[k]] = ACTIVE.doubleReporting;
  }
  const residents = new Array<number>(world.compounds.count).fill(0);
  for (let r = 0; r < R.count; r++) residents[world.households.compound[R.household[r]]]++;
  assignUnits(residents, R.count, s, rng).forEach((n, c) => (world.compounds.coBuildingUnits[c] = n));
  // The circles' order was drawn last (a rank for each resident) and is no longer drawn, as
  // nothing reads who is in a circle: the draws above are the same with or without it.
}

/** The network's depth on a date: a fixed depth, or the one dated last on or before it (the first before any). */
export function depthOn(date: string, depth: PartyNetworkParams['depth']): number {
  if (typeof depth === 'number') return depth;
  const dates = Object.keys(depth).sort();
  let d = depth[dates[0]];
  for (const k of dates) if (k <= date) d = depth[k];
  return d;
}

/**
 * Co-building units per compound: each unit drawn to a compound with a chance proportional to its
 * residents — the compound in whose stretch of the residents, laid end to end, the draw falls.
 *
 * Found by halving over the residents before each compound (`before`), not by walking the
 * compounds and taking each one's residents off the draw: at 10M residents the walk went through
 * half of 9,000 compounds for each of 18,000 units (0.35 s of the build). The compound is the
 * same: the draw less whole numbers of residents is exact in a double, so "what is left ≥ this
 * compound's residents" and "the draw ≥ the residents up to and with this compound" agree.
 */
export function assignUnits(residents: readonly number[], total: number, s: PartyNetworkParams, rng: () => number): number[] {
  const nc = residents.length;
  const units = new Array<number>(nc).fill(0);
  const before = new Float64Array(nc + 1);
  for (let c = 0; c < nc; c++) before[c + 1] = before[c] + residents[c];
  const n = Math.round((s.coBuildingUnitsPer10000 * total) / 10_000);
  for (let k = 0; k < n; k++) {
    const x = rng() * total;
    // The first compound whose residents end beyond x; the last compound takes any draw past them all.
    let lo = 0;
    let hi = nc - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < before[mid + 1]) hi = mid;
      else lo = mid + 1;
    }
    units[lo]++;
  }
  return units;
}

/**
 * How many places a compound's circles can take at most, over the depths the network has in the
 * run: the lowest level's units × reach, rounded up (a unit shared with other compounds asks one
 * more with the fraction's chance), never more than the adults.
 */
export function mostAsked(depth: PartyNetworkParams['depth'], buildings: number, residents: number, totalResidents: number, adults: number, s: PartyNetworkParams): number {
  const depths = typeof depth === 'number' ? [depth] : Object.values(depth);
  let most = 0;
  for (const d of depths) most = Math.max(most, lowestUnits(d, buildings, residents, totalResidents, s) * s.mobilisation.reachPerUnit);
  return Number.isFinite(most) ? Math.min(adults, Math.ceil(most)) : adults;
}

/** Units of the network's lowest level in a compound, the ones whose leaders reach residents. */
export function lowestUnits(depth: number, buildings: number, residents: number, totalResidents: number, s: PartyNetworkParams): number {
  switch (depth) {
    case 5: return buildings;
    case 4: return (s.gridsPer10000 * residents) / 10_000;
    case 3: return 1;
    case 2: return (s.communitiesPer10000 * residents) / 10_000;
    default: return residents / totalResidents;
  }
}
