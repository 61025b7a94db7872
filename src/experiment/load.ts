/**
 * Loading an experiment file: YAML → schema check (every problem, with file:line:column) →
 * base scenario (with `set`) → design points → one validated scenario per point. Nothing runs
 * unless every point gives a valid scenario.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModuleDef } from '../engine/index.js';
import { importModuleFiles, moduleFileUrl } from '../model/module-files.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { loadScenario } from '../scenario/load.js';
import { validateDocument } from '../scenario/parse.js';
import { isProvenanceWrapper } from '../scenario/provenance.js';
import type { Scenario } from '../scenario/schema.js';
import { designPoints, type DesignPoint } from './design.js';
import { outputsOf, selectMeasures } from './measures.js';
import { experimentSchema, type ExperimentSpec } from './schema.js';
import { parseWithPositions, positionOf, type YamlSource } from './yaml-positions.js';
import { designProblems, timeProblems } from './design-size.js';

export interface LoadExperimentOptions {
  /** Accept designs and scenarios beyond the size ceilings (design-size.ts, scenario/resources.ts). */
  allowLarge?: boolean;
  /** The modules the experiment's `modules:` files export (see openExperiment, which imports them). */
  modules?: readonly ModuleDef<any>[];
}

export interface ResolvedExperiment {
  /** Absolute path of the experiment file (or a label for in-memory experiments). */
  file: string;
  spec: ExperimentSpec;
  /** Absolute path of the base scenario. */
  scenarioFile: string;
  masterSeed: number;
  /** The base scenario with `set` applied (what a warm start runs before the shock). */
  baseScenario: Scenario;
  /** Varied parameter paths, grid factors first, in file order. */
  varied: string[];
  points: DesignPoint[];
  /** The validated scenario of each point. */
  pointScenarios: Scenario[];
  /** Kept summary measures (flattened names) and daily metrics. */
  measures: string[];
  metrics: string[];
  replicates: number;
  /** Total runs: points × replicates. */
  runs: number;
  /** Modules of the user's own the base scenario may name, and the files (URLs) they come from. */
  modules: ModuleDef<any>[];
  moduleFiles: string[];
}

/**
 * Sets `a.b.c` in a scenario document. Unlike a plain object walk it looks through provenance
 * wrappers (`perBuilding: { value: { min, max }, paper: … }` lets you set `perBuilding.max`), and
 * marks what it replaces as set by the experiment. The path must already exist.
 */
export function setDocumentParameter(document: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: any = document;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (isProvenanceWrapper(node)) node = node.value;
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !(key in node)) {
      throw new Error(`the scenario has no parameter ${keys.slice(0, i + 1).join('.')}`);
    }
    if (i === keys.length - 1) {
      node[key] = isProvenanceWrapper(node[key]) ? { value, assumed: `set by experiment (was ${JSON.stringify(node[key].value)})` } : value;
    } else if (isProvenanceWrapper(node[key])) {
      // Unwrap so the child can be replaced; the parent's provenance no longer holds as a whole.
      node[key] = structuredClone(node[key].value);
      node = node[key];
    } else {
      node = node[key];
    }
  }
}

function fail(file: string, src: YamlSource | undefined, problems: { path: (string | number)[]; message: string; key?: string }[]): never {
  throw new ScenarioError(
    problems.map(({ path, message, key }): ScenarioProblem => {
      const pos = src ? positionOf(src, path, key) : undefined;
      return { file, path: [...path, ...(key ? [key] : [])].join('.'), message, ...(pos ? { line: pos.line, column: pos.column } : {}) };
    }),
  );
}

