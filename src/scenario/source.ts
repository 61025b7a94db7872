/**
 * Parsed scenario files with their YAML syntax trees, so that a problem found in the merged,
 * provenance-stripped document can be reported at the line and column where the user wrote it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { PROVENANCE_KINDS } from './provenance.js';

export interface ScenarioSource {
  file: string;
  doc: Document;
  lines: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

/** The position (1-based line and column) of a character offset in a source. */
export function positionAt(source: ScenarioSource, offset: number): Position {
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === 'string' ? `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : `the value ${String(v)}`;
  }
  return 'something else';
}

/**
 * Parses one file's text. Syntax errors, an empty file and a file that is not a mapping are
 * problems (all of them, with positions); otherwise returns the source and its plain value.
 */
export function parseSource(text: string, file: string): { source: ScenarioSource; value: Record<string, unknown> } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: ScenarioSource = { file, doc, lines };
  if (doc.errors.length > 0) {
    throw problemsError(
      doc.errors.map((e) => ({
        file,
        path: '',
        message: `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        ...positionAt(source, e.pos[0]),
      })),
    );
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === undefined))) {
    throw problemsError([{ file, path: '', message: 'the file is empty: expected a mapping of scenario keys (name, calendar, timeline, …)', line: 1, column: 1 }]);
  }
  if (!isMap(contents)) {
    throw problemsError([{ file, path: '', message: `expected a mapping of scenario keys (name, calendar, timeline, …), found ${describeNode(contents)}`, ...positionAt(source, contents.range?.[0] ?? 0) }]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw problemsError([{ file, path: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}`, line: 1, column: 1 }]);
  }
  return { source, value: value as Record<string, unknown> };
}

function problemsError(problems: ScenarioProblem[]): ScenarioError {
  return new ScenarioError(problems);
}

function keyOf(pair: Pair): string {
  const k = pair.key;
  return isScalar(k) ? String(k.value) : String(k);
}

function pairIn(node: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  return (node.items as Pair<Node, Node>[]).find((p) => keyOf(p) === key);
}

/** A `{ value, <kind>: note }` mapping: the path runs through it to its `value`. */
function isWrapperNode(node: unknown): boolean {
  if (!isMap(node) || node.items.length !== 2) return false;
  const keys = (node.items as Pair[]).map(keyOf);
  return keys.includes('value') && keys.some((k) => (PROVENANCE_KINDS as readonly string[]).includes(k));
}

function throughWrapper(node: Node | null | undefined): Node | null | undefined {
  return isWrapperNode(node) ? pairIn(node, 'value')?.value : node;
}

export interface Located {
  /** How many keys of the path were found in this source. */
  depth: number;
  /** The key node of the deepest pair found (for unknown keys), if any. */
  key?: Node;
  /** The deepest value node found. */
  value?: Node | null;
}

/** Follows a path (in stripped-document terms) through one source's syntax tree. */
export function locateIn(source: ScenarioSource, path: (string | number)[]): Located {
  let node: Node | null | undefined = throughWrapper(source.doc.contents as Node);
  let found: Located = { depth: 0, value: node };
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    let next: Node | null | undefined;
    let keyNode: Node | undefined;
    if (isSeq(node) && /^\d+$/.test(key)) {
      next = node.items[Number(key)] as Node | undefined;
      keyNode = next ?? undefined;
      if (next === undefined) break;
    } else {
      const pair = pairIn(node, key);
      if (!pair) break;
      next = pair.value;
      keyNode = pair.key;
    }
    found = { depth: i + 1, key: keyNode, value: next };
    node = throughWrapper(next);
    found.value = node ?? next;
  }
  return found;
}

/**
 * Where a path was written: the file that sets it (the child before the parents it extends), or,
 * for a path no file has (a missing key), the deepest enclosing mapping that is written.
 */
export function locate(sources: ScenarioSource[], path: (string | number)[], at: 'key' | 'value' = 'value'): { file: string; line?: number; column?: number } | undefined {
  let best: { source: ScenarioSource; found: Located } | undefined;
  for (const source of sources) {
    const found = locateIn(source, path);
    if (!best || found.depth > best.found.depth) best = { source, found };
    if (found.depth === path.length) break;
  }
  if (!best) return undefined;
  const { source, found } = best;
  const complete = found.depth === path.length;
  // A missing key is reported at the key of the mapping it is missing from.
  const node = complete ? (at === 'key' ? found.key ?? found.value : found.value ?? found.key) : found.key ?? found.value;
  const offset = node?.range?.[0];
  return offset === undefined ? { file: source.file } : { file: source.file, ...positionAt(source, offset) };
}
