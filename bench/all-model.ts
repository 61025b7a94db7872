/**
 * The bench's models as scenarios (bench/model.ts runs them; bench/ab-trees.ts and the other
 * benches run them written out as JSON; scripts/check-identical.ts hashes their outputs):
 *
 * - q: the default scenario (paper 000's Q-community lockdown, lockdown-2020.yaml), 97 days;
 * - all: every built-in module but one (src/modules/index.ts) — the Q modules but satisfaction, the five
 *   societies, the epidemic, N street's reform, Dalian's grid — in a combination `crsim run`
 *   accepts; 120 days, from 30 days before the shock, with 0.1 % of residents infected on day 0.
 *
 * The every-module model is five-society.yaml with, for each module it does not list, the shipped
 * scenario that does (a crisis scenario first, one that also runs the lockdown): that scenario's
 * modules that are still missing are added in the order it lists them, with their sections. The
 * modules so come in an order shipped scenarios use, which is one their checks accept (the party
 * network before the mutual-aid stations, as N street's lockdown-after-reform.yaml has them).
 *
 * One module is left out: issueRouting and satisfaction both write `satisfaction.final` (the
 * residents' satisfaction with how their issues were settled, and households' with provision),
 * and the scenario check refuses the two together. The model leaves out satisfaction, as the one
 * shipped scenario that joins the lockdown with N street's reform does (lockdown-after-reform.yaml),
 * and because the Q row already measures satisfaction while only this row measures issue routing.
 * Before part 16x the bench ran both, and the party network after the stations: a model the check
 * refuses, whose figures (docs/performance.md up to part 16w, and parts 16y, 16z and 16aa, measured
 * from 75059c1) no user could reproduce.
 *
 * Sizes: `targetResidents` 0 is the scenario's own (≈ 6,400 residents); larger sizes scale
 * compounds, and social workers, organisations and money with them (merchants' supply is per
 * resident already), so supply per household stays as in the default.
 *
 * The scenario is validated as `crsim run` validates a file (validateDocument; sizes above the
 * ceilings as with --allow-large) and the validated scenario is what a row runs, so the bench
 * cannot drift into a model the CLI refuses (tests/bench/all-model.test.ts checks it too).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromEpochDay, toEpochDay } from '../src/engine/index.js';
import { BUILTIN_MODULES } from '../src/modules/index.js';
import { DEFAULT_SCENARIO, loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';
import { validateDocument } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';

export type ModelName = 'q' | 'all';
export const RESIDENTS_PER_COMPOUND_ESTIMATE = 1070; // the default's ≈ 6,400 residents in 6 compounds

/** Left out of the every-module model: it and issueRouting both write satisfaction.final (see above). */
export const LEFT_OUT = 'satisfaction';

type Loose = Scenario & Record<string, any>;

/** Every built-in module but LEFT_OUT: five-society.yaml, plus the modules it does not list, with their sections, from shipped scenarios. */
export function everyModuleScenario(): { scenario: Scenario; donors: string[] } {
  const scenario = structuredClone(loadScenario(join(SCENARIOS_DIR, 'five-society/five-society.yaml')).scenario) as Loose;
  const shipped = readdirSync(SCENARIOS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort()
    .map((file) => {
      try {
        return { file, s: loadScenario(join(SCENARIOS_DIR, file)).scenario as Loose };
      } catch {
        return null; // a manifest or a case file, not a scenario
      }
    })
    .filter((d) => d !== null);
  const modules = (scenario.modules ?? []).filter((m) => m !== LEFT_OUT);
  for (const section of Object.keys(BUILTIN_MODULES.get(LEFT_OUT)!.params ?? {})) delete scenario[section];
  const donors: string[] = [];
  for (const name of BUILTIN_MODULES.keys()) {
    if (name === LEFT_OUT || modules.includes(name)) continue;
    const donor = shipped.filter((d) => d.s.modules?.includes(name))
      // A crisis scenario first (one that also runs the lockdown), as the rest of this model is one.
      .sort((a, b) => Number(b.s.modules!.includes('lockdown')) - Number(a.s.modules!.includes('lockdown')))[0];
    if (!donor) throw new Error(`no shipped scenario lists module "${name}", so the bench cannot parameterise it`);
    // The donor's missing modules in its order: an order its checks accept.
    const added = donor.s.modules!.filter((m) => m !== LEFT_OUT && !modules.includes(m));
    for (const m of added) {
      modules.push(m);
      for (const section of Object.keys(BUILTIN_MODULES.get(m)!.params ?? {})) if (!(section in scenario)) scenario[section] = structuredClone(donor.s[section]);
    }
    donors.push(`${added.join(', ')} from ${relative(SCENARIOS_DIR, join(SCENARIOS_DIR, donor.file))}`);
  }
  scenario.modules = modules;
  return { scenario, donors };
}

/** A row's scenario: the model at about `targetResidents` residents (0: its own size), validated as `crsim run --allow-large` would. */
export function scenarioFor(model: ModelName, targetResidents: number): Scenario {
  const base = model === 'q' ? loadScenario(DEFAULT_SCENARIO).scenario : everyModuleScenario().scenario;
  const s = structuredClone(base) as Loose;
  if (model === 'all') {
    // 120 days: a month of normal life, then 90 days from the shock.
    const shock = toEpochDay(s.timeline.roadClosure);
    s.calendar.start = fromEpochDay(shock - 30);
    s.calendar.end = fromEpochDay(shock + 89);
  }
  if (targetResidents > 0) {
    const compounds = Math.max(1, Math.round(targetResidents / RESIDENTS_PER_COMPOUND_ESTIMATE));
    const f = compounds / base.community.compounds;
    s.community.compounds = compounds;
    // Merchants' restock and delivery staff are per resident (issue 11): they scale by themselves.
    if (s.socialWorkers) s.socialWorkers.posts = Math.round(s.socialWorkers.posts * f);
    if (s.socialOrganisations) for (const t of ['economic', 'cultural', 'associational']) s.socialOrganisations[t].count = Math.round(s.socialOrganisations[t].count * f);
    if (s.platform) s.platform.coordinatorHoursPerDay *= f;
    if (s.charity) {
      for (const c of Object.values(s.charity.channels) as { normalYuanPerMonth: number; crisisYuan: number }[]) { c.normalYuanPerMonth *= f; c.crisisYuan *= f; }
      s.charity.projectHoursPerMonth *= f;
      s.charity.linkingHoursPerDay *= f;
    }
  }
  if (model === 'all') s.epidemic.initialInfections = Math.max(1, Math.round((targetResidents || 6400) / 1000));
  return validateDocument(s, `bench model "${model}"`, { allowLarge: true }).scenario;
}
