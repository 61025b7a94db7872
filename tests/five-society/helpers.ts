/**
 * Helpers for the five-society tests: the shipped scenarios made small and short so that each
 * stylized fact runs over several seeds in seconds — one compound (merchants' restock is per
 * resident, so it scales with it) and half a normal year before the shock.
 */
import { resolve } from 'node:path';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers.js';

export const SMALL = {
  'community.compounds': 1,
  'calendar.start': '2019-09-26',
  // The societies scaled with the community (a sixth of the shipped one).
  'socialWorkers.posts': 1,
  'socialOrganisations.cultural.count': 1,
};

/** The small community has about a sixth of the shipped one's households. */
const MONEY_SCALE = 1 / 6;

const scenarios = new Map<string, Scenario>();

/** A shipped five-society scenario, made small, with overrides; the same object for the same arguments (runs are cached by it). */
export function fsScenario(name: string, overrides: Record<string, unknown> = {}): Scenario {
  const key = `${name}\u0000${JSON.stringify(overrides)}`;
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenario(resolve(ROOT, 'scenarios/five-society', `${name}.yaml`), { ...SMALL, ...overrides }).scenario;
    // Money scaled with the community too, unless the test sets it.
    const charity = (s as { charity?: Scenario['charity'] }).charity;
    if (charity) {
      for (const c of Object.values(charity.channels)) {
        c.normalYuanPerMonth *= MONEY_SCALE;
        c.crisisYuan *= MONEY_SCALE;
      }
      charity.projectHoursPerMonth *= MONEY_SCALE;
      charity.linkingHoursPerDay *= MONEY_SCALE;
    }
    scenarios.set(key, s);
  }
  return s;
}

export const SEEDS = 5;

/** A summary measure (dotted path) over replicates 0..SEEDS-1. */
export function measureOver(scenario: Scenario, path: string, n = SEEDS): number[] {
  return runs(scenario, n).map((r) => pick(r.summary, path));
}

const cache = new Map<Scenario, RunResult[]>();
export function runs(scenario: Scenario, n = SEEDS): RunResult[] {
  let rs = cache.get(scenario);
  if (!rs) {
    rs = Array.from({ length: n }, (_, replicate) => runScenario(scenario, { replicate }));
    cache.set(scenario, rs);
  }
  return rs;
}

export function pick(summary: unknown, path: string): number {
  const v = path.split('.').reduce((o: any, k) => o?.[k], summary);
  if (typeof v !== 'number') throw new Error(`${path} is ${v}`);
  return v;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const trimmed = new Map<string, Scenario>();

/** The scenario with these modules left out of its model (their sections stay, unread). */
export function without(scenario: Scenario, ...modules: string[]): Scenario {
  const key = `${scenarios.size}:${[...scenarios.values()].indexOf(scenario)}:${modules.join(',')}`;
  let s = trimmed.get(key);
  if (!s) {
    s = { ...scenario, modules: scenario.modules.filter((m) => !modules.includes(m)) };
    trimmed.set(key, s);
  }
  return s;
}
