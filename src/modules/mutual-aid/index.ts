/**
 * Residents' self-governance mutual-aid stations (小区居民自治互助站; paper 002, N street,
 * Zhejiang, 2012–2018): one station per compound, formed over time — the 2012 pilots of the
 * "seven-person self-governance group", the roll-out from the end of 2013, 48 stations by June
 * 2018 — with 7–13 members (head, deputy, secretary, members), residents holding more than half
 * of the seats, meeting monthly.
 *
 * Who sits on a station, and who heads it, is chosen by reputation, never assigned: a resident's
 * reputation weighs the service they have done (hours that accrue at a rate drawn for each
 * resident — higher for volunteers and for party members, who report to the community and are
 * asked to serve (002) — plus the hours of station work while they sit on one), the time they have
 * (retired residents have all of it) and their standing in the compound (tenure, ownership;
 * migrants little). Members are re-elected by the same reputation every term. The heads' party
 * share is an outcome of that selection; no parameter sets it.
 *
 * Residents, their ages, party membership and willingness to volunteer are the community
 * module's; this module adds each resident's service rate, standing and migrant status from its
 * own stream, so adding it changes no other module's draws. They are read only when a station
 * elects (and once by the party network), so they are not kept for every resident: each
 * compound keeps where the stream stood at its first resident, and an election draws its
 * residents' traits again from there — the same numbers (`residentTraits`). What stations settle is the
 * issueRouting module's. The module does not know party network embedding modes, the
 * organisation of party grids (2016), nor inter-station coordination.
 */
