/**
 * The JSON Schema of scenario files as users write them, for editors (yaml-language-server,
 * VS Code) to autocomplete and flag mistakes. It is generated from the zod schema and widened
 * to the written form: any value may carry its source (`{ value, paper: "…" }`), timeline dates
 * may be day offsets, and a file with `extends:` needs to name only what it changes.
 */
import { z } from 'zod';
import { BUILTIN_MODULES, Q_COMMUNITY } from '../modules/index.js';
import { PROVENANCE_KINDS } from './provenance.js';
import { scenarioSchema } from './schema.js';

type JsonSchema = Record<string, any>;

const SOURCE_MEANINGS: Record<(typeof PROVENANCE_KINDS)[number], string> = {
  paper: 'a figure from one of the papers: file number, and page or section where possible',
  derived: 'arithmetic on paper figures: the formula',
  literature: 'a named outside source: the reference',
  assumed: 'a modelling choice: the reason',
};

function isDateField(path: string[]): boolean {
  return (path.length === 2 && path[0] === 'timeline') || (path.length === 3 && path[0] === 'events' && path[2] === 'date');
}

/** `{ value: <s>, <one source>: "…" }`: the keys and counts live in one shared definition. */
function wrapperOf(s: JsonSchema): JsonSchema {
  return { allOf: [{ $ref: '#/definitions/sourcedValue' }], properties: { value: s } };
}

/** Exactly `value` and one source key. */
const SOURCED_VALUE: JsonSchema = {
  type: 'object',
  description: 'a value with its source: { value: …, paper|derived|literature|assumed: "…" }',
  properties: {
    value: { description: 'the value itself' },
    ...Object.fromEntries(PROVENANCE_KINDS.map((k) => [k, { type: 'string', minLength: 1, description: SOURCE_MEANINGS[k] }])),
  },
  required: ['value'],
  additionalProperties: false,
  minProperties: 2,
  maxProperties: 2,
};

/** The written form of a property: bare, or wrapped with its source. */
function sourced(s: JsonSchema): JsonSchema {
  const out: JsonSchema = { anyOf: [s, wrapperOf(s)] };
  for (const k of ['description', 'unit', 'default']) if (k in s) out[k] = s[k];
  return out;
}

/**
 * Widens a generated schema to the written form. Mappings with keys of their own become named
 * definitions referenced from both the bare and the wrapped form, so the schema grows linearly
 * with the number of parameters, not exponentially with their depth. In a variant (a file with
 * `extends:`) no mapping requires its keys; entries of a list stay complete, as lists replace.
 */
function widen(s: JsonSchema, path: string[], variant: boolean, definitions: JsonSchema): JsonSchema {
  if (s.type === 'object' && s.properties) {
    const properties: JsonSchema = {};
    for (const [k, v] of Object.entries<JsonSchema>(s.properties)) {
      const here = [...path, k];
      let inner = widen(v, here, variant, definitions);
      if (isDateField(here)) {
        inner = { ...inner, anyOf: [...(inner.anyOf ?? [{ type: inner.type, pattern: inner.pattern }]), { type: 'integer', description: 'days after calendar.start' }] };
        delete inner.type;
        delete inner.pattern;
      }
      if (inner.type === 'object' && inner.properties) {
        const name = `${variant ? 'variant' : 'scenario'}.${here.join('.')}`;
        definitions[name] = inner;
        const ref: JsonSchema = { $ref: `#/definitions/${name}` };
        const out = sourced(ref);
        if (inner.description) out.description = inner.description;
        properties[k] = out;
      } else {
        properties[k] = sourced(inner);
      }
    }
    const out: JsonSchema = { ...s, properties };
    if (variant) delete out.required;
    return out;
  }
  if (s.type === 'array' && s.items) return { ...s, items: widen(s.items, [...path, '0'], false, definitions) };
  // A list of events with more than one intervention: each variant widened in the same place.
  if (Array.isArray(s.oneOf)) return { ...s, oneOf: s.oneOf.map((v: JsonSchema) => widen(v, path, variant, definitions)) };
  return s;
}

export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  delete generated.$schema;
  const definitions: JsonSchema = {};
  const extendsProperty = {
    type: 'string',
    description: 'a scenario file (path relative to this one) to inherit: mappings merge key by key, lists and values replace',
  };
  const full = widen(generated, [], false, definitions);
  const variant = widen(generated, [], true, definitions);
  full.properties = { extends: extendsProperty, ...full.properties };
  // A module's sections are needed only when the model has the module: a file without `modules:`
  // gets the Q-community preset and needs its sections; one with `modules:` needs its modules'
  // (checked by the loader, which knows the list).
  const sections = new Set([...BUILTIN_MODULES.values()].flatMap((m) => Object.keys(m.params ?? {})));
  const preset = new Set(Q_COMMUNITY.flatMap((n) => Object.keys(BUILTIN_MODULES.get(n)?.params ?? {})));
  const required: string[] = full.required ?? [];
  full.required = required.filter((k) => !sections.has(k));
  full.if = { required: ['modules'] };
  full.then = {};
  full.else = { required: required.filter((k) => preset.has(k)) };
  variant.properties = { extends: extendsProperty, ...variant.properties };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'community-resilience scenario',
    description: 'A crsim scenario file. Generated by `crsim schema` from the zod schema in src/scenario/schema.ts; do not edit by hand.',
    definitions: {
      sourcedValue: SOURCED_VALUE,
      scenario: full,
      variant,
      ...definitions,
    },
    // A file that extends another names only what it changes.
    if: { type: 'object', required: ['extends'] },
    then: { $ref: '#/definitions/variant' },
    else: { $ref: '#/definitions/scenario' },
  };
}

/** The checked-in text of scenarios/schema.json. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
