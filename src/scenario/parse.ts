/**
 * Scenario loading without the file system (so the browser can use it too): YAML or JSON text →
 * `extends:` resolved → provenance stripped → validated against the schema.
 */
import { parse as parseYaml } from 'yaml';
import { deepMerge } from './merge.js';
import { ScenarioError } from './errors.js';
import { stripProvenance, type ProvenanceMap } from './provenance.js';
import { scenarioSchema, type Scenario } from './schema.js';

/** Reads the file a scenario `extends`, given the path as written and the file it appears in. */
export type ReadRelative = (relativePath: string, fromFile: string) => { file: string; text: string };

export interface LoadedScenario {
  scenario: Scenario;
  /** Where each parameter's value comes from, for the parameters that say so. */
  provenance: ProvenanceMap;
  /** The document after `extends` and overrides, provenance wrappers kept. */
  document: Record<string, unknown>;
  file: string;
}

function parseDocument(text: string, file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new ScenarioError([{ file, path: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ScenarioError([{ file, path: '', message: `expected a mapping of scenario keys, found ${doc === null || doc === undefined ? 'an empty document' : Array.isArray(doc) ? 'a list' : typeof doc}` }]);
  }
  return doc as Record<string, unknown>;
}

/** Parses one document and everything it extends, merged parent-first. */
export function resolveDocument(text: string, file: string, readRelative: ReadRelative, chain: string[] = []): Record<string, unknown> {
  if (chain.includes(file)) {
    throw new ScenarioError([{ file, path: 'extends', message: `extends cycle: ${[...chain, file].join(' → ')}` }]);
  }
  const doc = parseDocument(text, file);
  const parentPath = doc.extends;
  delete doc.extends;
  if (parentPath === undefined) return doc;
  if (typeof parentPath !== 'string') {
    throw new ScenarioError([{ file, path: 'extends', message: 'expected a relative file path' }]);
  }
  let parent: { file: string; text: string };
  try {
    parent = readRelative(parentPath, file);
  } catch {
    throw new ScenarioError([{ file, path: 'extends', message: `cannot read ${parentPath}` }]);
  }
  const base = resolveDocument(parent.text, parent.file, readRelative, [...chain, file]);
  return deepMerge(base, doc) as Record<string, unknown>;
}

/** Validates a resolved document; throws a ScenarioError listing every problem. */
export function validateDocument(document: Record<string, unknown>, file: string): LoadedScenario {
  const { value, provenance } = stripProvenance(document);
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    throw new ScenarioError(
      result.error.issues.map((issue) => ({ file, path: issue.path.join('.'), message: issue.message })),
    );
  }
  return { scenario: result.data, provenance, document, file };
}

/** Sets `a.b.c` in a document, creating nothing: the path must already exist. */
export function setParameter(document: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: any = document;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !(key in node)) throw new Error(`no parameter ${path}`);
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (typeof node !== 'object' || node === null || !(last in node)) throw new Error(`no parameter ${path}`);
  const current = node[last];
  // Keep the provenance wrapper's shape but mark the value as overridden.
  if (current && typeof current === 'object' && 'value' in current && !Array.isArray(current)) {
    node[last] = { value, assumed: `set by override (was ${JSON.stringify(current.value)})` };
  } else {
    node[last] = value;
  }
}

export function parseScenario(text: string, file: string, readRelative: ReadRelative, overrides: Record<string, unknown> = {}): LoadedScenario {
  const document = resolveDocument(text, file, readRelative);
  for (const [path, value] of Object.entries(overrides)) {
    try {
      setParameter(document, path, value);
    } catch (e) {
      throw new ScenarioError([{ file, path, message: (e as Error).message }]);
    }
  }
  return validateDocument(document, file);
}