/** Validates experiment text (YAML or JSON); `file` names it in messages and anchors `scenario:`. */
export function parseExperiment(text: string, file: string, options: LoadExperimentOptions = {}): ResolvedExperiment {
  const modules = [...(options.modules ?? [])];
  const src = parseWithPositions(text);
  if (src.doc.errors.length) {
    const e = src.doc.errors[0];
    const { line, col } = src.lines.linePos(e.pos[0]);
    throw new ScenarioError([{ file, path: '', line, column: col, message: `not valid YAML: ${e.message.split('\n')[0]}` }]);
  }
  let raw: unknown;
  try {
    raw = src.doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // e.g. an alias before its anchor (`*a`): the YAML library throws instead of listing an error.
    throw new ScenarioError([{ file, path: '', line: 1, column: 1, message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(file, src, [{ path: [], message: 'expected a mapping of experiment keys (name, scenario, factors, replicates…)' }]);
  }
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) {
    fail(file, src, parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path, key, message: `unknown key "${key}"` }));
      }
      return [{ path, message: describeIssue(issue, raw) }];
    }));
  }
  const spec = parsed.data;

  const scenarioFile = resolve(dirname(resolve(file)), spec.scenario);
  if (!existsSync(scenarioFile)) fail(file, src, [{ path: ['scenario'], message: `no such scenario file: ${scenarioFile}` }]);
  let base;
  try {
    base = loadScenario(scenarioFile, {}, { allowLarge: options.allowLarge, modules });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // The scenario's own problems first, then where the experiment names it.
    throw new ScenarioError([...e.problems, { file, path: 'scenario', message: 'the base scenario is invalid (problems above)', ...positionOf(src, ['scenario']) }]);
  }
  const document = structuredClone(base.document);
  const earlyProblems: { path: (string | number)[]; message: string }[] = [];
  for (const [path, value] of Object.entries(spec.set)) {
    try {
      setDocumentParameter(document, path, value);
    } catch (e) {
      earlyProblems.push({ path: ['set', path], message: (e as Error).message });
    }
  }
  const lhsFactors = spec.latinHypercube ? Object.keys(spec.latinHypercube.factors) : [];
  const varied = [...Object.keys(spec.factors), ...lhsFactors];
  /** Where a varied parameter is written in the experiment file. */
  const factorAt = (path: string) => (path in spec.factors ? ['factors', path] : ['latinHypercube', 'factors', path]);
  for (const path of varied) {
    try {
      setDocumentParameter(structuredClone(document), path, 0);
    } catch (e) {
      earlyProblems.push({ path: factorAt(path), message: (e as Error).message });
    }
  }
  // The measures and metrics the base scenario's modules declare.
  const known = outputsOf(base.scenario, { modules });
  const { measures, unknown } = selectMeasures(spec.keep.measures, known.measures);
  unknown.forEach((name) => earlyProblems.push({ path: ['keep', 'measures', spec.keep.measures!.indexOf(name)], message: `no summary measure or group named "${name}" (e.g. resilience, resilience.robustness, groups.others.unmetNeedDays; see docs/metrics.md)` }));
  const metrics = spec.keep.metrics ?? [...known.metrics];
  metrics.forEach((name, i) => {
    if (!known.metrics.includes(name)) earlyProblems.push({ path: ['keep', 'metrics', i], message: `no daily metric named "${name}" (known: ${known.metrics.join(', ')})` });
  });
  earlyProblems.push(...designProblems(spec, options.allowLarge));
  if (earlyProblems.length) fail(file, src, earlyProblems);

  const validate = (doc: Record<string, unknown>) => validateDocument(doc, scenarioFile, { allowLarge: options.allowLarge, modules }).scenario;
  let baseScenario: Scenario;
  try {
    baseScenario = validate(document);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    fail(file, src, e.problems.map((p) => {
      const culprit = Object.keys(spec.set).find((k) => p.path === k || p.path.startsWith(`${k}.`) || k.startsWith(`${p.path}.`));
      return { path: culprit ? ['set', culprit] : ['set'], message: `the base scenario with these settings is invalid: ${p.path}: ${p.message}` };
    }));
  }
  const masterSeed = spec.seed ?? baseScenario.seed;
  const points = designPoints(spec, masterSeed);

  // Validate every point before anything runs; report each distinct problem once, at the
  // factor that causes it.
  const pointScenarios: Scenario[] = [];
  const problems = new Map<string, { path: (string | number)[]; message: string }>();
  points.forEach((point, i) => {
    const doc = structuredClone(document);
    for (const [path, value] of Object.entries(point)) setDocumentParameter(doc, path, value);
    try {
      pointScenarios.push(validate(doc));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problems) {
        const culprit = varied.find((v) => p.path === v || p.path.startsWith(`${v}.`) || v.startsWith(`${p.path}.`)) ?? varied[0];
        const at = culprit === undefined ? ['factors'] : factorAt(culprit);
        const key = `${at.join('.')}|${p.path}|${p.message}`;
        if (!problems.has(key)) {
          problems.set(key, { path: at, message: `point ${i} (${describePoint(point)}) gives an invalid scenario: ${p.path}: ${p.message}` });
        }
      }
    }
  });
  if (problems.size) fail(file, src, [...problems.values()].slice(0, 20));
  const tooLong = timeProblems(pointScenarios, spec.replicates, options.allowLarge);
  if (tooLong.length) fail(file, src, tooLong);

  return {
    file: resolve(file),
    spec,
    scenarioFile,
    masterSeed,
    baseScenario,
    varied,
    points,
    pointScenarios,
    measures,
    metrics,
    replicates: spec.replicates,
    runs: points.length * spec.replicates,
    modules,
    moduleFiles: moduleFilesOf(spec, file),
  };
}

