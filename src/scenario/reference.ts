/**
 * The parameter reference (docs/parameters.md), generated from the schema (type, range, meaning,
 * unit) and the default scenario (default value and its provenance), so it cannot drift from
 * either. Parameters of modules the default scenario does not use take their value and provenance
 * from the shipped scenario that first sets them (MODULE_SCENARIOS), named in the value column.
 * Regenerate with `npm run docs:parameters`; a test fails when the file is stale.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadScenario, SCENARIOS_DIR } from './load.js';
import type { LoadedScenario } from './parse.js';
import { scenarioSchema } from './schema.js';

/** Shipped scenarios that set the parameters of modules outside the default model, relative to scenarios/. */
export const MODULE_SCENARIOS = ['five-society/five-society.yaml', 'q-community/lockdown-with-epidemic.yaml', 'n-street/reform-2012-2018.yaml', 'dalian/grid-2020.yaml'];

function moduleScenarios(): { file: string; loaded: LoadedScenario }[] {
  return MODULE_SCENARIOS.map((file) => ({ file, loaded: loadScenario(resolve(SCENARIOS_DIR, file)) }));
}

type JsonSchema = Record<string, any>;

export interface ParameterRow {
  path: string;
  type: string;
  unit: string;
  range: string;
  default: string;
  meaning: string;
  provenance: string;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function isRange(s: JsonSchema): boolean {
  return s.type === 'object' && s.properties && Object.keys(s.properties).join(',') === 'min,max';
}

function typeText(s: JsonSchema, path: string[]): string {
  if (s.anyOf) return s.anyOf.map((alt: JsonSchema) => typeText(alt, path)).join(' or ');
  if (s.type === 'null') return 'null';
  if (s.type === 'boolean') return 'true/false';
  if (s.type === 'integer') return 'whole number';
  if (s.type === 'number') return 'number';
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e: unknown) => `\`${JSON.stringify(e)}\``).join(', ');
  if (s.type === 'string' && s.pattern === DATE_PATTERN) {
    const offsets = path[0] === 'timeline' || (path[0].startsWith('events') && path[path.length - 1] === 'date');
    return offsets ? 'date (YYYY-MM-DD) or days after calendar.start' : 'date (YYYY-MM-DD)';
  }
  if (s.type === 'string') return 'text';
  if (isRange(s)) return `range {min, max} of ${s.properties.min.type === 'integer' ? 'whole numbers' : 'numbers'}`;
  if (s.type === 'array') return 'list';
  return String(s.type ?? 'value');
}

function rangeText(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(rangeText).filter(Boolean).join('; ');
  if (isRange(s)) return [rangeText(s.properties.min), 'min ≤ max'].filter(Boolean).join(', ');
  if (s.type === 'string' && s.minLength) return 'not empty';
  const lo = s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : s.minimum !== undefined ? `≥ ${s.minimum}` : '';
  const hasMax = s.maximum !== undefined && s.maximum !== Number.MAX_SAFE_INTEGER;
  if (s.minimum !== undefined && hasMax) return `${s.minimum}–${s.maximum}`;
  return [lo, hasMax ? `≤ ${s.maximum}` : ''].filter(Boolean).join(', ');
}

function valueAt(root: unknown, path: string[]): unknown {
  let node: any = root;
  for (const k of path) node = node?.[k];
  return node;
}

