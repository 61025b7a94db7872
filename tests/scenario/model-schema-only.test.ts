/**
 * Loading a scenario composes the schema of its own model only (src/scenario/compose.ts): the
 * sections of modules it does not name stay unbuilt, as composing every module's schema cost a
 * `crsim run` about 30 ms at start-up. A fresh process, since a test process has built them all.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = (file: string) => JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../src', file)).href);

describe('loading a scenario', () => {
  it("builds the sections of its model's modules and no others", () => {
    const script = `
      const { loadScenario, DEFAULT_SCENARIO } = await import(${src('scenario/load.ts')});
      const { BUILTIN_MODULES, Q_COMMUNITY } = await import(${src('modules/index.ts')});
      const { scenario } = loadScenario(DEFAULT_SCENARIO);
      const built = (m) => Object.keys(m.params ?? {}).some((k) => !('get' in Object.getOwnPropertyDescriptor(m.params, k)));
      console.log(JSON.stringify({ modules: scenario.modules, built: [...BUILTIN_MODULES.values()].filter(built).map((m) => m.name), q: Q_COMMUNITY }));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const { modules, built, q } = JSON.parse(child.stdout);
    expect(modules).toEqual(q);
    expect([...built].sort()).toEqual([...q].sort());
  });
});
