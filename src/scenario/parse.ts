/**
 * Scenario loading without the file system (so the browser can use it too): YAML or JSON text →
 * `extends:` resolved → `--set` overrides applied → provenance stripped → day offsets turned into
 * dates → validated against the schema. Every problem is reported with its file, line and column.
 */
import type { z } from 'zod';
import { normaliseDates } from './dates.js';
import { deepMerge } from './merge.js';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { messagesFor } from './messages.js';
import { isProvenanceWrapper, PROVENANCE_KINDS, stripProvenance, unsourcedLeaves, type ProvenanceMap } from './provenance.js';
import { ModuleError, type ModuleDef } from '../engine/index.js';
import { assembleScenario, resolveModules } from '../model/index.js';
import { Q_COMMUNITY } from '../modules/index.js';
import { everyModuleSchema, schemaForModules } from './compose.js';
import type { Scenario } from './schema.js';
import { resourceProblems } from './resources.js';
import { didYouMean, schemaAt } from './schema-walk.js';
import { locate, locateIn, parseSource, positionAt, type ScenarioSource } from './source.js';

/** Reads the file a scenario `extends`, given the path as written and the file it appears in. */
export type ReadRelative = ((relativePath: string, fromFile: string) => { file: string; text: string }) & {
  /**
   * The one name of a file however it was written (e.g. its absolute path), so an `extends`
   * cycle is caught at the file that closes it even when the top file was named relatively.
   */
  canonical?: (file: string) => string;
};

export interface LoadedScenario {
  scenario: Scenario;
  /** Where each parameter's value comes from, for the parameters that say so. */
  provenance: ProvenanceMap;
  /** The document after `extends` and overrides, provenance wrappers kept. */
  document: Record<string, unknown>;
  file: string;
}

export interface ParseOptions {
  /** Also require a source (paper, derived, literature, assumed) on every parameter value. */
  strict?: boolean;
  /** Modules of your own that the scenario may name in `modules:`, besides the built-in ones. */
  modules?: readonly ModuleDef<any>[];
  /** Accept scenarios beyond the size ceilings (see resources.ts). */
  allowLarge?: boolean;
  /** Reproduce a manifest written by another package version (a warning instead of a refusal). */
  anyVersion?: boolean;
}

/** A resolved document and the files it came from, the file itself first, then what it extends. */
export interface ResolvedDocument {
  document: Record<string, unknown>;
  sources: ScenarioSource[];
}

function problemAt(source: ScenarioSource, path: string[], message: string): ScenarioProblem {
  const found = locateIn(source, path);
  const offset = found.depth === path.length ? found.value?.range?.[0] : undefined;
  return { file: source.file, path: path.join('.'), message, ...(offset === undefined ? {} : positionAt(source, offset)) };
}

/** Parses one document and everything it extends, merged parent-first, keeping the syntax trees. */
export function resolveSources(text: string, file: string, readRelative: ReadRelative, chain: string[] = []): ResolvedDocument {
  const { source, value: doc } = parseSource(text, file);
  if (!Object.prototype.hasOwnProperty.call(doc, 'extends')) return { document: doc, sources: [source] };
  const parentPath = doc.extends;
  delete doc.extends;
  if (typeof parentPath !== 'string' || parentPath.trim() === '') {
    throw new ScenarioError([problemAt(source, ['extends'], `expected the path of a scenario file, relative to this one, found ${JSON.stringify(parentPath)}`)]);
  }
  let parent: { file: string; text: string };
  try {
    parent = readRelative(parentPath, file);
  } catch (e) {
    throw new ScenarioError([problemAt(source, ['extends'], `cannot read "${parentPath}": ${(e as Error).message}`)]);
  }
  const visited = [...chain, file];
  const key = readRelative.canonical ?? ((f: string) => f);
  const seenAt = visited.map(key).indexOf(key(parent.file));
  if (seenAt >= 0) {
    throw new ScenarioError([problemAt(source, ['extends'], `extends cycle: ${[...visited.slice(seenAt), visited[seenAt]].join(' → ')}`)]);
  }
  const base = resolveSources(parent.text, parent.file, readRelative, visited);
  return { document: deepMerge(base.document, doc) as Record<string, unknown>, sources: [source, ...base.sources] };
}