/** The experiment's `modules:` files as URLs, resolved relative to the experiment file. */
function moduleFilesOf(spec: { modules: string[] }, file: string): string[] {
  return spec.modules.map((m) => moduleFileUrl(/^[a-z][a-z0-9+.-]*:/i.test(m) ? m : resolve(dirname(resolve(file)), m)));
}

/**
 * Loads an experiment file, first importing the module files it lists (`modules:`), so that its
 * base scenario may name modules of the user's own. Use this rather than loadExperiment when an
 * experiment may name module files.
 */
export async function openExperiment(file: string, options: Omit<LoadExperimentOptions, 'modules'> = {}): Promise<ResolvedExperiment> {
  if (!existsSync(file)) throw new ScenarioError([{ file, path: '', message: 'no such experiment file' }]);
  if (statSync(file).isDirectory()) throw new ScenarioError([{ file, path: '', message: 'is a folder, not an experiment file' }]);
  const text = readFileSync(file, 'utf8');
  let listed: unknown;
  try {
    listed = (parseYaml(text) as { modules?: unknown } | null)?.modules;
  } catch {
    listed = undefined; // parseExperiment reports where the YAML breaks
  }
  const files = Array.isArray(listed) && listed.every((m) => typeof m === 'string') ? moduleFilesOf({ modules: listed }, file) : [];
  return parseExperiment(text, file, { ...options, modules: files.length ? await importModuleFiles(files) : [] });
}

export function loadExperiment(file: string, options: LoadExperimentOptions = {}): ResolvedExperiment {
  if (!existsSync(file)) throw new ScenarioError([{ file, path: '', message: 'no such experiment file' }]);
  if (statSync(file).isDirectory()) throw new ScenarioError([{ file, path: '', message: 'is a folder, not an experiment file' }]);
  return parseExperiment(readFileSync(file, 'utf8'), file, options);
}

function describePoint(point: DesignPoint): string {
  return Object.entries(point).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
}

/** zod's messages, made to say what was found as well as what was expected. */
function describeIssue(issue: { code: string; message: string; path: PropertyKey[] }, raw: unknown): string {
  let found: unknown = raw;
  for (const p of issue.path) found = found !== null && typeof found === 'object' ? (found as Record<PropertyKey, unknown>)[p] : undefined;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    const shown = found === undefined ? 'nothing' : JSON.stringify(found);
    return `${issue.message}; found ${shown}`;
  }
  return issue.message;
}
