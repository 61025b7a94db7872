/**
 * Building blocks for parameter schemas, shared by the core scenario schema and every module's
 * parameters: `p(schema, meaning, unit)` makes a parameter document itself (the meaning and
 * unit become the JSON Schema's descriptions, editors' hover text and docs/parameters.md), and
 * the common value types are defined once.
 */
import { z } from 'zod';

/** Units as they read in docs/parameters.md. */
export const U = {
  share: 'share (0–1)',
  days: 'days',
  hoursPerDay: 'hours per day',
  minutes: 'minutes',
  yuan: 'yuan (¥)',
  multiplier: '× normal price',
  relativeRate: "× the reference group's rate",
  packagesPerDay: 'packages per day',
  people: 'people',
  weight: 'relative weight',
  perPersonHour: 'per person-hour',
  personDays: 'person-days',
  count: 'count',
  perTenThousand: 'per 10,000 residents',
  hours: 'hours',
  perYear: 'per year',
  yuanPerMonth: 'yuan (¥) per month',
  yuanPerYear: 'yuan (¥) per year',
  packagesPerThousandResidents: 'packages per 1,000 residents per day',
  staffPerThousandPackages: 'staff per 1,000 packages of daily restock',
} as const;

/** A parameter with its meaning and unit. */
export function p<T extends z.ZodType>(schema: T, description: string, unit?: string): T {
  return schema.meta(unit === undefined ? { description } : { description, unit }) as T;
}

export const share = z.number().min(0).max(1);
/**
 * A positive quantity with a least value that can be meant: a package that feeds 5e-324
 * person-days, or a price below one fen, is a typo, and would turn shares into NaN downstream.
 */
export const atLeast = (min: number) => z.number().min(min);
export const positive = z.number().positive();
export const nonNegative = z.number().min(0);
export const count = z.number().int().min(0);
export const positiveCount = z.number().int().min(1);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'expected a real calendar date');
export const intRange = z
  .object({ min: count.meta({ description: 'smallest value' }), max: count.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** A range of counts of people in one household: more than `most` is a typo (and would not fit a household's column). */
export const householdMembersRange = (most: number) => z
  .object({ min: count.max(most).meta({ description: 'smallest value' }), max: count.max(most).meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** A range of counts that cannot be zero: a compound has buildings, a building has floors. */
export const positiveIntRange = z
  .object({ min: positiveCount.meta({ description: 'smallest value' }), max: positiveCount.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
export const numRange = z
  .object({ min: nonNegative.meta({ description: 'smallest value' }), max: nonNegative.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** The same share for working-age adults and for the elderly (60+). */
export const byAge = (what: string) =>
  z
    .object({
      adult: p(share, `${what}: working-age adults`, U.share),
      elderly: p(share, `${what}: the elderly (60+)`, U.share),
    })
    .strict();

/**
 * A module's scenario sections, each schema built when it is first read:
 * `export const params = sections({ needs: () => section(…), … })` is the object of sections it
 * stands for (its keys are there at once; a section's schema is built on first read, then kept).
 * Validation, `crsim schema` and the docs read them; a sweep's worker thread never does (its
 * scenario arrives validated), and building every module's schemas cost each worker about 20 ms
 * of CPU before its first run (docs/performance.md, part 16p).
 */
export function sections<T extends Record<string, () => z.ZodType>>(builders: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    let built: z.ZodType | undefined;
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      // Once built, a plain property of the object read (one schema, however many objects share the getter).
      get() {
        built ??= builders[key]();
        Object.defineProperty(this, key, { value: built, enumerable: true });
        return built;
      },
    });
  }
  return out;
}

/** Sections of several files as one object, each still built on first read (a spread would build them all). */
export function allSections<A extends object, B extends object>(a: A, b: B): A & B {
  return Object.defineProperties({} as A & B, { ...Object.getOwnPropertyDescriptors(a), ...Object.getOwnPropertyDescriptors(b) });
}

/** A scenario section: a strict mapping with a description. */
export const section = <T extends z.ZodRawShape>(description: string, shape: T) => z.object(shape).strict().meta({ description });