/** Parses one document and everything it extends, merged parent-first. */
export function resolveDocument(text: string, file: string, readRelative: ReadRelative, chain: string[] = []): Record<string, unknown> {
  return resolveSources(text, file, readRelative, chain).document;
}

export interface ValidateContext {
  /** The files the document came from (for line and column); see resolveSources. */
  sources?: ScenarioSource[];
  /** Paths set with `--set` (or overrides), whose problems are reported against the command line. */
  overridden?: string[];
  strict?: boolean;
  /** Modules of your own that the scenario may name, besides the built-in ones. */
  modules?: readonly ModuleDef<any>[];
  allowLarge?: boolean;
}

/**
 * The schema of the model the document names (`modules:`, or the Q-community preset): an unknown
 * module, a missing requirement or a cycle is a problem at its entry of the list.
 */
function schemaOf(normalised: Record<string, unknown>, modules: readonly ModuleDef<any>[] = []): { schema: z.ZodType } | { problem: { path: (string | number)[]; message: string } } {
  const listed = normalised.modules;
  if (listed !== undefined && !(Array.isArray(listed) && listed.length > 0 && listed.every((m) => typeof m === 'string'))) return { schema: everyModuleSchema() };
  const names = (listed as string[] | undefined) ?? Q_COMMUNITY;
  try {
    // Assembling checks requirements and cycles (cached for the built-in modules).
    assembleScenario({ modules: [...names] }, { modules });
    return { schema: schemaForModules(resolveModules(names, modules)) };
  } catch (e) {
    if (!(e instanceof ModuleError)) throw e;
    return { problem: { path: e.index === undefined || listed === undefined ? ['modules'] : ['modules', e.index], message: e.message } };
  }
}

/** Validates a resolved document; throws a ScenarioError listing every problem. */
export function validateDocument(document: Record<string, unknown>, file: string, context: ValidateContext = {}): LoadedScenario {
  const { value, provenance } = stripProvenance(document);
  const normalised = normaliseDates(value);
  const model = schemaOf(normalised as Record<string, unknown>, context.modules);
  const result = 'schema' in model ? model.schema.safeParse(normalised) : ({ success: true } as const);
  const sources = context.sources ?? [];
  const place = (path: (string | number)[], at: 'key' | 'value'): Omit<ScenarioProblem, 'path' | 'message'> => {
    const dotted = path.join('.');
    if (context.overridden?.some((p) => dotted === p || dotted.startsWith(`${p}.`))) return { file: '--set' };
    return locate(sources, path, at) ?? { file };
  };
  const problems: ScenarioProblem[] = [];
  if ('problem' in model) problems.push({ ...place(model.problem.path, 'value'), path: model.problem.path.join('.'), message: model.problem.message });
  if (!result.success) {
    const messages = result.error.issues.flatMap((issue) => messagesFor(issue, normalised));
    // A misspelt key is one problem, not two: drop "missing regimeSwitch" when the unknown
    // "regimeswitch" beside it already suggests it.
    const suggested = new Set(messages.filter((m) => m.suggests).map((m) => [...m.path.slice(0, -1), m.suggests].join('.')));
    for (const m of messages) {
      if (m.missing && suggested.has(m.path.join('.'))) continue;
      problems.push({ ...place(m.path, m.at), path: m.path.join('.'), message: m.message });
    }
  }
  if (result.success && 'data' in result) for (const p of resourceProblems(result.data as Scenario, context.allowLarge)) problems.push({ ...place(p.path, 'value'), path: p.path.join('.'), message: p.message });
  if (context.strict) {
    for (const path of unsourcedLeaves(document)) {
      problems.push({ ...place(path, 'value'), path: path.join('.'), message: `no provenance: write { value: …, ${PROVENANCE_KINDS.join('|')}: "…" } to say where this value comes from` });
    }
  }
  if (problems.length > 0) throw new ScenarioError(sortProblems(problems, sources));
  return { scenario: (result as { data: Scenario }).data, provenance, document, file };
}

