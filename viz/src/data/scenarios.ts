/**
 * The scenarios shipped in scenarios/, bundled as text so the browser parses them with the same
 * code (and the same error messages) as the CLI. `extends:` is resolved inside this map; a file
 * the user opens may extend a shipped scenario by its file name.
 */
const texts = import.meta.glob('../../../scenarios/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Shipped scenarios keyed by their path under scenarios/, e.g. `q-community/lockdown-2020.yaml`. */
export const SHIPPED: Record<string, string> = Object.fromEntries(
  Object.entries(texts).map(([path, text]) => [path.replace(/^.*\/scenarios\//, ''), text]),
);

export const DEFAULT_SCENARIO = 'q-community/lockdown-2020.yaml';

/**
 * A scenario (as opposed to, say, an experiment file kept beside the scenarios) has a calendar of
 * its own or extends one that does.
 */
export const looksLikeScenario = (text: string) => /^(calendar|extends):/m.test(text);

/** Shipped scenario files, the default first, then the variants alphabetically. */
export function shippedNames(): string[] {
  return Object.keys(SHIPPED).filter((k) => looksLikeScenario(SHIPPED[k])).sort((a, b) => (a === DEFAULT_SCENARIO ? -1 : b === DEFAULT_SCENARIO ? 1 : a.localeCompare(b)));
}

/** The `name:` line of a scenario text, for menus (without parsing the whole document). */
export function scenarioTitle(text: string, fallback: string): string {
  const m = /^name:\s*(.+)$/m.exec(text);
  return m ? m[1].trim().replace(/^["']|["']$/g, '') : fallback;
}

/** Resolves `relative` against the folder of `from` (POSIX paths inside the scenarios map). */
export function resolveRelative(relative: string, from: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of relative.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * A `readRelative` for parseScenario over a map of texts: first the path as resolved, then (for
 * files the user opened from disk, which have no folder here) any shipped file of that name.
 */
export function readerOver(files: Record<string, string>) {
  return (relative: string, from: string): { file: string; text: string } => {
    const target = resolveRelative(relative, from);
    if (files[target] !== undefined) return { file: target, text: files[target] };
    const base = relative.split('/').pop()!;
    const match = Object.keys(files).find((k) => k.split('/').pop() === base);
    if (match) return { file: match, text: files[match] };
    throw new Error(`cannot read ${relative}`);
  };
}
