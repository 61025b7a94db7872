/**
 * Turning zod issues into messages a researcher can act on: what was expected, and what was
 * found, in words rather than type names.
 */
import type { z } from 'zod';
import { BUILTIN_MODULES } from '../modules/index.js';
import { closestKey, didYouMean, schemaAt, keysOf } from './schema-walk.js';

/** How a found value reads in a message: `the number 1.5`, `the text "abc"`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (empty)';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** True for the date-valued paths, which also accept a whole number of days from calendar.start. */
export function isTimelineDatePath(path: readonly PropertyKey[]): boolean {
  return (path.length === 2 && path[0] === 'timeline') || (path.length === 3 && path[0] === 'events' && path[2] === 'date');
}

function isDatePath(path: readonly PropertyKey[]): boolean {
  return isTimelineDatePath(path) || (path.length === 2 && path[0] === 'calendar');
}

function expectedDate(path: readonly PropertyKey[]): string {
  return isTimelineDatePath(path) ? 'a date (YYYY-MM-DD) or a whole number of days after calendar.start' : 'a date (YYYY-MM-DD)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: any = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key as string)) return undefined;
    node = node[key as string];
  }
  return node;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, side: 'min' | 'max'): string {
  const n = Number(side === 'min' ? issue.minimum : issue.maximum);
  if (side === 'min') {
    if (n === 0 && !issue.inclusive) return 'above 0';
    return issue.inclusive ? `at least ${n}` : `above ${n}`;
  }
  return issue.inclusive ? `at most ${n}` : `below ${n}`;
}

export interface IssueMessage {
  path: (string | number)[];
  message: string;
  /** Point at the key (an unknown key) rather than at the value. */
  at: 'key' | 'value';
  /** For an unknown key: the known key it is probably a misspelling of. */
  suggests?: string;
  /** The key is missing altogether. */
  missing?: boolean;
}

/** "a whole number" where the schema asks for an integer, "a number" otherwise. */
function numberWord(path: (string | number)[]): string {
  const lookup = schemaAt(path);
  if (!lookup.found) return 'a number';
  let s: any = lookup.schema;
  while (s._zod.def.innerType) s = s._zod.def.innerType;
  const isInt = (s._zod.def.checks ?? []).some((c: any) => /int/.test(String(c._zod?.def?.format ?? '')));
  return isInt ? 'a whole number' : 'a number';
}

/** One or more messages for a zod issue (one per unknown key). */
export function messagesFor(issue: z.core.$ZodIssue, value: unknown): IssueMessage[] {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as (string | number)[];
  const found = valueAt(value, path);
  const foundText = describeValue(found);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const lookup = schemaAt(path);
      const known = lookup.found ? keysOf(lookup.schema) ?? [] : [];
      return issue.keys.map((key) => {
        // A built-in module's section in a scenario that does not list the module: the key is
        // known, so "did you mean" would offer the key itself.
        const owner = path.length === 0 ? [...BUILTIN_MODULES.values()].find((m) => m.params && key in m.params) : undefined;
        if (owner) {
          return { path: [key], at: 'key' as const, message: `section "${key}" belongs to the module "${owner.name}", which this scenario's \`modules\` does not list: add "${owner.name}" to modules, or remove the section` };
        }
        let hint = didYouMean(key, known);
        if (!hint && (key === 'value' || key === 'paper' || key === 'derived' || key === 'literature' || key === 'assumed')) {
          hint = '; a value with its source is written { value: …, paper|derived|literature|assumed: "…" }, with exactly one source';
        }
        const expected = known.length ? ` (expected one of: ${known.join(', ')})` : '';
        return { path: [...path, key], at: 'key' as const, suggests: closestKey(key, known), message: `unknown key "${key}"${hint}${hint ? '' : expected}` };
      });
    }
    case 'invalid_type': {
      if (found === undefined) {
        const key = path[path.length - 1];
        return [{ path, at: 'value', missing: true, message: `missing ${typeof key === 'number' ? 'entry' : `key "${key}"`}: expected ${isDatePath(path) ? expectedDate(path) : issue.expected === 'number' ? numberWord(path) : TYPE_WORDS[issue.expected] ?? issue.expected}` }];
      }
      const expected = isDatePath(path) && issue.expected === 'string' ? expectedDate(path) : issue.expected === 'number' ? numberWord(path) : TYPE_WORDS[issue.expected] ?? issue.expected;
      // A nullable field (a timeline step that may be absent) also accepts null.
      const lookup = schemaAt(path);
      const nullable = lookup.found && (lookup.schema as any)._zod.def.type === 'nullable';
      // A mapping with a `value` key was meant as a value with its source, but is not one.
      let wrapperHint = '';
      if (found !== null && typeof found === 'object' && !Array.isArray(found) && 'value' in found) {
        const kinds = ['paper', 'derived', 'literature', 'assumed'];
        const misspelt = Object.keys(found).filter((k) => k !== 'value' && !kinds.includes(k));
        const guess = misspelt.map((k) => [k, closestKey(k, kinds)]).find(([, close]) => close !== undefined);
        wrapperHint = guess
          ? `; "${guess[0]}" is not a source: did you mean "${guess[1]}"?`
          : `; a value with its source is written { value: …, paper|derived|literature|assumed: "…" }, with exactly one source (found keys ${Object.keys(found).join(', ')})`;
      }
      return [{ path, at: 'value', message: `expected ${expected}${nullable ? ' or null' : ''}, found ${foundText}${wrapperHint}` }];
    }
    case 'too_small':
    case 'too_big': {
      const side = issue.code === 'too_small' ? 'min' : 'max';
      const what = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint'
        ? `${numberWord(path)} ${bound(issue as any, side)}`
        : issue.origin === 'array'
          ? `a list with ${bound(issue as any, side)} entries`
          : issue.origin === 'string'
            ? `text of ${bound(issue as any, side)} characters`
            : `${issue.origin} ${bound(issue as any, side)}`;
      return [{ path, at: 'value', message: `expected ${what}, found ${foundText}` }];
    }
    case 'invalid_value':
      return [{ path, at: 'value', message: `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}, found ${foundText}` }];
    case 'invalid_format':
      return [{ path, at: 'value', message: `expected ${isDatePath(path) ? expectedDate(path) : issue.message}, found ${foundText}` }];
    case 'not_multiple_of':
      return [{ path, at: 'value', message: `expected a multiple of ${issue.divisor}, found ${foundText}` }];
    case 'custom':
      // Refinements written in the schema: "expected …" for a check of one value (what was
      // found is added), or a full sentence for a check across fields.
      if (/^expected /.test(issue.message)) return [{ path, at: 'value', message: `${issue.message}, found ${foundText}` }];
      return [{ path, at: 'value', message: issue.message }];
    default:
      return [{ path, at: 'value', message: `${issue.message}, found ${foundText}` }];
  }
}
