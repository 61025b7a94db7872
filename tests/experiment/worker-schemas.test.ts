/**
 * A sweep's worker thread never validates (its scenario arrives validated), so it must not build
 * the modules' parameter schemas: they are built when first read (`sections`, src/scenario/
 * params.ts). A fresh process, as each worker thread is a fresh isolate, imports the task runner
 * and runs a task; every built-in module's sections must still be unbuilt afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/modules/index.js';
import { plannedTasks } from '../../src/experiment/sweep.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { sections } from '../../src/scenario/params.js';
import { z as standIn } from '../../src/experiment/zod-stand-in.js';
import { z } from 'zod';

const src = (file: string) => JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../src', file)).href);

/** The sections of each built-in module that have been built (read) so far, by module. */
const builtSectionsScript = `
  const { BUILTIN_MODULES } = await import(${src('modules/index.ts')});
  const built = (m) => Object.keys(m.params ?? {}).filter((k) => !('get' in Object.getOwnPropertyDescriptor(m.params, k)));
  const builtSections = () => Object.fromEntries([...BUILTIN_MODULES.values()].map((m) => [m.name, built(m)]).filter(([, b]) => b.length));`;

describe("a sweep worker's parameter schemas", () => {
  it('are not built by importing the task runner and running a task', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crsim-worker-schemas-'));
    const taskFile = join(dir, 'task.json');
    writeFileSync(taskFile, JSON.stringify(plannedTasks(loadExperiment(resolve(import.meta.dirname, '../../bench/sweep-bench.yaml')))[0]));
    const script = `
      import { readFileSync } from 'node:fs';
      const { executeRun } = await import(${src('experiment/task.ts')});
      ${builtSectionsScript}
      const outcome = executeRun(JSON.parse(readFileSync(${JSON.stringify(taskFile)}, 'utf8')));
      console.log(JSON.stringify({ days: outcome.dates.length, built: builtSections() }));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const { days, built } = JSON.parse(child.stdout);
    expect(days).toBeGreaterThan(0);
    expect(built).toEqual({});
  });

  it('are built when read, once, and then kept as plain properties (however many objects share them)', () => {
    let builds = 0;
    const lazy = sections({ a: () => (builds++, z.number()) });
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(lazy)) as typeof lazy;
    expect(builds).toBe(0);
    expect(Object.keys(lazy)).toEqual(['a']);
    const first = lazy.a;
    expect(lazy.a).toBe(first);
    expect(copy.a).toBe(first);
    expect(builds).toBe(1);
    expect(Object.getOwnPropertyDescriptor(lazy, 'a')).toMatchObject({ value: first, enumerable: true });
    // Validating a scenario reads them all (this process loaded the bench experiment above).
    for (const m of BUILTIN_MODULES.values()) for (const key of Object.keys(m.params ?? {})) expect((m.params as Record<string, unknown>)[key]).toBeInstanceOf(z.ZodType);
  });
});

describe("the worker bundle's stand-in for zod (src/experiment/zod-stand-in.ts)", () => {
  const zz = standIn as typeof z;

  it('lets modules build schemas as they load', () => {
    const shape = { a: zz.number().int().min(0).meta({ description: 'a' }), b: zz.enum(['x', 'y']).nullable().optional() };
    expect(() => zz.object(shape).strict().refine(() => true, 'never').meta({ description: 'section' })).not.toThrow();
    expect(() => zz.string().regex(/x/, 'x').refine(() => true)).not.toThrow();
  });

  it('refuses every use of a schema, so that a worker never passes a scenario unchecked', () => {
    const section = zz.object({ a: zz.number() }).strict();
    expect(() => section.parse({ a: 1 })).toThrow(/zod is not in the sweep worker's bundle/);
    expect(() => section.safeParse({ a: 1 })).toThrow(/\.safeParse/);
    expect(() => section.shape).toThrow(/\.shape/);
    expect(() => section.meta()).toThrow(/\.meta\(\)/);
    expect(() => zz.toJSONSchema(section)).toThrow(/z\.toJSONSchema/);
  });

  const bundle = resolve(import.meta.dirname, '../../dist/experiment/task.bundle.cjs');
  // `npm test` builds the bundle first; a bare `vitest run` on an unbuilt tree reports this one skipped.
  it.skipIf(!existsSync(bundle))('is what the built bundle has in place of zod', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain("zod is not in the sweep worker's bundle");
    expect(text).not.toMatch(/node_modules\/zod\//);
  });
});
