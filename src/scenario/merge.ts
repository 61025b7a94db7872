/**
 * Deep merge for `extends:`: mappings merge key by key, everything else (lists included) is
 * replaced by the child's value. A provenance wrapper is a leaf: the child's value and source
 * replace the parent's together.
 */
import { isProvenanceWrapper } from './provenance.js';

function isMergeable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isProvenanceWrapper(v);
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMergeable(base) || !isMergeable(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}
