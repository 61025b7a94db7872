/**
 * Deep merge for `extends:`: mappings merge key by key, everything else (lists included) is
 * replaced by the child's value. A provenance wrapper is a leaf: the child's value and source
 * replace the parent's together.
 */
import { isProvenanceWrapper, setOwn } from './provenance.js';

function isMergeable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isProvenanceWrapper(v);
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMergeable(base) || !isMergeable(override)) return override;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(override)) setOwn(out, k, Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v);
  return out;
}
