import { afterEach, describe, expect, it } from 'vitest';
import { captionLines, type CaptionState } from '../../viz/src/data/captions.js';
import { setLang } from '../../viz/src/i18n.js';
import { changesBetween, type TeacherSettings } from '../../viz/src/data/teacher.js';
import { result } from './fixtures.js';

const base: TeacherSettings = { switches: { doubleReporting: true, subsidy: true }, sliders: { partyMembers: 3, subsidy: 12 } };
const state = (settings: TeacherSettings, before: TeacherSettings, extra: Partial<CaptionState> = {}): CaptionState => ({
  changes: changesBetween(before, settings), settings, baseSettings: base, partyMembersRange: [2, 3], before: null, now: null, ...extra,
});

afterEach(() => setLang('en'));

describe('captionLines: written from the current state, in the current language', () => {
  it('names the party members the slider holds, or the scenario’s range while the slider is untouched', () => {
    const off = { ...base, switches: { ...base.switches, doubleReporting: false } };
    expect(captionLines(state(base, off))[0]).toMatch(/^Double reporting on: 2–3 party members per building/);
    const six = { switches: base.switches, sliders: { ...base.sliders, partyMembers: 6 } };
    expect(captionLines(state(six, { ...six, switches: off.switches }))[0]).toMatch(/^Double reporting on: 6 party members per building/);
    expect(captionLines(state(six, base))[0]).toBe('Party members per building: changed from 3 to 6.');
  });

  it('is Chinese when the page is, with the same numbers', () => {
    const off = { ...base, switches: { ...base.switches, subsidy: false } };
    setLang('zh');
    expect(captionLines(state({ ...base, sliders: { ...base.sliders, subsidy: 20 } }, off))[0]).toBe('开启补贴：政府为每份蔬菜套餐补贴20元。');
    expect(captionLines(state(base, base, { crisisDate: '2020-02-16' }))[0]).toBe('危机开始于2020年2月16日。');
  });

  it('says when a change changed nothing visible', () => {
    const s = result().summary;
    const six = { switches: base.switches, sliders: { ...base.sliders, partyMembers: 6 } };
    const lines = captionLines(state(six, base, { before: s, now: s }));
    expect(lines.at(-2)).toMatch(/^Result: lowest Q/);
    expect(lines.at(-1)).toMatch(/^No visible change/);
  });
});
