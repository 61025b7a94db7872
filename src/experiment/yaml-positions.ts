/**
 * Line and column of a path in a YAML text, so an experiment-file error reads
 * `sweep.yaml:12:5: factors.packages.vegetable.subsidy: …` like a compiler message.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

export function parseWithPositions(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return { doc, lines };
}

/**
 * The position of the deepest node along `path` that exists (a missing key points at its
 * parent mapping). With `key`, points at that key inside the mapping at `path` (unknown keys).
 */
export function positionOf(src: YamlSource, path: readonly PropertyKey[], key?: string): { line: number; column: number } | undefined {
  let node: unknown = src.doc.contents;
  let offset: number | undefined = (node as { range?: number[] } | null)?.range?.[0];
  const steps = key === undefined ? path : [...path, key];
  for (const step of steps) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(step));
      if (!pair) break;
      // Point at the key for the last step when the value is a collection, at the value otherwise.
      const keyNode = pair.key as { range?: number[] } | null;
      offset = keyNode?.range?.[0] ?? offset;
      node = pair.value;
      if (step !== steps[steps.length - 1] || (key === undefined && !isMap(node) && !isSeq(node))) {
        offset = (node as { range?: number[] } | null)?.range?.[0] ?? offset;
      }
      if (key !== undefined && step === key) offset = keyNode?.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) break;
      node = item;
      offset = (node as { range?: number[] } | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}
