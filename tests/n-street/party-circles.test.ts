/**
 * The party network keeps its circles as places in each compound's order, only as many as its
 * units can ever ask over the run (network.ts `mostAsked`): the largest circle of every depth the
 * network has in the run, its reach rounded up (a unit shared with other compounds asks one more
 * with the fraction's chance), must find its places kept.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { lowestUnits, type PartyNetworkParams, type PartyNetworkState } from '../../src/modules/party-network/index.js';
import { nStreet } from './helpers.js';

describe('party network: the places kept for its circles', () => {
  it('hold the largest circle of every depth the run has (dated 2 then 5), never more than the adults', () => {
    const scenario = nStreet();
    const s = scenario.partyNetwork as PartyNetworkParams;
    expect(typeof s.depth).toBe('object');
    const depths = Object.values(s.depth as Record<string, number>);
    expect(new Set(depths).size).toBeGreaterThan(1);
    const sim = createSimulation(scenario, 'circles/0');
    const st = (sim.world as { state: { partyNetwork: PartyNetworkState } }).state.partyNetwork;
    for (let c = 0; c < st.adults.length; c++) {
      const places = st.tookPartYear[c].length;
      expect(places).toBeLessThanOrEqual(st.adults[c]);
      for (const d of depths) {
        const reach = Math.min(st.adults[c], lowestUnits(d, st.buildings[c], st.residents[c], st.residentsTotal, s) * s.mobilisation.reachPerUnit);
        expect(places).toBeGreaterThanOrEqual(Math.ceil(reach));
      }
    }
    // A compound's places are fewer than its adults when the circles are narrower than the compound.
    expect(st.tookPartYear.some((p, c) => p.length < st.adults[c])).toBe(true);
  });
});
