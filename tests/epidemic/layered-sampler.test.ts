/**
 * The layered pass's sampler against the per-resident law it replaced (issue 16, part n). Each
 * night a susceptible resident r is infected with chance 1 − e^(−λ_r), λ_r the sum of its layers'
 * hazards (household; building and compound unless kept at home; outings and other meetings outside), independently
 * of the others, and an infection's layer is layer k with chance λ_k/λ_r. The pass draws layer by
 * layer instead (a geometric skip through each building's residents, through the day's outings and,
 * since part 16z, through those on duty at the gate; a draw per household member or resident met): on a small synthetic community with every case of the law — residents not
 * susceptible, a household kept at home, a resident hit by several layers — the infections per
 * building and per layer over many nights must match the per-resident law within 4 standard
 * errors, and so must each resident's own count in the skip alone. A sampler off by one in its
 * gaps, drawing its gaps at the chance instead of the hazard, or attributing by the wrong weights
 * fails these (tried when they were written; for the skip through those on duty — its first
 * skipped, its gaps one longer, at the chance, or the layer left out — in part 16z).
 */
import { describe, expect, it } from 'vitest';
import { aleaStream } from '../../src/engine/alea.js';
import { STATE } from '../../src/modules/epidemic/state.js';
import { layerOf, nightHits, placeHits, type NightHazards } from '../../src/modules/epidemic/transmission.js';

const NIGHTS = 20_000;

/** Three buildings of 5, 8 and 6 households of 3 residents: residents numbered building by building. */
const householdsPer = [5, 8, 6];
const H = householdsPer.reduce((a, b) => a + b, 0);
const N = 3 * H;
const householdOf = Int32Array.from({ length: N }, (_, r) => Math.floor(r / 3));
const firstResident = Int32Array.from({ length: H }, (_, h) => 3 * h);
const members = new Uint8Array(H).fill(3);
const buildingOfHousehold = Int32Array.from(householdsPer.flatMap((n, b) => Array(n).fill(b)));
const buildingStart = Int32Array.from([0, 15, 39, 57]);
const t = 10;
/** Household 6 (building 1) is kept at home tonight; residents 0, 4, 20 and 40 are not susceptible. */
const quarantinedUntil = new Int16Array(H);
quarantinedUntil[6] = t + 3;
const infection = new Uint8Array(N);
for (const r of [0, 4, 20, 40]) infection[r] = STATE.exposed;

const betaH = 0.25;
function night(): NightHazards {
  const household = new Float64Array(H);
  household[1] = 1.2; // building 0
  household[6] = 0.8; // building 1, kept at home
  household[14] = 0.5; // building 2
  return {
    buildingStart,
    lb: Float64Array.from([0.05, 0, 0.3]),
    lc: Float64Array.from([0.1, 0.02, 0.1]),
    household,
    homes: Int32Array.from([1, 6, 14]),
    homeCount: 3,
    // Outings: the first member goes out; household 12 twice, household 16 (resident 48, also
    // met at a door) and household 6 (kept at home: shoppers who went out before it was).
    community: 0.2,
    outings: [2, 12, 16, 12, 6, 9],
    contactPerson: firstResident,
    // Resident 3 (household 1: at home with a case), 19 (household 6, kept at home), 50 and 48.
    metCount: 4,
    metResident: Int32Array.from([3, 19, 50, 48]),
    metHazard: Float64Array.from([0.4, 0.3, 0.15, 0.1]),
    // On duty at the gate: resident 7, 48 (also met and out shopping), 20 (not susceptible), 33
    // and 19 (kept at home: a carrier who carried before), each once.
    work: 0.25,
    atWork: { items: Int32Array.from([7, 48, 20, 33, 19]), count: 5 },
    hits: new Int32Array(4),
    hitCount: 0,
  };
}

/** The per-resident law: resident r's layers' hazards tonight (household, building, compound, met). */
function hazardsOf(n: NightHazards, r: number): number[] {
  const h = householdOf[r];
  const b = buildingOfHousehold[h];
  const home = quarantinedUntil[h] > t;
  const m = n.metResident.indexOf(r);
  const outings = Array.from(n.outings).filter((x) => n.contactPerson[x] === r).length;
  const working = Array.from(n.atWork.items.subarray(0, n.atWork.count)).includes(r) ? n.work : 0;
  return [betaH * n.household[h], home ? 0 : n.lb[b], home ? 0 : n.lc[b], (m >= 0 ? n.metHazard[m] : 0) + outings * n.community + working];
}

