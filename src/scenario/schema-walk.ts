/**
 * Walking the zod schema by parameter path, so that `--set`, "did you mean" suggestions and the
 * parameter reference all ask the one schema what exists, rather than a copy of its keys.
 */
import type { z } from 'zod';
import { everyModuleSchema } from './compose.js';

type AnySchema = z.ZodType;

function def(schema: AnySchema): any {
  return (schema as any)._zod.def;
}

/** Looks through optional, nullable and default wrappers to the schema that holds the shape. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly') s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else return s;
  }
}

/** The keys a mapping may have, or undefined when the schema there is not a mapping. */
export function keysOf(schema: AnySchema): string[] | undefined {
  const d = def(unwrapSchema(schema));
  return d.type === 'object' ? Object.keys(d.shape) : undefined;
}

export type SchemaLookup =
  | { found: true; schema: AnySchema }
  | { found: false; /** how many keys of the path exist */ depth: number; /** keys allowed where the path stops existing */ known: string[] };

/** The schema at a path such as `regimes.later.quality` or `events.0.date`. */
export function schemaAt(path: (string | number)[], root: AnySchema = everyModuleSchema()): SchemaLookup {
  let s = root;
  for (let i = 0; i < path.length; i++) {
    const inner = unwrapSchema(s);
    const d = def(inner);
    const key = String(path[i]);
    if (d.type === 'object' && Object.prototype.hasOwnProperty.call(d.shape, key)) s = d.shape[key];
    else if (d.type === 'array' && /^\d+$/.test(key)) s = d.element;
    else return { found: false, depth: i, known: d.type === 'object' ? Object.keys(d.shape) : [] };
  }
  return { found: true, schema: s };
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/**
 * The known key closest to a mistyped one, if it is close enough to be a plausible typo: case
 * differences are free, and up to a third of the key's letters (at least two) may differ.
 */
export function closestKey(key: string, known: string[]): string | undefined {
  if (key.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const distance = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key.toLowerCase(), k.toLowerCase());
    if (distance < bestDistance) {
      best = k;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(key.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function didYouMean(key: string, known: string[]): string {
  const close = closestKey(key, known);
  return close === undefined ? '' : `; did you mean "${close}"?`;
}
