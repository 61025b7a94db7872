/**
 * The experiment file: what to vary, how often, and what to keep. In the spirit of NetLogo's
 * BehaviorSpace. One zod schema is the single definition; its JSON Schema (experimentJsonSchema)
 * lets editors autocomplete experiment files.
 *
 *   name: subsidy × party members
 *   scenario: ../scenarios/q-community/lockdown-2020.yaml   # relative to this file
 *   set: { community.compounds: 2 }                        # fixed for every run
 *   factors:                                               # full factorial grid
 *     packages.vegetable.subsidy: [0, 6, 12, 18]            #   explicit list
 *     residentsCommittee.staff: { from: 5, to: 15, step: 5 } #   range with a step
 *   latinHypercube:                                        # crossed with the grid
 *     points: 10
 *     factors: { population.volunteerShare: { min: 0, max: 0.05 } }
 *   replicates: 5
 *   seed: 2020
 */
import { z } from 'zod';

/** A dotted scenario parameter path, e.g. `packages.vegetable.subsidy`. */
const parameterPath = z
  .string()
  .regex(/^[A-Za-z_][\w]*(\.[\w]+)*$/, 'a dotted scenario parameter path such as packages.vegetable.subsidy');

const stepRange = z
  .object({
    from: z.number().describe('first value'),
    to: z.number().describe('last value (included when the steps land on it)'),
    step: z.number().positive().describe('distance between values'),
  })
  .strict()
  .refine((r) => r.to >= r.from, { message: '`to` must not be below `from`' })
  .refine((r) => (r.to - r.from) / r.step < 100_000, { message: 'more than 100,000 values: is the step right?' });

const gridFactor = z.union([
  z.array(z.unknown()).min(1, 'a factor needs at least one value').describe('explicit values (numbers, booleans, strings, or whole objects)'),
  stepRange,
]);

const lhsFactor = z
  .object({
    min: z.number(),
    max: z.number(),
    integer: z.boolean().default(false).describe('draw whole numbers (each stratum of [min, max+1) once)'),
  })
  .strict()
  .refine((r) => r.max >= r.min, { message: '`max` must not be below `min`' })
  .refine((r) => !r.integer || (Number.isInteger(r.min) && Number.isInteger(r.max)), { message: 'an `integer` factor needs whole-number `min` and `max`' });

const measureName = z.string().min(1);

export const OUTPUT_FORMATS = ['csv', 'parquet'] as const;

export const experimentSchema = z
  .object({
    name: z.string().min(1).describe('a title for the experiment'),
    description: z.string().optional(),
    scenario: z.string().min(1).describe('base scenario file, relative to the experiment file'),
    set: z.record(parameterPath, z.unknown()).default({}).describe('parameters fixed for every run (dotted path → value)'),
    factors: z.record(parameterPath, gridFactor).default({}).describe('varied parameters, crossed as a full factorial grid'),
    latinHypercube: z
      .object({
        points: z.number().int().min(1).max(100_000).describe('number of sample points; each factor range is cut into this many strata'),
        seed: z.number().int().min(0).optional().describe('seed of the sample (default: the experiment seed)'),
        factors: z.record(parameterPath, lhsFactor).refine((f) => Object.keys(f).length > 0, { message: 'name at least one factor' }),
      })
      .strict()
      .optional()
      .describe('a Latin hypercube sample over numeric ranges, crossed with the grid factors'),
    replicates: z.number().int().min(1).max(1_000_000).default(1).describe('seeded runs per design point'),
    seed: z.number().int().min(0).optional().describe("master seed (default: the base scenario's seed)"),
    commonRandomNumbers: z
      .boolean()
      .default(false)
      .describe('true: replicate r of every point uses the same run seed (paired points, warm start possible); false: seeds derive from (seed, point, replicate)'),
    warmStart: z.boolean().default(false).describe('run the normal period once per replicate and branch every point from it (needs commonRandomNumbers)'),
    keep: z
      .object({
        measures: z.array(measureName).min(1).optional().describe('summary measures or groups of them (e.g. resilience, groups.others.unmetNeedDays); default all'),
        metrics: z.array(measureName).optional().describe('daily metrics kept in the time series; default all; [] for none'),
      })
      .strict()
      .default({}),
    outputs: z
      .object({ formats: z.array(z.enum(OUTPUT_FORMATS)).min(1).default(['csv', 'parquet']).describe('formats of the daily time series (runs.csv is always written)') })
      .strict()
      .default({ formats: ['csv', 'parquet'] }),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.warmStart && !e.commonRandomNumbers) {
      ctx.addIssue({ code: 'custom', path: ['warmStart'], message: 'a warm start branches every point from one snapshot per replicate, so it needs commonRandomNumbers: true' });
    }
    const lhs = e.latinHypercube ? Object.keys(e.latinHypercube.factors) : [];
    for (const path of lhs) {
      if (path in e.factors) ctx.addIssue({ code: 'custom', path: ['latinHypercube', 'factors', path], message: `${path} is already a grid factor` });
    }
    for (const path of [...Object.keys(e.factors), ...lhs]) {
      if (path in e.set) ctx.addIssue({ code: 'custom', path: ['set', path], message: `${path} is also a factor; a parameter is either fixed or varied` });
    }
  });

export type ExperimentInput = z.input<typeof experimentSchema>;
export type ExperimentSpec = z.output<typeof experimentSchema>;

/** The experiment file format as JSON Schema (for editors; `crsim sweep --schema`). */
export function experimentJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://community-resilience/experiment.schema.json',
    title: 'community-resilience experiment',
    ...(z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  };
}
