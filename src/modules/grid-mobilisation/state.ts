/**
 * The grid's state: the cadres, the normal-period service queue, the latent self-organisations
 * and their trust in the RC, the directives passing down the layers, and each household's day of
 * mobilisation. Plain data and typed arrays, so a warm start can clone it.
 */
import { toEpochDay } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { GridParams } from './params.js';

export interface GridState {
  /** Cadres by the staffing norm, and cadres sent from outside (e.g. young cadres) until a day. */
  staff: number;
  sent: { cadres: number; untilDay: number }[];
  /** The crisis command's first directive, as a day of the run. */
  onsetDay: number;

  /** Normal-period service: the days requests were made, first come first served. */
  queue: number[];
  queueHead: number;
  tokens: number;
  requests: number;
  served: number;
  daysWaited: number;
  normalDays: number;

  /** Per compound: 1 when it has a latent self-organisation, its trust in the RC, its activation day (−1). */
  latent: Uint8Array;
  trust: Float64Array;
  activeDay: Int32Array;
  meanTrustAtOnset: number;
  latentAtOnset: number;

  /** Directives: issued, distorted at least once, summed delay (days), and the day the first arrived correctly (−1). */
  directives: number;
  distorted: number;
  delaySum: number;
  firstArrival: number;

  /**
   * Per household: day mobilised (−1), in 16 bits (a run of at most 32,767 days: the module's check),
   * whether a member arrived from outside; per building: households mobilised.
   */
  mobilisedDay: Int16Array;
  arrival: Uint8Array;
  mobilisedInBuilding: Int32Array;
  mobilised: number;
  byCadres: number;
  byNeighbours: number;
  bySelfOrganisations: number;
  /**
   * What the normal period left the crisis, read once at the onset from the modules in the model
   * (1 when none provides it): the share of the norm's cadre hours left (governanceLoad), and per
   * compound the factor on the neighbours' spread (partyNetwork's engagement).
   */
  linked: boolean;
  staffShare: number;
  neighbourFactor: Float64Array;
  /** Days from the onset until the recovery share was first reached (−1 until then). */
  recoveryDays: number;
  quarantineEnds: number[];
  /** Cadre hours spent on home quarantines. */
  quarantineHours: number;
  arrivals: number;
  arrivalsScreened: number;
  screeningDays: number;
}

export const gridOf = (w: { state: Record<string, any> }) => w.state.gridMobilisation as GridState;

/** The cadres on duty on a day: the norm's staff and any sent who are still there. */
export const cadresOn = (st: GridState, day: number) => st.staff + st.sent.reduce((n, s) => (s.untilDay > day ? n + s.cadres : n), 0);

export function initGrid(world: CommunityWorld): GridState {
  const s = world.scenario.gridMobilisation as GridParams;
  const C = world.compounds;
  return {
    staff: Math.round((s.staffPer10000Residents * world.residents.count) / 10_000),
    sent: [],
    onsetDay: toEpochDay(s.onset) - toEpochDay(world.scenario.calendar.start),
    queue: [],
    queueHead: 0,
    tokens: 0,
    requests: 0,
    served: 0,
    daysWaited: 0,
    normalDays: 0,
    latent: new Uint8Array(C.count),
    trust: new Float64Array(C.count),
    activeDay: new Int32Array(C.count).fill(-1),
    meanTrustAtOnset: 0,
    latentAtOnset: 0,
    directives: 0,
    distorted: 0,
    delaySum: 0,
    firstArrival: -1,
    mobilisedDay: new Int16Array(world.households.count).fill(-1),
    arrival: new Uint8Array(world.households.count),
    mobilisedInBuilding: new Int32Array(world.buildings.count),
    mobilised: 0,
    byCadres: 0,
    byNeighbours: 0,
    bySelfOrganisations: 0,
    linked: false,
    staffShare: 1,
    neighbourFactor: new Float64Array(C.count).fill(1),
    recoveryDays: -1,
    quarantineEnds: [],
    quarantineHours: 0,
    arrivals: 0,
    arrivalsScreened: 0,
    screeningDays: 0,
  };
}
