/**
 * A value labelled `paper` must say which paper (its file number, 000–004, in ../shared/seeds):
 * "paper" is only for a figure printed in one of them. Checked over every shipped scenario.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, SCENARIOS_DIR } from '../../src/scenario/load.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.yaml') ? [p] : [];
  });

describe('paper provenance', () => {
  it('cites the paper by its file number in every shipped scenario', () => {
    const uncited: string[] = [];
    let cited = 0;
    for (const file of files(SCENARIOS_DIR)) {
      for (const [path, source] of Object.entries(loadScenario(file).provenance)) {
        if (source.kind !== 'paper') continue;
        if (/\b00[0-4]\b/.test(source.note)) cited++;
        else uncited.push(`${file.slice(SCENARIOS_DIR.length + 1)}: ${path}: "${source.note}"`);
      }
    }
    expect(uncited).toEqual([]);
    expect(cited).toBeGreaterThan(5);
  });
});
