/**
 * Run manifests as scenario input: `manifest.json` holds the fully resolved document (after
 * `extends` and `--set`, provenance kept) and the seeds, so a run can be reproduced from it alone.
 */
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { PACKAGE_VERSION } from '../version.js';
import { parseSource } from './source.js';
import { applyOverrides, parseScenario, validateDocument, type LoadedScenario, type ParseOptions } from './parse.js';

export interface ManifestSeeds {
  master: number;
  replicate: number;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for the shape `crsim run` writes: a resolved document, the scenario and the seeds. */
export function isRunManifest(value: unknown): value is { document: Record<string, unknown>; seed: ManifestSeeds; scenario: unknown } {
  return (
    isPlainObject(value) &&
    'document' in value &&
    'scenario' in value &&
    isPlainObject(value.seed) &&
    typeof value.seed.master === 'number' &&
    typeof value.seed.replicate === 'number'
  );
}

export interface LoadedInput extends LoadedScenario {
  /** Present when the input was a run manifest: the seeds the run used. */
  manifestSeeds?: ManifestSeeds;
  /** Set when a manifest from another package version is reproduced with `anyVersion`. */
  versionWarning?: string;
}

/** Keys only a run manifest has: a JSON file with any of these, or named manifest.json, is meant as one. */
const MANIFEST_KEYS = ['document', 'package', 'wallTimeMs'];

const isSeed = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Why a JSON value meant as a manifest is not a usable one (empty when it is): the same checks as
 * `--seed` and `--replicate` on the seeds, and the package version it was written by.
 */
function manifestProblems(json: unknown, file: string, options: ParseOptions): { problems: ScenarioProblem[]; warning?: string } {
  const problems: ScenarioProblem[] = [];
  if (!isPlainObject(json)) return { problems: [{ file, path: '', message: 'not a manifest: expected a JSON object as crsim run writes in manifest.json' }] };
  const missing = ['document', 'scenario', 'seed'].filter((k) => !(k in json));
  if (missing.length) problems.push({ file, path: '', message: `not a manifest: no ${missing.join(', ')} (crsim run writes manifest.json with document, scenario, seed and package)` });
  const seed = json.seed;
  if ('seed' in json) {
    if (!isPlainObject(seed)) problems.push({ file, path: 'seed', message: 'expected { master, replicate }' });
    else {
      for (const k of ['master', 'replicate'] as const) {
        if (!isSeed(seed[k])) problems.push({ file, path: `seed.${k}`, message: `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (2^53−1), found ${JSON.stringify(seed[k])}` });
      }
    }
  }
  let warning: string | undefined;
  const version = isPlainObject(json.package) ? json.package.version : undefined;
  if (problems.length === 0 && version !== PACKAGE_VERSION) {
    const text = `${file} was written by community-resilience ${version ?? '(unknown version)'}, this is ${PACKAGE_VERSION}: the results may differ from the original run`;
    if (options.anyVersion) warning = text;
    else problems.push({ file, path: 'package.version', message: `${text}; pass --any-version to reproduce it anyway` });
  }
  return { problems, warning };
}

/**
 * Loads scenario text, or a run manifest (recognised by its shape, not its name), applying
 * overrides either way. A manifest's document is validated as it stands: it extends nothing.
 */
export function parseScenarioOrManifest(
  text: string,
  file: string,
  readRelative: Parameters<typeof parseScenario>[2],
  overrides: Record<string, unknown> = {},
  options: ParseOptions = {},
): LoadedInput {
  let json: unknown;
  if (/^\s*[{[]/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined; // not JSON after all: let the YAML parser report where it breaks
    }
  }
  const named = /(^|[\\/])manifest\.json$/i.test(file);
  const meant = named || (isPlainObject(json) && (MANIFEST_KEYS.some((k) => k in json) || isPlainObject(json.seed)));
  if (!meant) return parseScenario(text, file, readRelative, overrides, options);
  if (json === undefined) throw new ScenarioError([{ file, path: '', message: 'not a manifest: not valid JSON (is the file truncated?)' }]);
  const { problems, warning } = manifestProblems(json, file, options);
  if (problems.length) throw new ScenarioError(problems);
  if (!isRunManifest(json)) throw new ScenarioError([{ file, path: '', message: 'not a manifest' }]);
  if (!isPlainObject(json.document)) {
    throw new ScenarioError([{ file, path: 'document', message: 'this run manifest has no resolved scenario document, so the run cannot be reproduced from it' }]);
  }
  // Parsing the text again as YAML gives positions for problems inside the manifest's document.
  const { source } = parseSource(text, file);
  const document = structuredClone(json.document);
  const overridden = applyOverrides(document, overrides, options.modules);
  const documentSource = { ...source, doc: source.doc.clone() };
  documentSource.doc.contents = source.doc.get('document', true) as any;
  const loaded = validateDocument(document, file, { sources: [documentSource], overridden, strict: options.strict, allowLarge: options.allowLarge, modules: options.modules });
  return { ...loaded, manifestSeeds: { master: json.seed.master, replicate: json.seed.replicate }, ...(warning ? { versionWarning: warning } : {}) };
}
