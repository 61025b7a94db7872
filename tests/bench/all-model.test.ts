/**
 * The bench's every-module model (bench/all-model.ts) is a scenario `crsim run` accepts: written
 * out as JSON (as `npx tsx bench/model.ts --scenario all` writes it) and loaded as the CLI loads a
 * file, it passes the same validation — the modules' checks among it — so the figures quoted for
 * "every module on" stay those of a model a user can run. Before part 16x the bench ran issueRouting
 * with satisfaction and the party network after the stations, which the check refuses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { everyModuleScenario, LEFT_OUT, scenarioFor } from '../../bench/all-model.js';
import { BUILTIN_MODULES } from '../../src/modules/index.js';
import { loadScenario } from '../../src/scenario/load.js';

const work = mkdtempSync(join(tmpdir(), 'crsim-all-model-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the bench's every-module model", () => {
  const { scenario } = everyModuleScenario();

  it('has every built-in module but the one it leaves out', () => {
    expect([...scenario.modules!].sort()).toEqual([...BUILTIN_MODULES.keys()].filter((m) => m !== LEFT_OUT).sort());
  });

  it.each([['its own size', 0], ['20,000 residents', 20_000]])('at %s passes the validation crsim run applies to a file', (_label, size) => {
    const file = join(work, `all-${size}.json`);
    writeFileSync(file, JSON.stringify(scenarioFor('all', size)));
    expect(() => loadScenario(file)).not.toThrow();
  });

  it('needs the module it leaves out left out: with it, the check refuses the model', () => {
    const file = join(work, 'all-with-left-out.json');
    writeFileSync(file, JSON.stringify({ ...scenarioFor('all', 0), modules: [...scenario.modules!, LEFT_OUT], [LEFT_OUT]: loadScenario(join(import.meta.dirname, '../../scenarios/five-society/five-society.yaml')).scenario[LEFT_OUT as 'satisfaction'] }));
    expect(() => loadScenario(file)).toThrow(/both write satisfaction\.final/);
  });
});
