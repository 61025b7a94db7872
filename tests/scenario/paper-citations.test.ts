/**
 * A value labelled `paper` must say which paper (its file number, 000–004, in ../shared/seeds)
 * and where in it: "paper" is only for a figure printed in one of them. The location is the
 * paper's own numbering — part, subsection and item, e.g. "000 二(二)1" — because MODEL-NOTES
 * numbers its sections differently ("000 §3" was the digest's section 3, which is paper 000's
 * part 二), so a "§n" after a file number is refused. Checked over every shipped scenario.
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

/** A file number followed by a part of the paper in its own numerals: 二, 二(一), 四(二)5. */
const LOCATED = /(?<![\d,.])00[0-4] [一二三四五六七八九十]+(?:[(（][一二三四五六七八九十]+[)）]\d*)?/;
/** Any file number not followed by such a location (a number like 10,000 is not a file number). */
const UNLOCATED = /(?<![\d,.])00[0-4](?!\d)(?! [一二三四五六七八九十])/;
const DIGEST_SECTION = /(?<![\d,.])00[0-4]\s*§/;

function paperNotes(): { where: string; note: string }[] {
  return files(SCENARIOS_DIR).flatMap((file) =>
    Object.entries(loadScenario(file).provenance)
      .filter(([, source]) => source.kind === 'paper')
      .map(([path, source]) => ({ where: `${file.slice(SCENARIOS_DIR.length + 1)}: ${path}`, note: source.note })),
  );
}

describe('paper provenance', () => {
  const notes = paperNotes();

  it('cites the paper by its file number and a location in it, in every shipped scenario', () => {
    const bad = notes.filter(({ note }) => !LOCATED.test(note) || UNLOCATED.test(note)).map(({ where, note }) => `${where}: "${note}"`);
    expect(bad).toEqual([]);
    expect(notes.length).toBeGreaterThan(5);
  });

  it("never cites MODEL-NOTES' section numbers as the paper's", () => {
    expect(notes.filter(({ note }) => DIGEST_SECTION.test(note)).map(({ where }) => where)).toEqual([]);
  });

  it('the checks can fail', () => {
    expect(LOCATED.test('000 §3: packages A and B')).toBe(false);
    expect(DIGEST_SECTION.test('000 §3: packages A and B')).toBe(true);
    expect(UNLOCATED.test('003: 14-day home quarantine')).toBe(true);
    expect(UNLOCATED.test('000 二(二)1 and 002 四(三): double reporting')).toBe(false);
    expect(LOCATED.test('003 四(二)5: 14-day home quarantine')).toBe(true);
    expect(UNLOCATED.test('000 二 (opening): 10,000 residents at 18:00')).toBe(false);
  });
});