import { z } from 'zod';
import { aleaStream, dayOfMonth, defineModule, skip, toEpochDay, writtenAgain, type AleaState, type ModuleProcess, type PopulateContext, type Rng } from '../../engine/index.js';
import { AGE, PARTY, type CommunityWorld } from '../community/index.js';
import { isoDate, nonNegative, p, positiveIntRange, section, sections, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = sections({
  mutualAid: () => section('mutual-aid stations of residents\' self-governance (小区居民自治互助站; paper 002)', {
    rollout: p(
      z.record(z.string(), share)
        .refine((r) => Object.keys(r).length > 0, 'give at least one date')
        .refine((r) => Object.keys(r).every((d) => isoDate.safeParse(d).success), 'each key is a date as YYYY-MM-DD'),
      'the roll-out of stations: the share of compounds with a station by each date (date: share); linear between dates, none before the first; compounds with more prior social capital form theirs first',
      U.share,
    ),
    members: p(positiveIntRange, 'members of a station (head, deputy, secretary, members), drawn uniformly', U.people),
    residentSeatShare: p(share, 'share of seats held by residents of the compound (the rest: property manager, social worker, merchant liaison); at least a majority is always kept', U.share),
    termYears: p(nonNegative.min(0.25), 'years between elections of a station, when members are chosen again by reputation', 'years'),
    serviceHoursPerYear: z.object({
      volunteer: p(nonNegative, 'mean service hours per year of a resident willing to volunteer, with all their time', U.hours),
      partyMember: p(nonNegative, 'mean service hours per year of a party member (double reporting, asked to serve), with all their time', U.hours),
      other: p(nonNegative, 'mean service hours per year of another resident, with all their time', U.hours),
    }).strict().meta({ description: "each resident's service rate is drawn exponential around the mean of their group, times their time available" }),
    stationHoursPerMonth: p(nonNegative, 'service hours a member does in a month of station work (meeting, settling issues)', U.hours),
    workingAgeTime: p(share, 'time available to a working-age resident, relative to a retired one', U.share),
    migrantShare: p(share, 'share of residents who are migrants (not registered here)', U.share),
    migrantStanding: p(share, "highest standing of a migrant (a registered resident's is drawn in 0–1)", U.share),
    reputation: z.object({
      service: p(nonNegative, 'weight of service done (per serviceScaleHours)', U.weight),
      time: p(nonNegative, 'weight of time available (1 for a retired resident)', U.weight),
      standing: p(nonNegative, 'weight of standing in the compound (0–1)', U.weight),
    }).strict().meta({ description: 'weights of a resident\'s reputation' }),
    serviceScaleHours: p(nonNegative.min(1), 'service hours that count as one unit of reputation', U.hours),
    electionNoise: p(nonNegative, 'spread (Gumbel scale) of what an election adds to reputation: acquaintance, chance', U.weight),
    tiesPerMeeting: p(share, "each monthly meeting of a station closes this share of the gap between its compound's social capital (neighbours' ties, 0–1) and 1: residents who bring issues and settle them together come to know each other", U.share),
    crisis: z.object({
      organisesGroupBuys: p(z.boolean(), "in closed management a station with a head is a group-buy organiser ready on the first day (read only where the selfOrganisation module is in the model)"),
      membersTurnOut: p(share, "share of a station's members, not already volunteers, who turn out as volunteers from the first day of closed management, called by their station rather than waiting for the RC (read only where the volunteers module is in the model)", U.share),
    }).strict().meta({ description: 'what a station brings to a lockdown (paper 000\'s provision model), read only in closed management' }),
  }),
});
export type MutualAidParams = z.output<typeof params.mutualAid>;

// ─── state ───
/** A member's role is their place among the station's members (`members`): head, deputy, secretary, then members. */
export const ROLES = ['head', 'deputy', 'secretary'] as const;

export const mutualAidColumns = {
  /**
   * `traits…`: where the traits' stream stood at the compound's first resident (`traitsFrom`), its
   * state (alea's carry and three fractions), and whether the party network had marked its active
   * members when they were drawn (`traitsPartyMarked`, see `residentTraits`). That flag is the same
   * for every compound, but it is seen at populate, not read from the scenario's module list: a
   * model assembled in code (`assemble`) need not list its modules.
   */
  compounds: { traitsFrom: Int32Array, traitsPartyMarked: Uint8Array, traitsC: Float64Array, traitsS0: Float64Array, traitsS1: Float64Array, traitsS2: Float64Array, station: Uint8Array, stationFormedDay: Int32Array, stationSeats: Uint8Array, stationResidentSeats: Uint8Array, stationHead: Int32Array, stationMeetingDay: Uint8Array, stationElectionDay: Int32Array },
};

export interface MutualAidWorld extends CommunityWorld {
  compounds: CommunityWorld['compounds'] & { traitsFrom: Int32Array; traitsPartyMarked: Uint8Array; traitsC: Float64Array; traitsS0: Float64Array; traitsS1: Float64Array; traitsS2: Float64Array; station: Uint8Array; stationFormedDay: Int32Array; stationSeats: Uint8Array; stationResidentSeats: Uint8Array; stationHead: Int32Array; stationMeetingDay: Uint8Array; stationElectionDay: Int32Array };
}

export interface MutualAidState {
  /** Compounds in the order they form stations (most prior social capital first). */
  order: number[];
  formed: number;
  /** Per compound, the first resident and one past the last (residents are laid out by compound). */
  firstResident: number[];
  endResident: number[];
  /** Per compound, its station's members now, in the order of their roles (`ROLES`), and how many of them are migrants. */
  members: number[][];
  migrantMembers: number[];
  /**
   * Per compound, the residents who have sat on its station, in resident order, and their hours
   * of station work (summed in single precision), which count toward their reputation: kept for
   * these few, not as a column of every resident (4 bytes a resident).
   */
  sat: number[][];
  satHours: number[][];
  /** Elections held, and of them how many made a party member head. */
  elections: number;
  partyHeadsElected: number;
}

export const mutualAidOf = (w: { state: Record<string, any> }) => w.state.mutualAid as MutualAidState | undefined;

// ─── population ───
/**
 * Each resident's traits, three draws in resident order (the compound's residents are together):
 * migrant status, standing, and a service rate for those aged 18 and over. Drawn here to keep the
 * stream's sequence, kept only as where it stood at each compound's first resident.
 */
function populate(world: MutualAidWorld, ctx: PopulateContext) {
  const rng = ctx.stream('population.mutualAid');
  const R = world.residents;
  const C = world.compounds;
  const partyActive = (R as { partyActive?: Uint8Array }).partyActive;
  const partyMarked = partyActive !== undefined && partyActive.some((a) => a !== 0) ? 1 : 0;
  let last = -1;
  for (let r = 0; r < R.count; r++) {
    const c = world.households.compound[R.household[r]];
    if (c !== last) {
      const at = rng.state() as AleaState;
      C.traitsFrom[c] = r;
      C.traitsPartyMarked[c] = partyMarked;
      C.traitsC[c] = at.c;
      C.traitsS0[c] = at.s0;
      C.traitsS1[c] = at.s1;
      C.traitsS2[c] = at.s2;
      last = c;
    }
    rng();
    rng();
    rng();
  }
  for (let c = 0; c < C.count; c++) C.stationMeetingDay[c] = 1 + Math.floor(rng() * 28);
}

/** A compound's residents' traits, from `first` on: service rate (hours a year) and standing, in single precision as drawn, and migrant status. */
export interface ResidentTraits {
  first: number;
  serviceRate: Float32Array;
  standing: Float32Array;
  migrant: Uint8Array;
}

/** The traits drawn for compound c's residents (populate), drawn again from where the stream stood at its first resident. */
export function residentTraits(world: MutualAidWorld, c: number): ResidentTraits {
  const s = world.scenario.mutualAid as MutualAidParams;
  const R = world.residents;
  const C = world.compounds;
  const first = C.traitsFrom[c];
  let end = first;
  while (end < R.count && world.households.compound[R.household[end]] === c) end++;
  const t = { first, serviceRate: new Float32Array(end - first), standing: new Float32Array(end - first), migrant: new Uint8Array(end - first) };
  const rng = aleaStream({ c: C.traitsC[c], s0: C.traitsS0[c], s1: C.traitsS1[c], s2: C.traitsS2[c] });
  // With a party network only its active members serve as party members, as it marked them when
  // the traits were drawn: all of them if it came first, none if it came after (a module order
  // the scenario check refuses; a model assembled in code without the check still runs so).
  const marked = C.traitsPartyMarked[c] === 1;
  for (let r = first; r < end; r++) {
    const i = r - first;
    const migrant = rng() < s.migrantShare;
    t.migrant[i] = migrant ? 1 : 0;
    t.standing[i] = rng() * (migrant ? s.migrantStanding : 1);
    const u = rng();
    if (R.age[r] === AGE.child) continue;
    t.serviceRate[i] = serviceRate(world, s, marked, r, u);
  }
  return t;
}

/**
 * The service rates residentTraits gives some of compound c's residents (`which`: residents of
 * compound c, ascending, each once), in single precision as it keeps them (0 for a child): the compound's draws made again
 * only up to the last of them, and a rate worked out only for them. The party network reads its
 * active members' rates once, at the build; drawing every compound's traits for that cost 0.7 s
 * of the build at 10M residents (docs/performance.md, part 16ae).
 */
export function serviceRatesOf(world: MutualAidWorld, c: number, which: readonly number[]): number[] {
  const s = world.scenario.mutualAid as MutualAidParams;
  const R = world.residents;
  const C = world.compounds;
  const rng = aleaStream({ c: C.traitsC[c], s0: C.traitsS0[c], s1: C.traitsS1[c], s2: C.traitsS2[c] });
  const marked = C.traitsPartyMarked[c] === 1;
  const rates = new Array<number>(which.length);
  let r = C.traitsFrom[c];
  for (let k = 0; k < which.length; k++) {
    // A resident already passed, or not of this compound, would silently get another's rate.
    if (which[k] < r || world.households.compound[R.household[which[k]]] !== c) throw new Error(`serviceRatesOf: resident ${which[k]} is not one of compound ${c}'s after ${r - 1} (ascending, each once)`);
    // Three draws a resident (migrant status, standing, service), the third the one wanted.
    skip(rng, 3 * (which[k] - r) + 2);
    r = which[k];
    const u = rng();
    rates[k] = R.age[r] === AGE.child ? 0 : Math.fround(serviceRate(world, s, marked, r, u));
    r++;
  }
  return rates;
}

/** Resident r's service rate (hours a year) from its draw u: exponential around the mean of its group, times the time it has. */
function serviceRate(world: MutualAidWorld, s: MutualAidParams, marked: boolean, r: number, u: number): number {
  const R = world.residents;
  const rates = s.serviceHoursPerYear;
  // With a party network (which comes first) only its active members — retired organisers and
  // double-reporting in-service members — serve as party members; without one, every member does.
  // (`marked`: the network had marked them when the traits were drawn, see traitsPartyMarked.)
  const partyActive = (R as { partyActive?: Uint8Array }).partyActive;
  const partyServes = R.party[r] !== PARTY.none && (partyActive === undefined || (marked && partyActive[r] !== 0));
  const mean = R.volunteer[r] ? rates.volunteer : partyServes ? rates.partyMember : rates.other;
  return -Math.log(1 - u) * mean * timeOf(R.age[r], s);
}

const timeOf = (age: number, s: MutualAidParams) => (age === AGE.elderly ? 1 : s.workingAgeTime);

// ─── behaviour ───
/** Share of compounds that should have a station on a date (linear between roll-out points). */
export function coverageOn(date: string, rollout: MutualAidParams['rollout']): number {
  const points = Object.entries(rollout).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (date < points[0][0]) return 0;
  for (let i = 1; i < points.length; i++) {
    if (date < points[i][0]) {
      const a = toEpochDay(points[i - 1][0]);
      const b = toEpochDay(points[i][0]);
      const t = (toEpochDay(date) - a) / (b - a);
      return points[i - 1][1] + t * (points[i][1] - points[i - 1][1]);
    }
  }
  return points[points.length - 1][1];
}

/** A resident's reputation on a day: service done (drawn rate × years, plus hours of station work), time, standing. */
export function reputation(s: MutualAidParams, age: number, serviceRate: number, standing: number, years: number, stationHours: number): number {
  const service = serviceRate * years + stationHours;
  const w = s.reputation;
  return w.service * (service / s.serviceScaleHours) + w.time * timeOf(age, s) + w.standing * standing;
}

/**
 * Chooses a station's members by reputation plus election noise: the best is head, then deputy,
 * secretary, members. Only the best `seats` are kept as the adults come, in order (a later adult
 * ranks below an equal score, so enters only above a lower one): the same choice as sorting every
 * adult, which made an object per adult and cost about 0.4 µs an adult when the stations formed.
 */
function elect(world: MutualAidWorld, st: MutualAidState, c: number, day: number, rng: Rng) {
  const s = world.scenario.mutualAid as MutualAidParams;
  const R = world.residents;
  const years = day / 365.25;
  const seats = world.compounds.stationResidentSeats[c];
  const bestScore = new Float64Array(seats);
  const best = new Int32Array(seats);
  let chosen = 0;
  const t = residentTraits(world, c);
  const sat = st.sat[c], satHours = st.satHours[c];
  let next = 0; // the first of those who have sat not before r
  for (let r = st.firstResident[c]; r < st.endResident[c]; r++) {
    if (R.age[r] === AGE.child) continue;
    while (next < sat.length && sat[next] < r) next++;
    // Gumbel noise: choosing the best of noisy scores is a multinomial-logit election.
    const gumbel = -Math.log(-Math.log(Math.max(1e-12, Math.min(1 - 1e-12, rng()))));
    const i = r - t.first;
    const score = reputation(s, R.age[r], t.serviceRate[i], t.standing[i], years, sat[next] === r ? satHours[next] : 0) + s.electionNoise * gumbel;
    if (chosen === seats && !(score > bestScore[seats - 1])) continue;
    let k = chosen < seats ? chosen++ : seats - 1;
    for (; k > 0 && score > bestScore[k - 1]; k--) {
      bestScore[k] = bestScore[k - 1];
      best[k] = best[k - 1];
    }
    bestScore[k] = score;
    best[k] = r;
  }
  st.members[c] = Array.from(best.subarray(0, chosen));
  st.migrantMembers[c] = st.members[c].filter((r) => t.migrant[r - t.first] === 1).length;
  for (const r of st.members[c]) {
    let i = 0;
    while (i < sat.length && sat[i] < r) i++;
    if (sat[i] !== r) {
      sat.splice(i, 0, r);
      satHours.splice(i, 0, 0);
    }
  }
  const head = chosen ? best[0] : -1;
  world.compounds.stationHead[c] = head;
  world.compounds.stationElectionDay[c] = day;
  st.elections++;
  if (head >= 0 && R.party[head] !== PARTY.none) st.partyHeadsElected++;
}

const formation: ModuleProcess<MutualAidWorld, MutualAidState> = {
  name: 'stationFormation',
  slot: 'dawn',
  step(world, st, ctx) {
    const s = world.scenario.mutualAid as MutualAidParams;
    const C = world.compounds;
    const target = Math.round(coverageOn(ctx.date, s.rollout) * C.count + 1e-9);
    while (st.formed < Math.min(target, C.count)) {
      const c = st.order[st.formed++];
      C.station[c] = 1;
      C.stationFormedDay[c] = ctx.day;
      const seats = s.members.min + Math.floor(ctx.rng() * (s.members.max - s.members.min + 1));
      C.stationSeats[c] = seats;
      C.stationResidentSeats[c] = Math.max(Math.floor(seats / 2) + 1, Math.round(seats * s.residentSeatShare));
      elect(world, st, c, ctx.day, ctx.rng);
    }
    // Re-elections at the end of each term.
    const term = Math.round(s.termYears * 365.25);
    for (let i = 0; i < st.formed; i++) {
      const c = st.order[i];
      if (ctx.day - C.stationElectionDay[c] >= term) elect(world, st, c, ctx.day, ctx.rng);
    }
  },
};

/**
 * Monthly station work adds to members' service, and so to their reputation at the next election,
 * and to the ties among the compound's neighbours.
 */
const stationWork: ModuleProcess<MutualAidWorld, MutualAidState> = {
  name: 'stationWork',
  slot: 'evening',
  step(world, st, ctx) {
    const C = world.compounds;
    const dom = dayOfMonth(ctx.date);
    const s = world.scenario.mutualAid as MutualAidParams;
    const hours = s.stationHoursPerMonth;
    for (let i = 0; i < st.formed; i++) {
      const c = st.order[i];
      if (C.stationMeetingDay[c] !== dom) continue;
      // The members' hours (their own, not every resident's: a loop over the compound's residents).
      const sat = st.sat[c], satHours = st.satHours[c];
      for (const r of st.members[c]) {
        const k = sat.indexOf(r);
        satHours[k] = Math.fround(satHours[k] + hours);
      }
      // Neighbours who meet and settle their issues together come to know each other: the
      // compound's social capital, which households' ties follow (selfOrganisation's ties.ts).
      C.socialCapital[c] += s.tiesPerMeeting * (1 - C.socialCapital[c]);
    }
  },
};

/**
 * The volunteers a station brings in closed management: its members who are not volunteers
 * already, in the share who turn out. Their station calls them, so they come from the first day of
 * closure, before the RC mobilises volunteers (paper 000's later regime).
 */
function stationVolunteers(world: MutualAidWorld, c: number, when: { closed: boolean }): number {
  if (!when.closed || world.compounds.station[c] !== 1) return 0;
  const share = (world.scenario.mutualAid as MutualAidParams).crisis.membersTurnOut;
  if (share === 0) return 0;
  const st = mutualAidOf(world)!;
  const R = world.residents;
  let n = 0;
  for (const r of st.members[c]) if (!R.volunteer[r]) n++;
  return share * n;
}

/** Heads, members and their party shares, over the stations that exist. */
export function stationCensus(world: MutualAidWorld) {
  const C = world.compounds;
  const R = world.residents;
  let stations = 0, heads = 0, partyHeads = 0, retiredHeads = 0, members = 0, partyMembers = 0, seats = 0, migrantMembers = 0;
  for (let c = 0; c < C.count; c++) {
    if (!C.station[c]) continue;
    stations++;
    seats += C.stationSeats[c];
    const h = C.stationHead[c];
    if (h >= 0) {
      heads++;
      if (R.party[h] !== PARTY.none) partyHeads++;
      if (R.age[h] === AGE.elderly) retiredHeads++;
    }
  }
  const st = mutualAidOf(world);
  if (st) {
    for (const list of st.members) {
      members += list.length;
      for (const r of list) if (R.party[r] !== PARTY.none) partyMembers++;
    }
    for (const n of st.migrantMembers) migrantMembers += n;
  }
  return { stations, heads, partyHeads, retiredHeads, members, partyMembers, seats, migrantMembers };
}

const share0 = (a: number, b: number) => (b > 0 ? a / b : 0);

export const mutualAid = defineModule<MutualAidWorld, MutualAidState>({
  name: 'mutualAid',
  description: "Residents' self-governance mutual-aid stations (paper 002): one per compound, rolled out over time, 7–13 members chosen by reputation (service, time, standing), monthly meetings.",
  requires: ['community'],
  params,
  columns: mutualAidColumns,
  populate,
  init(world) {
    const C = world.compounds;
    const order = Array.from({ length: C.count }, (_, c) => c).sort((a, b) => C.socialCapital[b] - C.socialCapital[a] || a - b);
    const firstResident = new Array<number>(C.count).fill(-1);
    const endResident = new Array<number>(C.count).fill(0);
    const R = world.residents;
    const H = world.households;
    for (let r = 0; r < R.count; r++) {
      const c = H.compound[R.household[r]];
      if (firstResident[c] < 0) firstResident[c] = r;
      endResident[c] = r + 1;
    }
    for (let c = 0; c < C.count; c++) {
      C.stationHead[c] = -1;
      if (firstResident[c] < 0) firstResident[c] = 0;
    }
    const perCompound = () => Array.from({ length: C.count }, () => [] as number[]);
    // Written again (`writtenAgain`): the counts first change days into a run, which threw compiled code away.
    return writtenAgain({ order, formed: 0, firstResident, endResident, members: perCompound(), migrantMembers: new Array<number>(C.count).fill(0), sat: perCompound(), satHours: perCompound(), elections: 0, partyHeadsElected: 0 });
  },
  processes: [formation, stationWork],
  provides: {
    /** A station with its head organises its compound's group buys from the first day of closure. */
    'selfOrganisation.organisers': [
      {
        name: 'mutualAid',
        ready: (w: MutualAidWorld, c: number) => (w.scenario.mutualAid as MutualAidParams).crisis.organisesGroupBuys && w.compounds.station[c] === 1 && w.compounds.stationHead[c] >= 0,
      },
    ],
    /** A station's members join its compound's volunteers in closed management (stationVolunteers). */
    'volunteers.recruits': [{ name: 'mutualAid', recruits: stationVolunteers }],
  },
  metrics: [
    { name: 'stations', unit: 'count', description: 'Mutual-aid stations formed so far', sample: (w) => mutualAidOf(w)!.formed },
  ],
  measures: {
    names: ['stations.count', 'stations.coverage', 'stations.members', 'stations.residentSeatShare', 'stations.headsPartyShare', 'stations.headsRetiredShare', 'stations.membersPartyShare', 'stations.seatsPartyShare', 'stations.membersMigrantShare', 'stations.electionsPartyHeadShare'],
    summarise(w, st) {
      const k = stationCensus(w);
      return {
        stations: {
          count: k.stations,
          coverage: share0(k.stations, w.compounds.count),
          members: k.seats,
          residentSeatShare: share0(k.members, k.seats),
          headsPartyShare: share0(k.partyHeads, k.heads),
          headsRetiredShare: share0(k.retiredHeads, k.heads),
          membersPartyShare: share0(k.partyMembers, k.members),
          // Over every seat, as paper 002 counts (202 of ≈ 502 members): the non-resident seats —
          // property manager, social worker, merchant liaison — are not residents here and count
          // as not party members, so this is a lower bound.
          seatsPartyShare: share0(k.partyMembers, k.seats),
          membersMigrantShare: share0(k.migrantMembers, k.members),
          electionsPartyHeadShare: share0(st.partyHeadsElected, st.elections),
        },
      };
    },
  },
});
