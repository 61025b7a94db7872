/**
 * The teacher's caption ("What changed"), written from the current state each time it is drawn:
 * what changed, with the numbers the sliders now hold, in the page's current language, and the
 * result once the run is complete. Storing finished sentences instead would keep them in the
 * language and with the numbers of the moment they were made.
 */
import type { Summary } from '../../../src/model/index.js';
import { t, tf } from '../i18n.js';
import { formatDate, formatNumber } from '../charts/line-chart.js';
import { SLIDERS, type Change, type TeacherSettings } from './teacher.js';

export interface CaptionState {
  /** The crisis was started on this date (ISO), by the teacher. */
  crisisDate?: string;
  changes: Change[];
  settings: TeacherSettings;
  /** The scenario's own range of party members per building, e.g. [2, 3]. */
  partyMembersRange: [number, number];
  /** Slider positions the scenario itself gives: a slider still there stands for the scenario's range. */
  baseSettings: TeacherSettings;
  before: Summary | null;
  now: Summary | null;
}

/** Party members per building as the class should read it: the slider's number, or the scenario's range. */
function partyMembersText(c: CaptionState): string {
  const v = c.settings.sliders.partyMembers;
  const [min, max] = c.partyMembersRange;
  if (v === undefined || v === c.baseSettings.sliders.partyMembers) return min === max ? String(min) : `${min}–${max}`;
  return String(v);
}

/** Mean crisis care coverage of a five-society run (the communityCare module's summary), or null. */
function careCoverage(s: Summary): number | null {
  const v = (s as Summary & { care?: { crisisCoverage?: number | null } }).care?.crisisCoverage;
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

/** Differences smaller than these are no change a class can see on the charts. */
const SAME_Q = 0.0005;
const SAME_NEED_DAYS = 0.005;

/** The caption's paragraphs (plain text; the page escapes nothing because nothing here is user input). */
export function captionLines(c: CaptionState): string[] {
  const lines: string[] = [];
  if (c.crisisDate) lines.push(tf('capCrisisStarted', { date: formatDate(c.crisisDate, true) }));
  const params = { partyMembers: partyMembersText(c), subsidy: String(c.settings.sliders.subsidy ?? '') };
  for (const ch of c.changes) {
    if (ch.kind !== 'slider') lines.push(tf(ch.key, params));
    else {
      const slider = SLIDERS.find((s) => s.id === ch.id);
      lines.push(tf('capSliderChange', { label: slider ? t(slider.label) : ch.id, from: String(ch.from), to: String(ch.to) }));
    }
  }
  const { before: a, now: b } = c;
  if (a && b && c.changes.length > 0) {
    const f = (v: number) => formatNumber(v, 2);
    const q = [a.resilience.robustness, b.resilience.robustness];
    const unmet = [a.groups.elderlyNoSmartphone.unmetNeedDays, b.groups.elderlyNoSmartphone.unmetNeedDays];
    // Five-society models also report how much of the crisis care was covered (the societies' work).
    const coverage = [careCoverage(a), careCoverage(b)];
    const care = coverage[0] !== null && coverage[1] !== null ? `; ${t('capCareCoverage')} ${f(coverage[0])} → ${f(coverage[1])}` : '';
    lines.push(`${t('result')}: ${t('capLowestQ')} ${f(q[0])} → ${f(q[1])}; ${t('capElderlyUnmet')} ${f(unmet[0])} → ${f(unmet[1])}${care}.`);
    if (Math.abs(q[1] - q[0]) < SAME_Q && Math.abs(unmet[1] - unmet[0]) < SAME_NEED_DAYS) lines.push(t('capNoChange'));
  }
  return lines;
}