/** In reading order: by file (the scenario before what it extends), then line and column. */
function sortProblems(problems: ScenarioProblem[], sources: ScenarioSource[]): ScenarioProblem[] {
  const fileRank = (f: string) => (f === '--set' ? -1 : sources.findIndex((s) => s.file === f));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => fileRank(a.p.file) - fileRank(b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** `events[0].date` and `events.0.date` both name the first event's date. */
export function splitParameterPath(path: string): string[] {
  if (path.trim() === '') return [];
  return path.trim().replace(/\[(\d+)\]/g, '.$1').split('.');
}

function wasText(v: unknown): string {
  return isProvenanceWrapper(v) ? JSON.stringify(v.value) : JSON.stringify(v);
}

/** The schema of the model a document names, so a module's own section can be set too (the built-in schema if the list is unusable). */
function modelSchemaOf(document: Record<string, unknown>, modules: readonly ModuleDef<any>[] = []): z.ZodType {
  const listed = isProvenanceWrapper(document.modules) ? document.modules.value : document.modules;
  const model = schemaOf({ modules: listed }, modules);
  return 'schema' in model ? model.schema : everyModuleSchema();
}

/**
 * Sets a parameter (`regimes.later.quality`, `events.0.date`) in a document. The path must be one
 * the schema knows (an unknown one throws, with a suggestion when a known key is close); missing
 * mappings on the way are created. The value is recorded as set on the command line, with what it
 * replaced, so a run's manifest says where every value came from.
 */
export function setParameter(document: Record<string, unknown>, path: string, value: unknown, root: z.ZodType = modelSchemaOf(document)): void {
  const keys = splitParameterPath(path);
  if (keys.length === 0 || keys.some((k) => k === '')) throw new Error(`"${path}" is not a parameter path (write it like regimes.later.quality)`);
  const lookup = schemaAt(keys, root);
  if (!lookup.found) {
    const where = lookup.depth === 0 ? 'a scenario' : keys.slice(0, lookup.depth).join('.');
    throw new Error(`no parameter "${path}": ${where} has no "${keys[lookup.depth]}"${didYouMean(keys[lookup.depth], lookup.known)}`);
  }
  const note = (was: unknown) => `set on the command line${was === undefined ? '' : `; was ${wasText(was)}`}`;
  let node: Record<string, unknown> | unknown[] = document;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    const here = keys.slice(0, i + 1).join('.');
    let child = (node as any)[key];
    if (Array.isArray(node) && child === undefined) throw new Error(`no parameter "${path}": ${keys.slice(0, i).join('.')} has ${node.length} entries (numbered from 0)`);
    // Part of a value with a source (one bound of a range): the part gets its own source.
    if (isProvenanceWrapper(child)) child = child.value;
    if (child === undefined || child === null) {
      child = /^\d+$/.test(keys[i + 1]) ? [] : {};
      (node as any)[key] = child;
    }
    if (typeof child !== 'object' || child === null) throw new Error(`cannot set "${path}": ${here} is ${JSON.stringify(child)}, not a mapping`);
    node = child as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(node) && Number(last) > node.length) throw new Error(`no parameter "${path}": ${keys.slice(0, -1).join('.')} has ${node.length} entries (numbered from 0)`);
  const current = (node as any)[last];
  (node as any)[last] = { value, assumed: note(current) };
}

/**
 * Applies `--set` overrides to a document in place; returns the dotted paths set. Throws one
 * ScenarioError listing every override that names no parameter.
 */
export function applyOverrides(document: Record<string, unknown>, overrides: Record<string, unknown>, modules: readonly ModuleDef<any>[] = []): string[] {
  const root = modelSchemaOf(document, modules);
  const problems: ScenarioProblem[] = [];
  const overridden: string[] = [];
  for (const [path, value] of Object.entries(overrides)) {
    try {
      // A copy: a later override of a part (`x.min` after `x`) must not write into the caller's value.
      setParameter(document, path, structuredClone(value), root);
      overridden.push(splitParameterPath(path).join('.'));
    } catch (e) {
      problems.push({ file: '--set', path, message: (e as Error).message });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return overridden;
}

export function parseScenario(text: string, file: string, readRelative: ReadRelative, overrides: Record<string, unknown> = {}, options: ParseOptions = {}): LoadedScenario {
  const { document, sources } = resolveSources(text, file, readRelative);
  const overridden = applyOverrides(document, overrides, options.modules);
  return validateDocument(document, file, { sources, overridden, strict: options.strict, allowLarge: options.allowLarge, modules: options.modules });
}

