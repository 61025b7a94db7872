/**
 * Line and column of a path in a YAML text, so an experiment-file error reads
 * `sweep.yaml:12:5: factors.packages.vegetable.subsidy: …` like a compiler message.
 */
import { LineCounter, isCollection, isMap, isSeq, parseDocument, type Document } from 'yaml';

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

export function parseWithPositions(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return { doc, lines };
}

const startOf = (node: unknown): number | undefined => (node as { range?: number[] } | null)?.range?.[0];

/**
 * Where `path` is written: at the value for a scalar, at the key for a mapping or list (the
 * value may span many lines), at `key` itself when given (an unknown key). A path that does not
 * exist (a missing key) points at the deepest part that does.
 */
export function positionOf(src: YamlSource, path: readonly PropertyKey[], key?: string): { line: number; column: number } | undefined {
  const steps = key === undefined ? path : [...path, key];
  let node: unknown = src.doc.contents;
  let offset = startOf(node);
  for (let i = 0; i < steps.length; i++) {
    const last = i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(steps[i]));
      if (!pair) break;
      node = pair.value;
      const atValue = last && key === undefined && !isCollection(node);
      offset = (atValue ? startOf(node) : startOf(pair.key)) ?? offset;
    } else if (isSeq(node)) {
      node = node.items[Number(steps[i])];
      if (node === undefined) break;
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}
