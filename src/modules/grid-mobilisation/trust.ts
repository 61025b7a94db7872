/**
 * Trust between the residents' committee and the latent self-organisations (paper 003 六(一)2:
 * the RC should keep in touch with residents' spontaneous organisations in normal times and build
 * a stable relation of trust, so that in a crisis they answer its call at once). A compound has a
 * latent self-organisation when it has a mutual-aid station (paper 002; the station meets monthly
 * and works with the grid) or enough prior social capital (an owners' group with a history of
 * discussion, 000). Each working contact closes a share of the distance to full trust.
 */
import { dayOfMonth, type ModuleProcess } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { GridParams } from './params.js';
import type { GridState } from './state.js';

interface StationColumns {
  station?: Uint8Array;
  stationMeetingDay?: Uint8Array;
}

export const gridTrust: ModuleProcess<CommunityWorld, GridState> = {
  name: 'gridTrust',
  slot: 'evening',
  step(world, st, ctx) {
    if (ctx.day >= st.onsetDay) return;
    const s = (world.scenario.gridMobilisation as GridParams).selfOrganisations;
    const C = world.compounds as CommunityWorld['compounds'] & StationColumns;
    const station = C.station;
    const meetingDay = C.stationMeetingDay;
    const dom = dayOfMonth(ctx.date);
    const contactChance = s.meetingsPerYear / 365;
    const { latent, trust } = st;
    for (let c = 0; c < C.count; c++) {
      const hasStation = station !== undefined && station[c] === 1;
      if (!latent[c]) {
        if (!hasStation && C.socialCapital[c] < s.socialCapitalThreshold) continue;
        latent[c] = 1;
        trust[c] = s.initialTrust;
      }
      // A station works with the grid at its monthly meeting; another organisation now and then.
      const contact = hasStation ? meetingDay![c] === dom : ctx.rng() < contactChance;
      if (contact) trust[c] += s.trustGainPerMeeting * (1 - trust[c]);
    }
  },
};