/** Mean ± 4 standard errors of a sum of independent Bernoulli counts with these chances, over `nights`. */
function expectWithin(observed: number, chances: number[], nights: number, what: string): void {
  const mean = nights * chances.reduce((s, p) => s + p, 0);
  const sd = Math.sqrt(nights * chances.reduce((s, p) => s + p * (1 - p), 0));
  expect(Math.abs(observed - mean), `${what}: ${observed} against ${mean.toFixed(1)} ± ${sd.toFixed(1)}`).toBeLessThanOrEqual(4 * sd + 1e-9);
}

describe('the layered pass draws by layer, with the per-resident law', () => {
  it('infections per building and per layer match 1 − e^(−λ) and λ_k/λ over many nights', () => {
    const rng = aleaStream('layered-sampler');
    const byBuilding = [0, 0, 0];
    const byLayer = [0, 0, 0, 0];
    const byResident = new Float64Array(N);
    let draws = 0;
    let notSusceptible = 0;
    for (let k = 0; k < NIGHTS; k++) {
      const n = night();
      let count = 0;
      const counted = () => (count++, rng());
      nightHits(counted, n, betaH, infection, householdOf, firstResident, members, quarantinedUntil, t);
      draws += count;
      const hits = [...new Set(n.hits.subarray(0, n.hitCount))];
      for (const r of hits) {
        if (infection[r] !== STATE.susceptible) notSusceptible++;
        byBuilding[buildingOfHousehold[householdOf[r]]]++;
        byResident[r]++;
        const [lh, lb, lc, x] = hazardsOf(n, r);
        byLayer[layerOf(rng, lh, lb, lc, x)]++;
      }
    }
    expect(notSusceptible).toBe(0);
    const n = night();
    const chance = (r: number) => (infection[r] === STATE.susceptible ? 1 - Math.exp(-hazardsOf(n, r).reduce((s, x) => s + x, 0)) : 0);
    for (let b = 0; b < 3; b++) {
      const residents = Array.from({ length: buildingStart[b + 1] - buildingStart[b] }, (_, i) => buildingStart[b] + i);
      expectWithin(byBuilding[b], residents.map(chance), NIGHTS, `building ${b}`);
    }
    // Those met, out shopping or on duty, each on its own: the skips through the outings and
    // through those on duty, and the draws per meeting.
    for (const r of [3, 7, 19, 33, 48, 50, 6, 36, 27]) expectWithin(byResident[r], [chance(r)], NIGHTS, `resident ${r}`);
    const all = Array.from({ length: N }, (_, r) => r);
    for (let k = 0; k < 4; k++) {
      const shares = all.map((r) => {
        const hz = hazardsOf(n, r);
        const sum = hz.reduce((s, x) => s + x, 0);
        return sum === 0 ? 0 : (chance(r) * hz[k]) / sum;
      });
      expectWithin(byLayer[k], shares, NIGHTS, `layer ${k}`);
    }
    // Proportional to infections: about one draw per building and per infection, not one per resident.
    const infections = byBuilding.reduce((s, x) => s + x, 0) / NIGHTS;
    console.log(`layered sampler: ${(draws / NIGHTS).toFixed(2)} draws a night for ${infections.toFixed(2)} infections among ${N} residents`);
    expect(draws / NIGHTS).toBeLessThan(N / 2);
  });

  it('the skip hits each eligible resident of a building with chance 1 − e^(−hazard), independently', () => {
    const rng = aleaStream('place-hits');
    for (const hazard of [0.03, 0.7, 3]) {
      const hitsOf = new Float64Array(N);
      const totals: number[] = [];
      for (let k = 0; k < NIGHTS; k++) {
        const out = { hits: new Int32Array(8), hitCount: 0 };
        placeHits(rng, 15, 39, hazard, infection, householdOf, quarantinedUntil, t, out);
        for (let i = 0; i < out.hitCount; i++) hitsOf[out.hits[i]]++;
        totals.push(out.hitCount);
      }
      const p = 1 - Math.exp(-hazard);
      const eligible: number[] = [];
      for (let r = 0; r < N; r++) {
        const inside = r >= 15 && r < 39 && infection[r] === STATE.susceptible && quarantinedUntil[householdOf[r]] <= t;
        if (!inside) expect(hitsOf[r], `resident ${r}`).toBe(0);
        else {
          eligible.push(r);
          expectWithin(hitsOf[r], [p], NIGHTS, `resident ${r} at hazard ${hazard}`);
        }
      }
      // Independence: the night's count is binomial, so its variance is n·p·(1 − p).
      const mean = totals.reduce((s, x) => s + x, 0) / NIGHTS;
      const variance = totals.reduce((s, x) => s + (x - mean) ** 2, 0) / (NIGHTS - 1);
      const expected = eligible.length * p * (1 - p);
      expect(Math.abs(variance / expected - 1), `variance ${variance.toFixed(3)} against ${expected.toFixed(3)}`).toBeLessThan(0.06);
    }
  });
});
