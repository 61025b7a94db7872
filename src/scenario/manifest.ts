/**
 * Run manifests as scenario input: `manifest.json` holds the fully resolved document (after
 * `extends` and `--set`, provenance kept) and the seeds, so a run can be reproduced from it alone.
 */
import { ScenarioError } from './errors.js';
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
  if (/^\s*\{/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined; // not JSON after all: let the YAML parser report where it breaks
    }
  }
  if (!isRunManifest(json)) return parseScenario(text, file, readRelative, overrides, options);
  if (!isPlainObject(json.document)) {
    throw new ScenarioError([{ file, path: 'document', message: 'this run manifest has no resolved scenario document, so the run cannot be reproduced from it' }]);
  }
  // Parsing the text again as YAML gives positions for problems inside the manifest's document.
  const { source } = parseSource(text, file);
  const document = structuredClone(json.document);
  const overridden = applyOverrides(document, overrides, options.modules);
  const documentSource = { ...source, doc: source.doc.clone() };
  documentSource.doc.contents = source.doc.get('document', true) as any;
  const loaded = validateDocument(document, file, { sources: [documentSource], overridden, strict: options.strict, modules: options.modules });
  return { ...loaded, manifestSeeds: { master: json.seed.master, replicate: json.seed.replicate } };
}
