/**
 * Labour (papers 000 and 004). The residents' committee's few staff first do the administrative
 * work pushed down from above — daily temperature statistics for every household, gate duty,
 * tracing when a case appears — and only the hours left go to groceries. In the later regime
 * in-service party members under double reporting (2–3 per building) take orders in the evening
 * and carry goods from the gate to each door; mobilised volunteers add hours.
 */
import type { Process } from '../../engine/process.js';
import { CRISIS_PHASES, type PhaseName } from '../phases.js';
import { activePartyMembers, rcStaff, type World } from '../world.js';

export const labour: Process<World> = {
  name: 'labour',
  step(world, ctx) {
    const s = world.scenario;
    const rc = s.residentsCommittee;
    const L = world.labour;
    const crisis = CRISIS_PHASES.includes(ctx.phase as PhaseName);
    const admin = crisis
      ? (world.households.count * rc.adminMinutesPerHousehold) / 60 +
        (world.regime ? world.compounds.length * rc.gateDutyHoursPerCompound : 0) +
        world.adminSurges.reduce((n, x) => n + x.hours, 0)
      : 0;
    L.rcHoursAvailable = rcStaff(world) * rc.hoursPerDay;
    L.rcHoursFree = Math.max(0, L.rcHoursAvailable - admin);
    world.today.adminHours = admin;
    world.today.staffHoursDemanded = admin;

    const regime = world.deliveringRegime ? s.regimes[world.deliveringRegime] : null;
    for (const b of world.buildings) {
      const members = activePartyMembers(world, b);
      // Parameters are read only when party members are active, so the normal period does not
      // depend on them and warm-start branches may vary them (experiment/warm-start.ts).
      L.partyDeliveries[b.id] = members > 0 ? members * s.partyMembers.carryingHours * s.lastMile.deliveriesPerHour : 0;
      L.partyVisits[b.id] = world.regime && members > 0 ? members * s.partyMembers.orderTakingHours * s.lastMile.doorVisitsPerHour : 0;
    }
    const volunteers = regime?.volunteersMobilised ?? false;
    for (const c of world.compounds) L.volunteerHours[c.id] = volunteers ? c.volunteers * s.volunteers.hoursPerDay : 0;
    L.merchantDeliveries = regime ? regime.merchantCarriers * s.lastMile.merchantCarrierHours * s.lastMile.deliveriesPerHour : 0;
  },
};
