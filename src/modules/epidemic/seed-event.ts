/**
 * Seeding cases on a date: the `epidemic.seedInfections` event, so that a scenario or a teacher
 * can start an outbreak where and when the lesson needs it — "five cases in compound 2 on the
 * day movement control begins" — instead of only on the first day or by importation. The cases
 * are distinct susceptible residents drawn at random (from one compound, one age group, or
 * both, if the event says so), infected at dawn of the event's day like the scenario's initial
 * infections; fewer if fewer susceptible residents are left there.
 */
import { z } from 'zod';
import type { Intervention, Rng } from '../../engine/index.js';
import { count, p, positiveCount, U } from '../../scenario/params.js';
import { infect } from './course.js';
import { AGE_NAMES, LAYER, STATE, type EpidemicState, type EpidemicWorld } from './state.js';

const args = z.object({
  count: p(positiveCount, 'residents infected (exposed) at dawn of the event\'s day', U.people),
  compound: p(count.nullable().optional(), 'only residents of this compound (0 = the first); absent or null: anywhere in the community'),
  age: p(z.enum(AGE_NAMES).nullable().optional(), 'only residents of this age group (child, adult, elderly); absent or null: any age'),
});

export const seedInfections: Intervention<EpidemicWorld, EpidemicState> = {
  name: 'seedInfections',
  description: 'infect a number of residents at random on a date, optionally in one compound or age group',
  args,
  apply(world, own, event, ctx) {
    const compound = (event.compound ?? null) as number | null;
    const age = (event.age ?? null) as (typeof AGE_NAMES)[number] | null;
    seedWhere(world, own, event.count as number, compound, age === null ? null : AGE_NAMES.indexOf(age), ctx.day, ctx.stream('epidemic.seedInfections'));
  },
};

/** Infects up to `n` distinct susceptible residents, drawn at random among those in the compound and age group given. */
export function seedWhere(world: EpidemicWorld, own: EpidemicState, n: number, compound: number | null, age: number | null, day: number, rng: Rng): number {
  const R = world.residents;
  const hh = world.households;
  const eligible: number[] = [];
  for (let r = 0; r < R.count; r++) {
    if (R.infection[r] !== STATE.susceptible) continue;
    if (compound !== null && hh.compound[R.household[r]] !== compound) continue;
    if (age !== null && R.age[r] !== age) continue;
    eligible.push(r);
  }
  const k = Math.min(n, eligible.length);
  // A partial Fisher–Yates shuffle: the first k are a uniform sample without replacement.
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (eligible.length - i));
    const r = eligible[j];
    eligible[j] = eligible[i];
    eligible[i] = r;
    infect(world, own, r, day, LAYER.seed, rng);
  }
  return k;
}

/** An event that names a compound the community does not have is an error, located at the event. */
export function checkSeedEvents(s: { events?: { type: string; compound?: unknown }[]; community?: { compounds?: number } }): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const compounds = s.community?.compounds;
  (s.events ?? []).forEach((e, i) => {
    if (e.type !== 'epidemic.seedInfections' && e.type !== 'seedInfections') return;
    if (typeof e.compound === 'number' && compounds !== undefined && e.compound >= compounds) {
      problems.push({ path: ['events', i, 'compound'], message: `compound ${e.compound} does not exist: the community has ${compounds} compounds, numbered 0 to ${compounds - 1}` });
    }
  });
  return problems;
}
