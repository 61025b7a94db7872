/**
 * The party network and its embedding (paper 002, N street, 2012–2018): a five-level network —
 * street big working committee → community big party committee → compound branch → grid branch →
 * stairwell group, its depth a parameter — whose retired members organise, whose in-service
 * members who double-report (1,044) and co-building units (185) take assignments where they
 * live. Whether it works depends on embedding: party members serving inside residents' own
 * stations, structure unchanged (`embedded`), or an organisation set up from above beside them
 * (`presence-only`). Service builds prestige and prestige makes mobilisation work: prestige is a
 * state that feeds back (prestige.ts), not a constant.
 *
 * It must come before the mutual-aid module: it marks which party members serve (retired
 * organisers, double-reporting members), and the mutual-aid module draws only those a party
 * member's service rate. Residents who take part give stations more competence, which the
 * issue-routing module reads. In a crisis (gridMobilisation) the engagement built by then speeds
 * the neighbours' point-to-area spread. The depth may be dated (N street's grids, 2016). The module
 * does not know party dues.
 */
import { defineModule, writtenAgain } from '../../engine/index.js';
import { AGE } from '../community/index.js';
import { serviceRatesOf, type MutualAidWorld } from '../mutual-aid/index.js';
import { mostAsked, partyNetworkColumns, populateNetwork, type PartyNetworkWorld, ACTIVE } from './network.js';
import { params, type PartyNetworkParams } from './params.js';
import { partyService, type PartyNetworkState } from './prestige.js';

export { params, EMBEDDING, LEVELS, type PartyNetworkParams } from './params.js';
export { ACTIVE, lowestUnits, mostAsked, type PartyNetworkWorld } from './network.js';
export type { PartyNetworkState } from './prestige.js';

/**
 * Residents by their part in the network (an ACTIVE code), counted in the array itself. A kernel
 * on a column: in the summary, V8 compiled the loop on stack replacement and threw the code away at
 * the summary's reads after it.
 */
