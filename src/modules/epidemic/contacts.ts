/**
 * What the epidemic takes from other modules: the day's meetings they report (outings, door
 * deliveries, door visits: see ../contacts.ts), which households may not go out, and which
 * helpers are off work. A door contact is made by a named carrier: party members carry in their
 * own building and volunteers in their compound, each unit's members taking doors in turn, RC
 * staff likewise; supermarket staff live outside and are not followed (their doors carry no
 * exposure here). A group-buy pick-up is kept for the night's pick-up layer; a household kept at
 * home cannot come to the pick-up point, so its compound's organiser brings the order to its door.
 */
import type { ContactSink, Contacts } from '../contacts.js';
import type { Confinement } from '../households/index.js';
import type { PartyAbsence } from '../party-members/index.js';
import type { RcAbsence } from '../residents-committee/index.js';
import type { VolunteerAbsence } from '../volunteers/index.js';
import { add, addAll } from './day-list.js';
import { offWork, turn } from './absences.js';
import { confinedToday, letOut, noneConfinedToday } from './response.js';
import type { EpidemicState, EpidemicWorld } from './state.js';

const own = (w: EpidemicWorld) => w.state.epidemic as EpidemicState;

/** The next carrier of household h's unit who is at work, in turn (absences.ts); -1 if none. */
function carrierOf(world: EpidemicWorld, s: EpidemicState, h: number, by: string | undefined): number {
  const hh = world.households;
  if (by === 'partyMembers') return nextAtWork(s.partyOff, s.partyStart, s.partyList, s.partyCursor, s.partyAbsent, hh.building[h]);
  if (by === 'volunteers') return nextAtWork(s.volunteerOff, s.volunteerStart, s.volunteerList, s.volunteerCursor, s.volunteerAbsent, hh.compound[h]);
  if (by === 'rcStaff') {
    const i = turn(s.staffOff, 0, s.staff.length, s.staffCursor, s.staffAbsent);
    if (i < 0) return -1;
    s.staffCursor = (i + 1) % s.staff.length;
    return s.staff[i];
  }
  return -1;
}

/** The next of unit u's helpers at work after its cursor (its list is list[start[u] … start[u + 1])), moving the cursor past them; -1 if none. */
function nextAtWork(off: Uint8Array, start: Int32Array, list: Int32Array, cursor: Int32Array, absent: Int32Array, u: number): number {
  const from = start[u];
  const n = start[u + 1] - from;
  const i = turn(off, from, n, cursor[u], absent[u]);
  if (i < 0) return -1;
  cursor[u] = (i + 1) % n;
  return list[from + i];
}

/** The compound's group-buy organiser, or -1 if there is none or the organiser is off work. */
export function organiserAtWork(world: EpidemicWorld, c: number): number {
  const r = own(world).organiser[c];
  return r >= 0 && !offWork(world, r, own(world).day) ? r : -1;
}

/**
 * The meetings of a batch, in order: outings into the day's outings, door contacts as pairs of
 * household and carrier into the day's doors, pick-ups into the day's pick-ups unless the
 * household is kept at home (then the organiser's visit to its door). The same, entry by entry,
 * as one report per meeting: the carriers' turns move in the same order.
 */
export const sink: ContactSink<EpidemicWorld> = {
  report(world, contacts: Contacts) {
    const s = own(world);
    if (contacts.kind === 'outing') addAll(s.outings, contacts.households, contacts.count);
    else if (contacts.kind === 'pickup') pickups(world, s, contacts.households, contacts.count);
    else doors(world, s, contacts);
  },
};

/** Each door contact of the batch, with the carrier whose turn it is. */
function doors(world: EpidemicWorld, s: EpidemicState, contacts: Contacts): void {
  const { households, by, count, names } = contacts;
  for (let i = 0; i < count; i++) {
    const h = households[i];
    add(s.doors, h);
    add(s.doors, carrierOf(world, s, h, names[by[i]]));
  }
}

/**
 * Each household of the batch collects its group-buy order at the pick-up point, or, kept at
 * home, has it brought to the door. With no confinement in force today (`confinedToday` false for
 * every household) the batch is the day's pick-ups as it is, taken at once.
 */
function pickups(world: EpidemicWorld, s: EpidemicState, households: Int32Array, count: number): void {
  if (noneConfinedToday(s)) {
    addAll(s.pickups, households, count);
    return;
  }
  for (let i = 0; i < count; i++) {
    const h = households[i];
    if (!confinedToday(world, s, h)) add(s.pickups, h);
    else {
      add(s.doors, h);
      add(s.doors, organiserAtWork(world, world.households.compound[h]));
    }
  }
}

export const confinement: Confinement<EpidemicWorld> = {
  name: 'epidemic',
  letOut: (world, households, count) => letOut(world, own(world), households, count),
};

export const partyAbsence: PartyAbsence<EpidemicWorld> = { absent: (w, b) => own(w).partyAbsent[b] };
export const volunteerAbsence: VolunteerAbsence<EpidemicWorld> = { absent: (w, c) => own(w).volunteerAbsent[c] };
export const rcAbsence: RcAbsence<EpidemicWorld> = { absent: (w) => own(w).staffAbsent };
