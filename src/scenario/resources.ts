/**
 * What a scenario will cost before it runs: residents, days, memory and time, checked against
 * documented ceilings (docs/scenarios.md, "Size ceilings"). Runs after the schema has accepted
 * the scenario (parse.ts), so every value here is already of the right type; this file adds the
 * limits the schema cannot express. A scenario beyond a ceiling is refused with the reason and
 * the way on (`--allow-large`); beyond what a run can hold at all it is refused regardless.
 * Values that are numbers but cannot be meant (a package that feeds 5e-324 person-days) are
 * refused by the parameters' own bounds, in each module's schema.
 */
import { Calendar } from '../engine/calendar.js';
import type { Scenario } from './schema.js';

/** The ceilings crsim runs under without `--allow-large`. */
export const CEILINGS = {
  /** Residents (expected) of one run. */
  residents: 20_000_000,
  /** Simulated days of one run: 30 years. */
  days: 10_958,
} as const;

/** Hard limits, even with `--allow-large`: the tables of a run are indexed by 32-bit integers. */
export const HARD_LIMITS = {
  households: 2 ** 31 - 1,
  residents: 2 ** 31 - 1,
} as const;


/** Resident-days per second one core simulates (measured 5.8–24.9 million; the low end, to be safe). */
export const RESIDENT_DAYS_PER_SECOND = 5_000_000;

export interface ResourceEstimate {
  /** Expected households and residents (means of the ranges). */
  households: number;
  residents: number;
  /** At most (every range at its maximum). */
  maxHouseholds: number;
  maxResidents: number;
  days: number;
  /** Peak memory of one run, bytes (a fit to the benchmarks in README.md). */
  memoryBytes: number;
  /** Single-core seconds for one run. */
  seconds: number;
}

const mean = (r: { min: number; max: number }) => (r.min + r.max) / 2;

export function estimateResources(s: Scenario): ResourceEstimate {
  const c = s.community;
  const households = c.compounds * mean(c.buildingsPerCompound) * mean(c.floorsPerBuilding) * c.householdsPerFloor;
  const maxHouseholds = c.compounds * c.buildingsPerCompound.max * c.floorsPerBuilding.max * c.householdsPerFloor;
  const t = s.population.householdTypes;
  const kids = s.population.childrenPerFamily;
  const elders = s.population.eldersPerThreeGeneration;
  const weights = [t.elderlyAlone, t.elderlyCouple, t.adultAlone, t.family, t.threeGeneration];
  const sizes = [1, 2, 1, 2 + mean(kids), 2 + mean(elders) + mean(kids)];
  const maxSizes = [1, 2, 1, 2 + kids.max, 2 + elders.max + kids.max];
  const total = weights.reduce((a, b) => a + b, 0);
  const meanMembers = weights.reduce((a, w, i) => a + w * sizes[i], 0) / total;
  const maxMembers = Math.max(...maxSizes.filter((_, i) => weights[i] > 0));
  const residents = households * meanMembers;
  const days = new Calendar(s.calendar.start, s.calendar.end).days;
  return {
    households,
    residents,
    maxHouseholds,
    maxResidents: maxHouseholds * maxMembers,
    days,
    // ≈ 110 MiB for the program, ≈ 120 bytes per resident and 60 per household, 200 bytes per day of series.
    memoryBytes: 110 * 2 ** 20 + 120 * residents + 60 * households + 200 * days,
    seconds: (residents * days) / RESIDENT_DAYS_PER_SECOND,
  };
}

const fmt = (x: number) => (x >= 1e9 ? x.toExponential(2).replace('e+', 'e') : Math.round(x).toLocaleString('en-US'));
/** Single-core time, in the unit that reads best. */
const duration = (seconds: number) => (seconds < 90 ? `${Math.ceil(seconds)} core-seconds` : seconds < 5400 ? `${Math.round(seconds / 60)} core-minutes` : `${fmt(seconds / 3600)} core-hours`);
const bytes = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)} GiB` : `${Math.round(b / 2 ** 20)} MiB`);

export interface LimitProblem {
  path: string[];
  message: string;
}

/** The problems of a schema-valid scenario against the ceilings (lifted by `allowLarge`) and the hard limits. */
export function resourceProblems(s: Scenario, allowLarge = false): LimitProblem[] {
  const problems: LimitProblem[] = [];
  // The estimate reads the community module's sections; a model without them is not sized here.
  if (!s.community || !s.population) return problems;
  const e = estimateResources(s);
  const where = ['community', 'householdsPerFloor'];
  // Written only for a problem: the first number formatted for en-US starts ICU, ≈ 20 ms of CPU that every run and sweep paid.
  const size = () => `${fmt(e.households)} households, ${fmt(e.residents)} residents (compounds × buildings × floors × households per floor × ${(e.residents / e.households || 0).toFixed(2)} members)`;
  if (e.maxHouseholds > HARD_LIMITS.households || e.maxResidents > HARD_LIMITS.residents) {
    problems.push({ path: where, message: `${size()}: beyond what one run can hold (at most ${fmt(HARD_LIMITS.residents)} residents), even with --allow-large` });
    return problems;
  }
  if (!allowLarge) {
    const cost = `about ${bytes(e.memoryBytes)} of memory and ${duration(e.seconds)} a run`;
    if (e.residents > CEILINGS.residents) {
      problems.push({ path: where, message: `${size()} is above the ceiling of ${fmt(CEILINGS.residents)} residents (${cost}); pass --allow-large to run it anyway` });
    }
    if (e.days > CEILINGS.days) {
      problems.push({ path: ['calendar', 'end'], message: `${fmt(e.days)} days (${s.calendar.start} to ${s.calendar.end}) is above the ceiling of ${fmt(CEILINGS.days)} days (30 years; ${cost}); pass --allow-large to run it anyway` });
    }
  }
  return problems;
}
