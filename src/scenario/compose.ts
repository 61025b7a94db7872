/**
 * Composing the scenario schema: the core keys (name, seed, calendar, dated events, the list of
 * modules) and the sections of the modules a model is made of (`schemaForModules`), or of every
 * built-in module (`everyModuleSchema`, which schema.ts exports as `scenarioSchema`). A file of its
 * own so that loading and validating a scenario (parse.ts) never composes the schema of every
 * module when its own model's is enough.
 */
import { z } from 'zod';
import type { ModuleDef } from '../engine/index.js';
import { BUILTIN_MODULES, Q_COMMUNITY } from '../modules/index.js';
import { params as community } from '../modules/community/params.js';
import { params as epidemic } from '../modules/epidemic/params.js';
import { params as households } from '../modules/households/params.js';
import { params as lockdown } from '../modules/lockdown/params.js';
import { params as merchants } from '../modules/merchants/index.js';
import { params as partyMembers } from '../modules/party-members/index.js';
import { params as provision } from '../modules/provision/params.js';
import { params as residentsCommittee } from '../modules/residents-committee/index.js';
import { params as resilience } from '../modules/resilience/index.js';
import { params as satisfaction } from '../modules/satisfaction/index.js';
import { params as selfOrganisation } from '../modules/self-organisation/index.js';
import { groupBuyingParams as groupBuying } from '../modules/self-organisation/movement-control.js';
import { params as volunteers } from '../modules/volunteers/index.js';
import { params as communityCare } from '../modules/community-care/index.js';
import { params as platform } from '../modules/platform/index.js';
import { params as socialWorkers } from '../modules/social-workers/index.js';
import { params as socialOrganisations } from '../modules/social-organisations/index.js';
import { params as volunteerPool } from '../modules/volunteer-pool/index.js';
import { params as charity } from '../modules/charity/index.js';
import { params as mutualAid } from '../modules/mutual-aid/index.js';
import { params as issueRouting } from '../modules/issue-routing/index.js';
import { params as gridMobilisation } from '../modules/grid-mobilisation/index.js';
import { params as partyNetwork } from '../modules/party-network/index.js';
import { params as governanceLoad } from '../modules/governance-load/index.js';
import { isoDate, p } from './params.js';

const core = {
  name: p(z.string().min(1), 'a short title, shown in outputs and charts'),
  description: p(z.string(), 'what the scenario represents and how it differs from others').optional(),
  modules: p(
    z.array(z.string().min(1)).min(1),
    `the modules that make the model, by name; requirements come first whatever the order. Default: the Q-community preset (${Q_COMMUNITY.join(', ')})`,
  ).default([...Q_COMMUNITY]),
  seed: p(z.number().int().min(0), 'master seed; each replicate derives its own seed from it and its index').default(1),
  calendar: z
    .object({
      start: p(isoDate, 'first simulated day (day 0); day offsets in the timeline count from here'),
      end: p(isoDate, 'last simulated day (included)'),
    })
    .strict()
    .refine((c) => c.start <= c.end, 'the end date must not be before the start date')
    .meta({ description: 'the simulated days' }),
};

/** A dated event: the day, the intervention it calls, and that intervention's arguments. */
export interface ScenarioEvent {
  date: string;
  type: string;
  [arg: string]: unknown;
}

/** One dated-event schema per intervention of the modules: `type` is `<module>.<name>`, or `<name>` where unambiguous. */
function eventsSchema(modules: readonly ModuleDef<any>[]) {
  const bare = new Map<string, number>();
  for (const m of modules) for (const i of m.interventions ?? []) bare.set(i.name, (bare.get(i.name) ?? 0) + 1);
  const variants = modules.flatMap((m) => (m.interventions ?? []).map((i) => {
    const names = [`${m.name}.${i.name}`, ...(bare.get(i.name) === 1 ? [i.name] : [])] as [string, ...string[]];
    const args = (i.args as z.ZodObject).shape;
    return z
      .object({
        date: p(isoDate, 'the day the event starts (a date or days after calendar.start)'),
        type: p(z.enum(names), `${names[names.length - 1]}: ${i.description} (module ${m.name})`),
        ...args,
      })
      .strict();
  }));
  const event = variants.length === 0
    ? z.object({ date: isoDate, type: p(z.never(), 'no module of this model has interventions') }).strict()
    : variants.length === 1 ? variants[0] : z.discriminatedUnion('type', variants as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);
  return p(z.array(event as unknown as z.ZodType<ScenarioEvent>).default([]), 'dated events during the run, in date order; each is an intervention of a module');
}

function compose<S extends z.ZodRawShape>(sections: S, modules: readonly ModuleDef<any>[]) {
  return z
    .object({ ...core, events: eventsSchema(modules), ...sections })
    .strict()
    .superRefine((s, ctx) => {
      const run = s as unknown as { calendar: { start: string; end: string }; events: { date: string }[] };
      run.events.forEach((e, i) => {
        if (e.date < run.calendar.start || e.date > run.calendar.end) {
          ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is outside the run (${run.calendar.start} to ${run.calendar.end})` });
        }
        // Listed in date order, so a reader sees the crisis unfold as it happens.
        if (i > 0 && e.date < run.events[i - 1].date) {
          ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `events must be in date order: ${e.date} comes before the previous event's ${run.events[i - 1].date}` });
        }
      });
      for (const m of modules) for (const problem of m.check?.(s) ?? []) ctx.addIssue({ code: 'custom', ...problem });
    });
}

/** Every built-in module's sections, for the library's types and the parameter reference (building each). */
const builtinSections = () => ({
  ...lockdown, ...community, ...households, ...resilience, ...merchants, ...residentsCommittee, ...provision,
  ...partyMembers, ...volunteers, ...selfOrganisation, ...groupBuying, ...satisfaction, ...epidemic,
  ...communityCare, ...platform, ...socialWorkers, ...socialOrganisations, ...volunteerPool, ...charity,
  ...mutualAid, ...issueRouting, ...partyNetwork, ...governanceLoad, ...gridMobilisation,
});

const composeEvery = () => compose(builtinSections(), [...BUILTIN_MODULES.values()]);
let every: ReturnType<typeof composeEvery> | undefined;

/**
 * The schema of every built-in module (schema.ts's `scenarioSchema`), composed on first use:
 * validating a scenario needs only its own model's schema (`schemaForModules`), and composing
 * all of them — every module's sections built — cost a `crsim run` about 30 ms of CPU at start-up.
 */
export function everyModuleSchema() {
  return (every ??= composeEvery());
}

const composed = new Map<string, z.ZodType>();

/** The schema of a model made of these modules (cached by their names, in order). */
export function schemaForModules(modules: readonly ModuleDef<any>[]): z.ZodType {
  const key = modules.map((m) => m.name).join('\u0000');
  const builtinOnly = modules.every((m) => BUILTIN_MODULES.get(m.name) === m);
  let schema = builtinOnly ? composed.get(key) : undefined;
  if (!schema) {
    const sections: Record<string, z.ZodType> = {};
    const owner = new Map<string, string>();
    for (const m of modules) {
      for (const [key, section] of Object.entries(m.params ?? {})) {
        if (owner.has(key) || key in core || key === 'events') throw new Error(`scenario section "${key}" of module "${m.name}" is already ${owner.has(key) ? `owned by module "${owner.get(key)}"` : 'a core key'}`);
        owner.set(key, m.name);
        sections[key] = section as z.ZodType;
      }
    }
    schema = compose(sections, modules);
    if (builtinOnly) composed.set(key, schema);
  }
  return schema;
}