function valueText(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return '`null` (never)';
  if (Array.isArray(v)) return v.length === 0 ? 'none' : `${v.length} entries`;
  if (typeof v === 'object' && v !== null && 'min' in v && 'max' in v) return `${(v as any).min}–${(v as any).max}`;
  if (typeof v === 'string') return v;
  return String(v);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function parameterRows(defaults: LoadedScenario, others = moduleScenarios()): ParameterRow[] {
  const root = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  const rows: ParameterRow[] = [];
  const visit = (s: JsonSchema, path: string[]) => {
    if (s.type === 'object' && s.properties && !isRange(s)) {
      for (const [k, v] of Object.entries<JsonSchema>(s.properties)) visit(v, [...path, k]);
      return;
    }
    const dotted = path.join('.');
    // A section the default scenario has is documented from it, even where it leaves a key unset.
    const inDefaults = path.includes('[]') || path[0] in (defaults.scenario as object);
    const other = inDefaults ? undefined : others.find((o) => valueAt(o.loaded.scenario, path) !== undefined);
    const from = other?.loaded ?? defaults;
    // A mapping written with one source (`x: { value: { a: 1, b: 2 }, assumed: … }`) sources its parts.
    let source = from.provenance[dotted];
    for (let up = path.length - 1; !source && up > 0; up--) source = from.provenance[path.slice(0, up).join('.')];
    const value = valueText(path.includes('[]') ? undefined : valueAt(from.scenario, path));
    rows.push({
      path: dotted,
      type: typeText(s, path),
      unit: s.unit ?? '',
      // Dates are checked against each other, not against fixed bounds.
      range: path[0] === 'timeline' ? 'within the run; steps in this order' : dotted === 'events[].date' ? 'within the run; events in date order' : dotted === 'calendar.end' ? 'not before start' : rangeText(s),
      default: other ? `${value} (in ${other.file})` : value,
      meaning: s.description ?? '',
      provenance: source ? `${source.kind}: ${source.note}` : '',
    });
    if (s.type === 'array' && s.items?.properties) {
      for (const [k, v] of Object.entries<JsonSchema>(s.items.properties)) visit(v, [...path.slice(0, -1), `${path[path.length - 1]}[]`, k]);
    }
  };
  visit(root, []);
  return rows;
}

/** The whole of docs/parameters.md. */
export function parametersMarkdown(defaults: LoadedScenario, defaultsFile: string): string {
  const root = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  const rows = parameterRows(defaults);
  const sections = new Map<string, ParameterRow[]>();
  for (const row of rows) {
    const top = row.path.split('.')[0].replace('[]', '');
    const key = root.properties[top]?.type === 'object' || root.properties[top]?.type === 'array' ? top : 'general';
    sections.set(key, [...(sections.get(key) ?? []), row]);
  }
  const lines = [
    '# Scenario parameters',
    '',
    '<!-- Generated by `npm run docs:parameters` from src/scenario/schema.ts and the default scenario; do not edit by hand. -->',
    '',
    `Every parameter a scenario file sets, with its type, unit, allowed range, the value in the default`,
    `scenario (\`${defaultsFile}\`, the Q-community lockdown of paper 000) and where that value comes from.`,
    `The sections of modules that model leaves out take their values from the first of ${MODULE_SCENARIOS.map((f) => `\`scenarios/${f}\``).join(', ')} that sets them, named in the value column.`,
    'A value may be written bare (`staff: 11`) or with its source (`staff: { value: 11, derived: "…" }`);',
    'see [scenarios.md](scenarios.md). Timeline and event dates may be written as a whole number of days',
    'after `calendar.start`. A range is written `{ min: 2, max: 3 }` and drawn uniformly.',
    '',
  ];
  for (const [section, sectionRows] of sections) {
    const description = section === 'general' ? 'what the scenario is called, and its seed' : section === 'events' ? 'dated events during the run, listed in date order; `events: []` for none' : root.properties[section].description;
    lines.push(`## ${section}`, '');
    if (description) lines.push(`${description[0].toUpperCase()}${description.slice(1)}.`, '');
    lines.push('| Parameter | Type | Unit | Range | Default | Meaning | Provenance |', '|---|---|---|---|---|---|---|');
    for (const r of sectionRows) {
      lines.push(`| \`${r.path}\` | ${cell(r.type)} | ${cell(r.unit)} | ${cell(r.range)} | ${cell(r.default)} | ${cell(r.meaning)} | ${cell(r.provenance)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
