/**
 * A small JSON Schema (draft-07) checker for the keywords scenarios/schema.json uses, so the tests
 * can show the schema accepts what the loader accepts without adding a validator dependency. It
 * fails loudly on a keyword it does not know, so it cannot silently pass what it does not check.
 */
type Schema = Record<string, any> | boolean;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'unit', 'default', 'definitions', 'examples']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function jsonSchemaErrors(root: Schema, value: unknown): string[] {
  const resolveRef = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: any = root;
    for (const part of ref.slice(2).split('/')) node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
    return node;
  };
  const check = (s: Schema, v: unknown, at: string): string[] => {
    if (s === true) return [];
    if (s === false) return [`${at}: not allowed`];
    const errors: string[] = [];
    for (const [k, kv] of Object.entries(s)) {
      if (ANNOTATIONS.has(k)) continue;
      switch (k) {
        case '$ref': errors.push(...check(resolveRef(kv), v, at)); break;
        case 'type': {
          const types: string[] = Array.isArray(kv) ? kv : [kv];
          const t = typeOf(v);
          if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) errors.push(`${at}: expected ${types.join('|')}, found ${t}`);
          break;
        }
        case 'properties':
          if (typeOf(v) === 'object') for (const [p, ps] of Object.entries<Schema>(kv)) if (p in (v as object)) errors.push(...check(ps, (v as any)[p], `${at}.${p}`));
          break;
        case 'required':
          if (typeOf(v) === 'object') for (const p of kv) if (!(p in (v as object))) errors.push(`${at}: missing ${p}`);
          break;
        case 'additionalProperties':
          if (typeOf(v) === 'object') for (const p of Object.keys(v as object)) if (!(s.properties && p in s.properties)) errors.push(...check(kv, (v as any)[p], `${at}.${p}`).map((e) => (kv === false ? `${at}: unknown key ${p}` : e)));
          break;
        case 'propertyNames':
          if (typeOf(v) === 'object') for (const p of Object.keys(v as object)) errors.push(...check(kv, p, `${at}[key ${p}]`));
          break;
        case 'minProperties': if (typeOf(v) === 'object' && Object.keys(v as object).length < kv) errors.push(`${at}: fewer than ${kv} keys`); break;
        case 'maxProperties': if (typeOf(v) === 'object' && Object.keys(v as object).length > kv) errors.push(`${at}: more than ${kv} keys`); break;
        case 'items': if (Array.isArray(v)) v.forEach((item, i) => errors.push(...check(kv, item, `${at}.${i}`))); break;
        case 'anyOf': if (!kv.some((sub: Schema) => check(sub, v, at).length === 0)) errors.push(`${at}: matches none of anyOf (${kv.map((sub: Schema) => check(sub, v, at)[0]).join(' / ')})`); break;
        case 'allOf': for (const sub of kv) errors.push(...check(sub, v, at)); break;
        case 'oneOf': {
          const matching = kv.filter((sub: Schema) => check(sub, v, at).length === 0).length;
          if (matching !== 1) errors.push(`${at}: matches ${matching} of oneOf, not exactly one`);
          break;
        }
        case 'if': {
          const then = check(kv, v, at).length === 0 ? s.then : s.else;
          if (then !== undefined) errors.push(...check(then, v, at));
          break;
        }
        case 'then': case 'else': break;
        case 'enum': if (!kv.some((e: unknown) => JSON.stringify(e) === JSON.stringify(v))) errors.push(`${at}: not one of ${JSON.stringify(kv)}`); break;
        case 'const': if (JSON.stringify(kv) !== JSON.stringify(v)) errors.push(`${at}: not ${JSON.stringify(kv)}`); break;
        case 'minimum': if (typeof v === 'number' && v < kv) errors.push(`${at}: below ${kv}`); break;
        case 'maximum': if (typeof v === 'number' && v > kv) errors.push(`${at}: above ${kv}`); break;
        case 'exclusiveMinimum': if (typeof v === 'number' && v <= kv) errors.push(`${at}: not above ${kv}`); break;
        case 'exclusiveMaximum': if (typeof v === 'number' && v >= kv) errors.push(`${at}: not below ${kv}`); break;
        case 'minItems': if (Array.isArray(v) && v.length < kv) errors.push(`${at}: fewer than ${kv} items`); break;
        case 'minLength': if (typeof v === 'string' && [...v].length < kv) errors.push(`${at}: shorter than ${kv}`); break;
        case 'pattern': if (typeof v === 'string' && !new RegExp(kv, 'u').test(v)) errors.push(`${at}: does not match ${kv}`); break;
        default: throw new Error(`json-schema-check does not know the keyword "${k}" (at ${at})`);
      }
    }
    return errors;
  };
  return check(root, value, '$');
}
