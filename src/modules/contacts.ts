/**
 * Contacts: what a process that makes people meet reports, so that a module that cares — an
 * epidemic — can turn meetings into exposure without the reporting module knowing about it.
 *
 * A reporter collects the sinks once per step (`ctx.provided(CONTACT_SINKS)`) and, only when
 * there are any, reports each meeting. With no sink in the model (no epidemic) a report costs a
 * length check and draws nothing, so the model's outputs are exactly those without this hook.
 */
import type { ModuleWorld } from '../engine/index.js';

export const CONTACT_SINKS = 'contacts.sinks';

/**
 * - `outing`: someone of household `household` went out to shop (meets people outside the compound);
 * - `delivery`: a carrier (`by`: the carrier's name, e.g. `partyMembers`) brought goods to the door;
 * - `doorVisit`: a visitor (`by`) took an order at the door;
 * - `pickup`: someone of household `household` collected a group-buy order at its compound's
 *   pick-up point, meeting the others collecting there that day and the organiser (`by`) who
 *   hands the orders out.
 */
export type ContactKind = 'outing' | 'delivery' | 'doorVisit' | 'pickup';

export interface ContactSink<W extends ModuleWorld = any> {
  report(world: W, kind: ContactKind, household: number, by?: string): void;
}