function residentsByPart(partyActive: Uint8Array): Int32Array {
  const n = new Int32Array(Object.keys(ACTIVE).length);
  for (let r = 0; r < partyActive.length; r++) n[partyActive[r]]++;
  return n;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export const partyNetwork = defineModule<PartyNetworkWorld, PartyNetworkState>({
  name: 'partyNetwork',
  description: "The five-level party network (paper 002): retired organisers, double-reporting members and co-building units serve; embedded in residents' stations or present only from above; service builds prestige, prestige mobilises residents, who strengthen the stations.",
  requires: ['community'],
  params,
  check(s) {
    const i = s.modules.indexOf('partyNetwork');
    const j = s.modules.indexOf('mutualAid');
    return j < 0 || j < i
      ? [{ path: ['modules'], message: 'partyNetwork needs mutualAid after it: it marks which party members serve before the stations draw service rates' }]
      : [];
  },
  columns: partyNetworkColumns,
  populate: populateNetwork,
  init(world) {
    const s = world.scenario.partyNetwork as PartyNetworkParams;
    const C = world.compounds;
    const R = world.residents;
    const residents = new Array<number>(C.count).fill(0);
    const adults = new Array<number>(C.count).fill(0);
    const active: number[][] = Array.from({ length: C.count }, () => []);
    for (let r = 0; r < R.count; r++) {
      const c = world.households.compound[R.household[r]];
      residents[c]++;
      if (R.age[r] !== AGE.child) adults[c]++;
      if (R.partyActive[r] !== ACTIVE.none) active[c].push(r);
    }
    const buildings = new Array<number>(C.count).fill(0);
    for (let b = 0; b < world.buildings.count; b++) buildings[world.buildings.compound[b]]++;
    const total = residents.reduce((a, b) => a + b, 0);
    // The year each place of a compound's circles last took part, as far as its units can ever
    // ask (network.ts): a few hundred of a compound's adults. A list of every adult in the order
    // and the year on every resident took 3 + 2 bytes a resident, and the rank drawn for the
    // order 4 more.
    const places = adults.map((n, c) => mostAsked(s.depth, buildings[c], residents[c], total, n, s));
    const placeYears = new Int16Array(places.reduce((a, b) => a + b, 0));
    let at = 0;
    const tookPartYear = places.map((n) => placeYears.subarray(at, (at += n)));
    // The active members' service rates are the mutual-aid module's draws (which it keeps only as
    // where its stream stood at each compound, so they are drawn again here, once).
    const serviceRates = world.scenario.modules.includes('mutualAid')
      ? active.map((list, c) => serviceRatesOf(world as unknown as MutualAidWorld, c, list))
      : null;
    // Written again (`writtenAgain`), the hours made as doubles (-0): first given a fraction at the
    // first service, they replaced the state's map and threw compiled code away.
    return writtenAgain({
      active,
      serviceRates,
      tookPartYear,
      adults,
      buildings,
      residents,
      residentsTotal: total,
      coBuildingUnits: Array.from(C.coBuildingUnits),
      prestige: new Array<number>(C.count).fill(s.prestige.initial),
      takingPart: new Array<number>(C.count).fill(0),
      engagement: new Array<number>(C.count).fill(0),
      participantsByYear: {},
      adultsTotal: adults.reduce((a, b) => a + b, 0),
      hoursGiven: -0,
      hoursSeen: -0,
    });
  },
  processes: [partyService],
  provides: {
    /** Residents who have taken part over the last year add to what their station can settle. */
    'issueRouting.stationCompetence': [
      (world: PartyNetworkWorld, c: number) => (world.scenario.partyNetwork as PartyNetworkParams).mobilisation.stationCompetence * (world.state.partyNetwork as PartyNetworkState).engagement[c],
    ],
    /**
     * In a crisis point to area works through people residents trust (paper 003 五(一)2: party
     * members and neighbours bring in the rest): the neighbours' spread in a compound grows with
     * the engagement the network built there (read once, at the onset).
     */
    'gridMobilisation.neighbourRate': [
      (world: PartyNetworkWorld, c: number) => 1 + (world.scenario.partyNetwork as PartyNetworkParams).mobilisation.crisisSpread * (world.state.partyNetwork as PartyNetworkState).engagement[c],
    ],
  },
  metrics: [
    { name: 'partyPrestige', unit: 'hours per adult', description: "The party organisation's prestige, mean over compounds: service residents have seen, per adult, remembered over months", sample: (w) => mean((w.state.partyNetwork as PartyNetworkState).prestige) },
    { name: 'residentsTakingPart', unit: 'share', description: "Share of adults who took part in the network's activities this month, mean over compounds", sample: (w) => mean((w.state.partyNetwork as PartyNetworkState).takingPart) },
  ],
  measures: {
    names: ['party.participation.byYear.<year>', 'party.participation.final', 'party.prestige', 'party.seenShare', 'party.organisers', 'party.doubleReporting', 'party.coBuildingUnits'],
    summarise(w, st) {
      const years = Object.keys(st.participantsByYear).sort();
      const share = (y: string) => st.participantsByYear[y] / Math.max(1, st.adultsTotal);
      const byPart = residentsByPart(w.residents.partyActive);
      const organisers = byPart[ACTIVE.organiser];
      const doubleReporting = byPart[ACTIVE.doubleReporting];
      return {
        party: {
          participation: { byYear: Object.fromEntries(years.map((y) => [y, share(y)])), final: years.length ? share(years[years.length - 1]) : 0 },
          prestige: mean(st.prestige),
          seenShare: st.hoursGiven > 0 ? st.hoursSeen / st.hoursGiven : 0,
          organisers,
          doubleReporting,
          coBuildingUnits: st.coBuildingUnits.reduce((a, b) => a + b, 0),
        },
      };
    },
  },
});
