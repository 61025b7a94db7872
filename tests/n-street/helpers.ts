/**
 * Helpers for the N-street tests: the shipped reform scenario with 12 of its 48 compounds (each
 * compound as large as in the full street, and every rate per resident, so routing and selection
 * per compound are those of the full street), over several seeds in about a second.
 */
import { resolve } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { ROOT } from '../helpers.js';
import { mean, pick, runs } from '../five-society/helpers.js';

export { mean, pick, runs };

export const FILE = resolve(ROOT, 'scenarios/n-street/reform-2012-2018.yaml');
export const SMALL = { 'community.compounds': 12 };
/** Replicates per mean: five, as the five-society tests (whose run cache these share). */

const scenarios = new Map<string, Scenario>();
export function nStreet(overrides: Record<string, unknown> = {}): Scenario {
  const key = JSON.stringify(overrides);
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenario(FILE, { ...SMALL, ...overrides }).scenario;
    scenarios.set(key, s);
  }
  return s;
}

/** A shipped N-street variant (`scenarios/n-street/<name>.yaml`), made small as `nStreet`. */
export function variant(name: string, overrides: Record<string, unknown> = {}): Scenario {
  const key = `${name}\u0000${JSON.stringify(overrides)}`;
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenario(resolve(ROOT, 'scenarios/n-street', `${name}.yaml`), { ...SMALL, ...overrides }).scenario;
    scenarios.set(key, s);
  }
  return s;
}

export const meanOf = (s: Scenario, path: string) => mean(runs(s).map((r) => pick(r.summary, path)));

/** The lockdown's provision modules (paper 000's Q-community model) the lockdown scenarios list beside N street's. */
export const PROVISION_MODULES = ['lockdown', 'households', 'resilience', 'merchants', 'residentsCommittee', 'provision', 'partyMembers', 'volunteers', 'selfOrganisation'];
const gridOnlyCache = new Map<Scenario, Scenario>();
/**
 * A lockdown scenario without the provision modules: N street and the grid in its crisis alone,
 * for the grid's facts. The grid reads none of their state, so its measures are the same with
 * them (tested in lockdown-after-reform.test.ts), at a sixth of the cost.
 */
export function gridOnly(s: Scenario): Scenario {
  let g = gridOnlyCache.get(s);
  if (!g) {
    g = { ...s, modules: s.modules.filter((m) => !PROVISION_MODULES.includes(m)) };
    gridOnlyCache.set(s, g);
  }
  return g;
}
