/**
 * What the epidemic takes from other modules: the day's meetings they report (outings, door
 * deliveries, door visits: see ../contacts.ts), which households may not go out, and which
 * helpers are off work. A door contact is made by a named carrier: party members carry in their
 * own building and volunteers in their compound, each unit's members taking doors in turn, RC
 * staff likewise; supermarket staff live outside and are not followed (their doors carry no
 * exposure here). A group-buy pick-up is kept for the night's pick-up layer; a household kept at
 * home cannot come to the pick-up point, so its compound's organiser brings the order to its door.
 */
import type { ContactKind, ContactSink } from '../contacts.js';
import type { Confinement } from '../households/index.js';
import type { PartyAbsence } from '../party-members/index.js';
import type { RcAbsence } from '../residents-committee/index.js';
import type { VolunteerAbsence } from '../volunteers/index.js';
import { add } from './day-list.js';
import { confinedToday, offWork } from './response.js';
import type { EpidemicState, EpidemicWorld } from './state.js';

const own = (w: EpidemicWorld) => w.state.epidemic as EpidemicState;

/**
 * The next member of a unit's list who is at work, in turn; -1 if none. With none of the unit off
 * work today (`absent`, counted at dawn and holding all day: response.ts) that is the member whose
 * turn it is, and no one's state need be read.
 */
function nextAtWork(world: EpidemicWorld, start: Int32Array, list: Int32Array, cursor: Int32Array, unit: number, absent: number, day: number): number {
  const from = start[unit];
  const n = start[unit + 1] - from;
  if (absent === 0 && n > 0) {
    const i = cursor[unit];
    cursor[unit] = (i + 1) % n;
    return list[from + i];
  }
  for (let k = 0; k < n; k++) {
    const i = (cursor[unit] + k) % n;
    const r = list[from + i];
    if (!offWork(world, r, day)) {
      cursor[unit] = (i + 1) % n;
      return r;
    }
  }
  return -1;
}

function carrierOf(world: EpidemicWorld, s: EpidemicState, h: number, by: string | undefined): number {
  const hh = world.households;
  if (by === 'partyMembers') {
    const b = hh.building[h];
    return nextAtWork(world, s.partyStart, s.partyList, s.partyCursor, b, s.partyAbsent[b], s.day);
  }
  if (by === 'volunteers') {
    const c = hh.compound[h];
    return nextAtWork(world, s.volunteerStart, s.volunteerList, s.volunteerCursor, c, s.volunteerAbsent[c], s.day);
  }
  if (by === 'rcStaff' && s.staff.length > 0) {
    // nextAtWork over the one unit of all staff, without two small arrays per door.
    const n = s.staff.length;
    if (s.staffAbsent === 0) {
      const i = s.staffCursor;
      s.staffCursor = (i + 1) % n;
      return s.staff[i];
    }
    for (let k = 0; k < n; k++) {
      const i = (s.staffCursor + k) % n;
      const r = s.staff[i];
      if (!offWork(world, r, s.day)) {
        s.staffCursor = (i + 1) % n;
        return r;
      }
    }
    return -1;
  }
  return -1;
}

/** The compound's group-buy organiser, or -1 if there is none or the organiser is off work. */
export function organiserAtWork(world: EpidemicWorld, c: number): number {
  const r = own(world).organiser[c];
  return r >= 0 && !offWork(world, r, own(world).day) ? r : -1;
}

export const sink: ContactSink<EpidemicWorld> = {
  report(world, kind: ContactKind, h, by) {
    const s = own(world);
    if (kind === 'outing') add(s.outings, h);
    else if (kind !== 'pickup') {
      add(s.doors, h);
      add(s.doors, carrierOf(world, s, h, by));
    } else if (!confinedToday(world, s, h)) add(s.pickups, h);
    else {
      add(s.doors, h);
      add(s.doors, organiserAtWork(world, world.households.compound[h]));
    }
  },
};

export const confinement: Confinement<EpidemicWorld> = {
  name: 'epidemic',
  confined: (world, h) => confinedToday(world, own(world), h),
};

export const partyAbsence: PartyAbsence<EpidemicWorld> = { absent: (w, b) => own(w).partyAbsent[b] };
export const volunteerAbsence: VolunteerAbsence<EpidemicWorld> = { absent: (w, c) => own(w).volunteerAbsent[c] };
export const rcAbsence: RcAbsence<EpidemicWorld> = { absent: (w) => own(w).staffAbsent };
