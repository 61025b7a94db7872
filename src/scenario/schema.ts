/**
 * The scenario schema: the one definition of everything a model reads, composed from the core
 * keys (name, seed, calendar, dated events, the list of modules) and one section or more per
 * module — each module owns its parameters (see src/modules/<name>). Provenance wrappers
 * (`{ value, paper: … }`) are stripped, and timeline day offsets turned into dates, before
 * validation (see parse.ts), so the schema describes plain values.
 *
 * Every parameter carries its meaning and unit (`p(schema, meaning, unit)`, params.ts): they
 * become the JSON Schema's descriptions (editors show them on hover) and the columns of
 * docs/parameters.md. `scenarioSchema` is the composition of every built-in module, which types
 * the library and documents every parameter; `schemaForModules` composes the schema of one model
 * (both in compose.ts, which the scenario loader uses without this file's `scenarioSchema`).
 */
import type { z } from 'zod';
import { everyModuleSchema } from './compose.js';

export { p } from './params.js';
export { schemaForModules, type ScenarioEvent } from './compose.js';

export const scenarioSchema = everyModuleSchema();

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults applied: what the model reads. */
export type Scenario = z.output<typeof scenarioSchema>;
export type { Regime } from '../modules/provision/params.js';
