/**
 * Service → prestige → mobilisation (paper 002), once a month in each compound.
 *
 * Party members serve: retired organisers and double-reporting members at their own rates (the
 * mutual-aid module's service rates), party members sitting on the station their station hours,
 * co-building units their hours. Residents see that service where they bring their issues. In an
 * embedded network party members serve inside the residents' own station, which residents bring
 * their issues to anyway: all of it is seen. An organisation present only from above — or one
 * with no station yet to be embedded in — is brought only what residents' trust in it warrants,
 * and trust is its prestige: seen = hours × P / (P + trustHours). Prestige is the seen service
 * per adult, remembered over months. This is the feedback loop: a presence-only branch is asked
 * little, so it is seen to do little, so it is trusted little.
 *
 * The lowest level's units ask residents to take part, each leader the same few residents every
 * month — the ones they know (network.ts) — so a unit's circle, not the months, bounds how many
 * take part in a year; a resident asked takes part with a chance that rises with prestige. The
 * units are those of the depth in force that month (N street's party grids, 2016). Those who take part this
 * year give the station more hands and knowledge in self-discussion: the issue-routing module
 * reads their engagement (participations per adult over about a year) through
 * `issueRouting.stationCompetence`.
 */
import { dayOfMonth, failuresBefore, logistic, type ModuleProcess } from '../../engine/index.js';
import type { PartyNetworkParams } from './params.js';
import { mutualAidOf } from '../mutual-aid/index.js';
import { depthOn, lowestUnits, type PartyNetworkWorld } from './network.js';

export interface PartyNetworkState {
  /** Per compound, its active party members (organisers, double-reporters) and its adults. */
  active: number[][];
  /** Per compound, the active members' service rates (hours a year; the mutual-aid module's), in the order of `active`; null without that module. */
  serviceRates: number[][] | null;
  /** Per compound, the year each place of its circles last took part (a place is an adult, the same every month; network.ts). */
  tookPartYear: Int16Array[];
  adults: number[];
  /** Per compound, its buildings and residents, from which the lowest level's units follow. */
  buildings: number[];
  residents: number[];
  residentsTotal: number;
  coBuildingUnits: number[];
  prestige: number[];
  /** Share of the compound's adults who took part this month. */
  takingPart: number[];
  /** Participation per adult over about the last year (monthly shares, weighted down by e each year). */
  engagement: number[];
  /** Distinct residents who took part, by calendar year. */
  participantsByYear: Record<string, number>;
  adultsTotal: number;
  /** Service hours party members gave, and the hours residents saw, over the run. */
  hoursGiven: number;
  hoursSeen: number;
}

const YEAR_DECAY = Math.exp(-1 / 12);

export const partyService: ModuleProcess<PartyNetworkWorld, PartyNetworkState> = {
  name: 'partyService',
  slot: 'evening',
  step(world, st, ctx) {
    if (dayOfMonth(ctx.date) !== 1) return;
    const s = world.scenario.partyNetwork as PartyNetworkParams;
    const stationHours = (world.scenario as { mutualAid?: { stationHoursPerMonth: number } }).mutualAid?.stationHoursPerMonth ?? 0;
    const stationMembers = mutualAidOf(world)?.members;
    const station = world.compounds.station;
    const decay = Math.exp(-1 / s.prestige.memoryMonths);
    const year = Number(ctx.date.slice(0, 4));
    const yearKey = ctx.date.slice(0, 4);
    const embedded = s.embedding === 'embedded';
    const depth = depthOn(ctx.date, s.depth);
    for (let c = 0; c < st.prestige.length; c++) {
      let hours = st.coBuildingUnits[c] * s.unitHoursPerMonth;
      const active = st.active[c];
      const rates = st.serviceRates?.[c];
      for (let k = 0; k < active.length; k++) {
        if (rates) hours += rates[k] / 12;
        if (stationMembers && stationMembers[c].includes(active[k])) hours += stationHours;
      }
      const P = st.prestige[c];
      const seen = embedded && station?.[c] ? hours : (hours * P) / (P + s.prestige.trustHours);
      st.hoursGiven += hours;
      st.hoursSeen += seen;
      const adults = Math.max(1, st.adults[c]);
      st.prestige[c] = P * decay + seen / adults;

      // The units' circles: the first `reach` places of the compound's order, the last of them
      // asked with the fractional part's chance (a unit shared with other compounds).
      const tookPart = st.tookPartYear[c];
      const reach = Math.min(st.adults[c], lowestUnits(depth, st.buildings[c], st.residents[c], st.residentsTotal, s) * s.mobilisation.reachPerUnit);
      const chance = logistic(s.mobilisation.base + s.mobilisation.perPrestige * st.prestige[c]);
      const circle = Math.floor(reach) + (ctx.rng() < reach - Math.floor(reach) ? 1 : 0);
      // The places are kept for the widest circle the run can reach (network.ts); a wider one would
      // count the adults past the end as new every month.
      if (circle > tookPart.length) throw new Error(`party network: compound ${c}'s circle of ${circle} is wider than the ${tookPart.length} places kept for it`);
      // Each adult in the circle takes part with this chance: skip to the next one who does
      // (geometric gaps), so the draws are as many as those who take part.
      let took = 0;
      const logMiss = Math.log(1 - Math.min(chance, 1 - 1e-12));
      for (let i = failuresBefore(ctx.rng, logMiss); i < circle; i += 1 + failuresBefore(ctx.rng, logMiss)) {
        took++;
        if (tookPart[i] !== year) {
          tookPart[i] = year;
          st.participantsByYear[yearKey] = (st.participantsByYear[yearKey] ?? 0) + 1;
        }
      }
      st.takingPart[c] = took / adults;
      st.engagement[c] = st.engagement[c] * YEAR_DECAY + took / adults;
    }
  },
};
