/**
 * Provenance is part of the scenario format. A parameter may be written as a bare value, or as
 * `{ value: 12, paper: "000 …" }` with exactly one source key saying where the number comes from:
 *   paper      a figure from one of the five papers (file number, section)
 *   derived    arithmetic on paper figures (the formula)
 *   literature a named outside source
 *   assumed    a modelling choice (the reason)
 * The wrappers are stripped before validation and kept in a map from parameter path to source.
 */
export const PROVENANCE_KINDS = ['paper', 'derived', 'literature', 'assumed'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

export interface Provenance {
  kind: ProvenanceKind;
  note: string;
}

/** Parameter path (`packages.vegetable.subsidy`) → where its value comes from. */
export type ProvenanceMap = Record<string, Provenance>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets a key as an own property, even `__proto__` (which plain assignment would not). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True for a `{ value, <kind>: note }` node. */
export function isProvenanceWrapper(node: unknown): node is Record<string, unknown> {
  if (!isPlainObject(node) || !('value' in node)) return false;
  const keys = Object.keys(node);
  return keys.length === 2 && PROVENANCE_KINDS.some((k) => k in node);
}

/** Replaces every wrapper by its value; records the provenance of each wrapped path. */
export function stripProvenance(node: unknown, path: string[] = [], into: ProvenanceMap = {}): { value: unknown; provenance: ProvenanceMap } {
  const walk = (n: unknown, p: string[]): unknown => {
    if (isProvenanceWrapper(n)) {
      const kind = PROVENANCE_KINDS.find((k) => k in n)!;
      into[p.join('.')] = { kind, note: String(n[kind]) };
      // A part of a sourced value may carry its own source (e.g. one bound set by --set).
      return walk(n.value, p);
    }
    if (Array.isArray(n)) return n.map((item, i) => walk(item, [...p, String(i)]));
    if (isPlainObject(n)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(n)) setOwn(out, k, walk(v, [...p, k]));
      return out;
    }
    return n;
  };
  return { value: walk(node, path), provenance: into };
}

/** Keys at the top of a scenario that describe it, or say which model it is, rather than parameterise the model. */
const METADATA_KEYS = new Set(['name', 'description', 'extends', 'modules']);

/**
 * Paths of the parameter values that do not say where they come from: every scalar (null
 * included) that is not inside a provenance wrapper. Empty lists and mappings hold no value.
 */
export function unsourcedLeaves(document: unknown): string[][] {
  const out: string[][] = [];
  const walk = (n: unknown, p: string[]): void => {
    if (isProvenanceWrapper(n)) return;
    if (Array.isArray(n)) n.forEach((item, i) => walk(item, [...p, String(i)]));
    else if (isPlainObject(n)) {
      for (const [k, v] of Object.entries(n)) if (!(p.length === 0 && METADATA_KEYS.has(k))) walk(v, [...p, k]);
    } else out.push(p);
  };
  walk(document, []);
  return out;
}
