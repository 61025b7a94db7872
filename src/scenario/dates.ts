/**
 * Timeline dates may be written as calendar dates or as whole numbers of days after
 * `calendar.start` (`regimeSwitch: 46`). The loader turns offsets into ISO dates before validation,
 * so the validated `Scenario` (what the model reads) always has `YYYY-MM-DD` strings.
 */
import { fromEpochDay, toEpochDay } from '../engine/calendar.js';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Offsets beyond this (≈ 2,700 years) are left alone for validation to reject. */
const MAX_OFFSET_DAYS = 1_000_000;

/** The ISO date `days` after `start`, or undefined when either is unusable. */
export function dateAfter(start: unknown, days: unknown): string | undefined {
  if (typeof start !== 'string' || typeof days !== 'number' || !Number.isInteger(days) || Math.abs(days) > MAX_OFFSET_DAYS) return undefined;
  try {
    return fromEpochDay(toEpochDay(start) + days);
  } catch {
    return undefined;
  }
}

/** A copy of a (provenance-stripped) document with timeline and event day offsets as dates. */
export function normaliseDates(value: unknown): unknown {
  if (!isPlainObject(value) || !isPlainObject(value.calendar)) return value;
  const start = value.calendar.start;
  const out: Record<string, unknown> = { ...value };
  if (isPlainObject(value.timeline)) {
    const timeline: Record<string, unknown> = { ...value.timeline };
    for (const [key, v] of Object.entries(timeline)) {
      const date = dateAfter(start, v);
      if (date !== undefined) timeline[key] = date;
    }
    out.timeline = timeline;
  }
  if (Array.isArray(value.events)) {
    out.events = value.events.map((e) => {
      if (!isPlainObject(e)) return e;
      const date = dateAfter(start, e.date);
      return date === undefined ? e : { ...e, date };
    });
  }
  return out;
}
