/**
 * Contacts: what a process that makes people meet reports, so that a module that cares — an
 * epidemic — can turn meetings into exposure without the reporting module knowing about it.
 *
 * A reporter opens a log of the step's meetings with the sinks (`ctx.provided(CONTACT_SINKS)`),
 * notes each meeting in it (`meet`) and closes it at the end of its step (`closeLog`); the sinks
 * get the meetings in batches, in the order they happened. Not a call per meeting: at 1M residents
 * the outings, doors and pick-ups are about 16M meetings a run, and a sink's call per meeting
 * (looking up its own state each time) cost more than the meeting's two stores in a typed list
 * (issue 16, part 16z). A sink reads, when a batch comes, only what stays the same through the
 * reporter's step (who is confined or off work today), so a batch handed over later is the same
 * as the calls one by one. With no sink in the model (no epidemic) a meeting costs a length check
 * and draws nothing, so the model's outputs are exactly those without this hook.
 */
import type { ModuleWorld } from '../engine/index.js';

export const CONTACT_SINKS = 'contacts.sinks';

/**
 * - `outing`: someone of household `household` went out to shop (meets people outside the compound);
 * - `delivery`: a carrier (`names[by[i]]` of the batch, e.g. `partyMembers`) brought goods to the door;
 * - `doorVisit`: a visitor (`names[by[i]]`) took an order at the door;
 * - `pickup`: someone of household `household` collected a group-buy order at its compound's
 *   pick-up point, meeting the others collecting there that day and the organiser
 *   (`names[by[i]]`) who hands the orders out.
 */
export type ContactKind = 'outing' | 'delivery' | 'doorVisit' | 'pickup';

/**
 * Meetings of one kind, in the order they happened: the i-th met household `households[i]`,
 * and who came (the carrier, visitor or organiser) is `names[by[i]]`; the first `count` are this
 * batch's.
 */
export interface Contacts {
  readonly kind: ContactKind;
  names: readonly string[];
  households: Int32Array;
  by: Uint8Array;
  count: number;
}

export interface ContactSink<W extends ModuleWorld = any> {
  report(world: W, contacts: Contacts): void;
}

/** A reporting step's log: its meetings not yet handed over, and the sinks they go to. */
export interface ContactLog<W extends ModuleWorld = any> extends Contacts {
  sinks: readonly ContactSink<W>[];
}

/** Meetings handed over at most this many at a time, so a log's storage stays small (5 bytes a meeting). */
const BATCH = 4096;

/** A log for one kind of meeting, kept by the reporting module and opened each step. */
export const contactLog = <W extends ModuleWorld>(kind: ContactKind): ContactLog<W> => ({
  kind,
  names: [],
  households: new Int32Array(BATCH),
  by: new Uint8Array(BATCH),
  count: 0,
  sinks: [],
});

/** Opens the log for a step: its meetings go to `sinks`; `names` are who may come (`meet`'s `by` indexes them). */
export function openLog<W extends ModuleWorld>(log: ContactLog<W>, sinks: readonly ContactSink<W>[], names: readonly string[] = []): void {
  log.sinks = sinks;
  log.names = names;
  log.count = 0;
}

/** Notes that household h met `names[by]` (or, for an outing, went out); handed over when the batch is full. */
export function meet<W extends ModuleWorld>(world: W, log: ContactLog<W>, h: number, by = 0): void {
  if (log.sinks.length === 0) return;
  log.households[log.count] = h;
  log.by[log.count] = by;
  if (++log.count === BATCH) handOver(world, log);
}

/**
 * Notes that each of the first `count` households of `households` met `names[by]` (or went out),
 * in order: `meet` for each, for a reporter that lists its meetings first and reports them after
 * its loop — the list copied into the log a batch at a time, not a call per meeting.
 */
export function meetAll<W extends ModuleWorld>(world: W, log: ContactLog<W>, households: Int32Array, count: number, by = 0): void {
  if (log.sinks.length === 0) return;
  for (let from = 0; from < count; ) {
    const n = Math.min(count - from, BATCH - log.count);
    log.households.set(households.subarray(from, from + n), log.count);
    log.by.fill(by, log.count, log.count + n);
    from += n;
    log.count += n;
    if (log.count === BATCH) handOver(world, log);
  }
}

/** Hands the step's last meetings to the sinks and lets go of them (the log keeps no sink between steps). */
export function closeLog<W extends ModuleWorld>(world: W, log: ContactLog<W>): void {
  if (log.count > 0) handOver(world, log);
  log.sinks = [];
  log.names = [];
}

function handOver<W extends ModuleWorld>(world: W, log: ContactLog<W>): void {
  for (let k = 0; k < log.sinks.length; k++) log.sinks[k].report(world, log);
  log.count = 0;
}
