/**
 * The `community-resilience/engine` entry point loads the engine alone: its static import graph
 * (followed file by file from src/engine/index.ts) stays inside src/engine and reaches none of
 * the heavy packages the rest of the library uses. Structural, not timed: bench/import.ts prints
 * the import time.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAVY = ['zod', 'yaml', 'csv-stringify', 'hyparquet-writer', 'tinypool', 'commander', 'cli-progress', 'd3'];

/** Every file reached by static imports and re-exports from `entry`, and the packages named. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    // Type-only imports vanish from the JavaScript, so they do not count.
    const source = readFileSync(file, 'utf8').replace(/^(import|export) type [^;]*;/gms, '');
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName.replace(/\.js$/, '.ts')));
      else packages.add(fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the engine entry point', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const graph = importGraph(resolve(ROOT, 'src/engine/index.ts'));

  it('is exported as community-resilience/engine, from the compiled engine', () => {
    expect(pkg.exports['./engine'].default).toBe('./dist/engine/index.js');
    expect(pkg.exports['./engine'].types).toBe('./dist/engine/index.d.ts');
  });

  it('imports nothing outside src/engine', () => {
    const outside = graph.files.map((f) => relative(ROOT, f)).filter((f) => !f.startsWith('src/engine/'));
    expect(outside).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(5); // the walk followed the re-exports
  });

  it('loads none of the heavy packages (schema, YAML, CSV, Parquet, worker pool, CLI, charts)', () => {
    expect([...graph.packages].filter((p) => HEAVY.includes(p))).toEqual([]);
    expect(graph.packages).toContain('seedrandom'); // the walk saw the engine's one package
  });

  it('is what the package root would have pulled in for this walk to mean anything', () => {
    // The same walk from the package root reaches the heavy packages, so the check above can fail.
    const root = importGraph(resolve(ROOT, 'src/index.ts'));
    expect(HEAVY.filter((p) => root.packages.has(p))).toEqual(expect.arrayContaining(['zod', 'yaml', 'tinypool']));
  });
});
