/**
 * Calendar: day ticks mapped to ISO dates (UTC, so no time zone or daylight saving can move a
 * day). Day 0 is the scenario's start date.
 */
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `YYYY-MM-DD` (or a Date, as YAML gives) to a UTC day number; throws on anything else. */
export function toEpochDay(date: string | Date): number {
  if (date instanceof Date) return Math.floor(date.getTime() / MS_PER_DAY);
  if (!ISO_DATE.test(date)) throw new Error(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
    throw new Error(`not a calendar date: ${date}`);
  }
  return t / MS_PER_DAY;
}

/** Dates already formatted, by epoch day: a run asks for each of its dates every day and again for its outputs, and a sweep for the same dates run after run. */
const isoDates = new Map<number, string>();

export function fromEpochDay(epochDay: number): string {
  let date = isoDates.get(epochDay);
  if (date === undefined) {
    date = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
    // Bounded, so that no sequence of calls can grow it without limit (a century of days).
    if (isoDates.size < 36_525) isoDates.set(epochDay, date);
  }
  return date;
}

/** The day of the month (1–31) of an ISO date: monthly and quarterly processes run on given days. */
export const dayOfMonth = (date: string): number => Number(date.slice(8, 10));

export class Calendar {
  readonly startEpoch: number;
  /** Number of simulated days, start and end included. */
  readonly days: number;

  constructor(start: string, end: string) {
    this.startEpoch = toEpochDay(start);
    this.days = toEpochDay(end) - this.startEpoch + 1;
    if (this.days < 1) throw new Error(`calendar end ${end} is before start ${start}`);
  }

  dayOf(date: string): number {
    return toEpochDay(date) - this.startEpoch;
  }

  dateOf(day: number): string {
    return fromEpochDay(this.startEpoch + day);
  }
}
