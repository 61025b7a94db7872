/**
 * Issues and their routing through three levels (三级三商三流转; paper 002, N street): residents
 * raise issues — disputes, repairs, environment, services — at rates by type. In a compound with
 * a mutual-aid station an issue waits for the station's monthly meeting, where the station
 * settles it by self-discussion (自商) or transfers it to the grid; the grid settles it by joint
 * discussion (联商) or escalates it to the community and the line departments for consultation
 * (协商). A compound without a station sends its issues to the grid directly.
 *
 * Where an issue ends depends on its difficulty and each level's competence, authority and
 * capacity, never on a routing share: a level settles an issue with a chance that falls
 * logistically as the issue's difficulty rises past the level's competence, only if the
 * difficulty is within its authority, and only as far as its capacity that month goes. A
 * station's competence grows as it matures. The community settles what it can between meetings;
 * a quarterly joint meeting of the street, the departments, stations, grid heads and merchants
 * (an event in the scenario) clears every escalated issue still pending.
 *
 * Resolution takes the days the issue waited, and a resident is satisfied with a chance that
 * falls with the wait and is higher when neighbours settled it themselves. The satisfaction of
 * 002 (≈ 95 %) is an outcome to compare with, not an input. The module does not know party grids,
 * inter-station coordination, nor the load pushed down to the community (paper 004).
 */
import { z } from 'zod';
import { dayOfMonth, defineModule, logistic, poisson, type ModuleProcess, type ModuleStepContext, type Rng } from '../../engine/index.js';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';
import type { MutualAidWorld } from '../mutual-aid/index.js';

// ─── parameters ───
export const ISSUE_TYPES = ['dispute', 'repair', 'environment', 'service'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];
const byType = (what: string, unit: string, schema: z.ZodType = nonNegative) =>
  z.object(Object.fromEntries(ISSUE_TYPES.map((t) => [t, p(schema, `${what}: ${t}`, unit)])) as Record<IssueType, z.ZodType<number>>)
    .strict().meta({ description: what });

const level = (name: string) => z.object({
  competence: p(share, `difficulty the ${name} settles half the time (0–1)`, U.share),
  authority: p(share, `highest difficulty within the ${name}'s authority; harder issues it must pass on`, U.share),
  issuesPerMonth: p(nonNegative, `issues the ${name} can take up in a month, per 10,000 residents it serves (stations: of their compound; grid and community: of the street)`, 'issues per month per 10,000 residents'),
}).strict().meta({ description: `the ${name}` });

export const params = sections({
  issueRouting: () => section('issues residents raise and their routing: station, grid, community (三级三商三流转; paper 002)', {
    ratePer1000PerYear: byType('issues raised per 1,000 residents per year, by type', 'per 1,000 residents per year'),
    difficulty: byType('median difficulty of an issue (0–1), by type', U.share, share),
    difficultySpread: p(nonNegative, 'spread of difficulty around its median (standard deviation on the logit scale)', U.weight),
    softness: p(nonNegative.min(0.001), 'how gradually a level\'s chance of settling falls as difficulty passes its competence (logistic scale)', U.share),
    station: level('station (at its monthly meeting)').extend({
      maturityMonths: p(nonNegative.min(0.1), 'months for a new station to reach about two thirds (1 − 1/e) of its competence', 'months'),
    }),
    grid: level('grid (网格)'),
    community: level('community and line departments, between joint meetings'),
    satisfaction: z.object({
      base: p(z.number(), 'log-odds that a resident is satisfied with an issue settled at once', U.weight),
      selfSettled: p(z.number(), 'log-odds added when neighbours settled it at their station', U.weight),
      perMonthWaited: p(nonNegative, 'log-odds lost per month the issue waited', U.weight),
      patienceDays: p(nonNegative, 'days after which a resident whose issue is still open is dissatisfied, whatever comes later (issues open at the end of the run and younger than this are left out)', U.days),
    }).strict().meta({ description: 'satisfaction with a resolved issue' }),
  }),
});
export type IssueRoutingParams = z.output<typeof params.issueRouting>;

// ─── state ───
/** One issue: raised on a day in a compound, of a type and difficulty; whether it came through a station. */
export interface Issue {
  raised: number;
  compound: number;
  type: number;
  difficulty: number;
  viaStation: boolean;
  /** Calendar year raised: satisfaction is counted by it, so a year's backlog weighs on that year. */
  year: string;
}

/**
 * Tallies of one calendar year: routing by the year an issue's level was decided; raised,
 * resolved, satisfied and days waited by the year it was raised (issues still pending at the end
 * of the run are left out of satisfaction: their outcome is not known).
 */
export interface YearTally {
  station: number;
  grid: number;
  escalated: number;
  /** Issues of compounds without a station, sent to the grid directly. */
  noStation: number;
  raised: number;
  resolved: number;
  satisfied: number;
  daysWaited: number;
}

export interface IssueState {
  stationQueue: Issue[][];
  /** The street's grid: one queue, first come first served, and its capacity left. */
  gridQueue: Issue[];
  gridTokens: number;
  communityQueue: Issue[];
  communityTokens: number;
  /** Residents per compound, for rates and capacities. */
  residents: number[];
  residentsTotal: number;
  byYear: Record<string, YearTally>;
  days: { station: number[]; grid: number[]; escalated: number[] };
  jointMeetings: number;
}
const own = (w: { state: Record<string, any> }) => w.state.issueRouting as IssueState;
const tally = (st: IssueState, date: string): YearTally =>
  (st.byYear[date.slice(0, 4)] ??= { station: 0, grid: 0, escalated: 0, noStation: 0, raised: 0, resolved: 0, satisfied: 0, daysWaited: 0 });

// ─── behaviour ───

function normal(rng: Rng): number {
  const u = Math.max(1e-12, rng());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Chance that a level with this competence and authority settles an issue of this difficulty. */
export function settleChance(difficulty: number, competence: number, authority: number, softness: number): number {
  return difficulty > authority ? 0 : logistic((competence - difficulty) / softness);
}

type Level = IssueRoutingParams['grid'];

/** Whether a level settles an issue it takes up (one draw). */
const settles = (level: Level, issue: Issue, softness: number, rng: Rng) => rng() < settleChance(issue.difficulty, level.competence, level.authority, softness);

/** A level's capacity left: a day's share of its monthly capacity added, never more than a month's worth banked. */
function accrue(left: number, level: Level, residents: number): number {
  const monthly = (level.issuesPerMonth * residents) / 10_000;
  return Math.min(left + monthly / 30.4, Math.max(1, monthly));
}

/**
 * Share of the grid's and community's capacity their staff have time for: 1 unless another
 * module says the community workers' hours go elsewhere (governanceLoad: administrative tasks).
 */
function staffTime(world: MutualAidWorld, ctx: ModuleStepContext): number {
  let f = 1;
  for (const share of ctx.provided<(w: MutualAidWorld) => number>('issueRouting.staffTime')) f *= share(world);
  return f;
}

function resolve(world: MutualAidWorld, st: IssueState, issue: Issue, day: number, date: string, where: 'station' | 'grid' | 'escalated', rng: Rng) {
  const s = world.scenario.issueRouting as IssueRoutingParams;
  const waited = day - issue.raised;
  // Satisfaction and waits count by the year raised: a year whose issues waited long shows it.
  const t = tally(st, issue.year);
  t.resolved++;
  t.daysWaited += waited;
  st.days[where].push(waited);
  const logit = waited > s.satisfaction.patienceDays ? -Infinity : s.satisfaction.base + (where === 'station' ? s.satisfaction.selfSettled : 0) - (s.satisfaction.perMonthWaited * waited) / 30.4;
  if (rng() < logistic(logit)) {
    t.satisfied++;
    world.today.issuesSatisfied++;
  }
  world.today.issuesResolved++;
}

function escalate(world: MutualAidWorld, st: IssueState, issue: Issue, date: string) {
  st.communityQueue.push(issue);
  if (issue.viaStation) tally(st, date).escalated++;
  world.today.issuesEscalated++;
}

const raise: ModuleProcess<MutualAidWorld, IssueState> = {
  name: 'issuesRaised',
  slot: 'morning',
  step(world, st, ctx) {
    const s = world.scenario.issueRouting as IssueRoutingParams;
    const C = world.compounds;
    const t = tally(st, ctx.date);
    for (let c = 0; c < C.count; c++) {
      for (let k = 0; k < ISSUE_TYPES.length; k++) {
        const type = ISSUE_TYPES[k];
        const n = poisson(ctx.rng, (s.ratePer1000PerYear[type] * st.residents[c]) / 1000 / 365);
        for (let i = 0; i < n; i++) {
          const median = Math.min(1 - 1e-6, Math.max(1e-6, s.difficulty[type]));
          const difficulty = logistic(Math.log(median / (1 - median)) + s.difficultySpread * normal(ctx.rng));
          const viaStation = C.station?.[c] === 1;
          const issue: Issue = { raised: ctx.day, compound: c, type: k, difficulty, viaStation, year: ctx.date.slice(0, 4) };
          t.raised++;
          world.today.issuesRaised++;
          if (viaStation) st.stationQueue[c].push(issue);
          else {
            t.noStation++;
            st.gridQueue.push(issue);
          }
        }
      }
    }
  },
};

/** Each station's monthly meeting: self-discussion of the month's issues, as far as competence, authority and capacity go. */
const stationMeeting: ModuleProcess<MutualAidWorld, IssueState> = {
  name: 'stationMeeting',
  slot: 'afternoon',
  step(world, st, ctx) {
    const s = world.scenario.issueRouting as IssueRoutingParams;
    const C = world.compounds;
    if (!C.station) return;
    const dom = dayOfMonth(ctx.date);
    for (let c = 0; c < C.count; c++) {
      if (!C.station[c] || C.stationMeetingDay[c] !== dom || st.stationQueue[c].length === 0) continue;
      const months = (ctx.day - C.stationFormedDay[c]) / 30.4;
      // Other modules may add competence (residents the party network mobilised: partyNetwork).
      let competence = s.station.competence * (1 - Math.exp(-months / s.station.maturityMonths));
      for (const add of ctx.provided<(w: MutualAidWorld, c: number) => number>('issueRouting.stationCompetence')) competence += add(world, c);
      let capacity = (s.station.issuesPerMonth * st.residents[c]) / 10_000;
      const t = tally(st, ctx.date);
      for (const issue of st.stationQueue[c]) {
        const settled = capacity >= 1 && ctx.rng() < settleChance(issue.difficulty, competence, s.station.authority, s.softness);
        if (settled) {
          capacity -= 1;
          t.station++;
          world.today.issuesSettledByStations++;
          resolve(world, st, issue, ctx.day, ctx.date, 'station', ctx.rng);
        } else {
          st.gridQueue.push(issue);
          world.today.issuesTransferred++;
        }
      }
      st.stationQueue[c] = [];
    }
  },
};

/**
 * The grid takes up issues first come, first served, as its monthly capacity accrues; what it
 * cannot settle it escalates. Grid staff belong to the street, so capacity is pooled over the
 * compounds: what stations settle frees the grid for compounds that have none yet.
 */
const gridWork: ModuleProcess<MutualAidWorld, IssueState> = {
  name: 'gridWork',
  slot: 'afternoon',
  order: 10,
  step(world, st, ctx) {
    const s = world.scenario.issueRouting as IssueRoutingParams;
    st.gridTokens = accrue(st.gridTokens, s.grid, st.residentsTotal * staffTime(world, ctx));
    const q = st.gridQueue;
    let taken = 0;
    while (taken < q.length && st.gridTokens >= 1) {
      const issue = q[taken++];
      st.gridTokens -= 1;
      if (settles(s.grid, issue, s.softness, ctx.rng)) {
        if (issue.viaStation) tally(st, ctx.date).grid++;
        world.today.issuesSettledByGrid++;
        resolve(world, st, issue, ctx.day, ctx.date, 'grid', ctx.rng);
      } else escalate(world, st, issue, ctx.date);
    }
    if (taken > 0) q.splice(0, taken);
  },
};

/** The community and departments settle escalated issues between joint meetings as far as they can. */
const communityWork: ModuleProcess<MutualAidWorld, IssueState> = {
  name: 'communityWork',
  slot: 'afternoon',
  order: 20,
  step(world, st, ctx) {
    const s = world.scenario.issueRouting as IssueRoutingParams;
    st.communityTokens = accrue(st.communityTokens, s.community, st.residentsTotal * staffTime(world, ctx));
    const keep: Issue[] = [];
    for (const issue of st.communityQueue) {
      if (st.communityTokens >= 1) {
        st.communityTokens -= 1;
        if (settles(s.community, issue, s.softness, ctx.rng)) {
          resolve(world, st, issue, ctx.day, ctx.date, 'escalated', ctx.rng);
          continue;
        }
      }
      keep.push(issue);
    }
    st.communityQueue = keep;
  },
};

export const issueRouting = defineModule<MutualAidWorld, IssueState>({
  name: 'issueRouting',
  description: 'Issues residents raise and their routing (paper 002, 三级三商三流转): settled by the station, transferred to the grid, or escalated to the community and departments, by difficulty, competence, authority and capacity; quarterly joint meetings clear what is escalated.',
  requires: ['community'],
  params,
  check(s) {
    return s.modules.includes('satisfaction')
      ? [{ path: ['modules'], message: 'issueRouting and satisfaction both write satisfaction.final: use one of them' }]
      : [];
  },
  init(world) {
    const C = world.compounds;
    const residents = new Array<number>(C.count).fill(0);
    for (let r = 0; r < world.residents.count; r++) residents[world.households.compound[world.residents.household[r]]]++;
    return {
      stationQueue: Array.from({ length: C.count }, () => []),
      gridQueue: [],
      gridTokens: 0,
      communityQueue: [],
      communityTokens: 0,
      residents,
      residentsTotal: residents.reduce((a, b) => a + b, 0),
      byYear: {},
      days: { station: [], grid: [], escalated: [] },
      jointMeetings: 0,
    };
  },
  processes: [raise, stationMeeting, gridWork, communityWork],
  counters: [
    { name: 'issuesRaised', unit: 'issues', description: 'Issues residents raised' },
    { name: 'issuesSettledByStations', unit: 'issues', description: 'Issues settled by a mutual-aid station (self-discussion)' },
    { name: 'issuesTransferred', unit: 'issues', description: 'Issues a station transferred to the grid' },
    { name: 'issuesSettledByGrid', unit: 'issues', description: 'Issues the grid settled (joint discussion)' },
    { name: 'issuesEscalated', unit: 'issues', description: 'Issues escalated to the community and line departments (consultation)' },
    { name: 'issuesResolved', unit: 'issues', description: 'Issues resolved at any level' },
    { name: 'issuesSatisfied', unit: 'issues', description: 'Resolved issues whose resident was satisfied' },
  ],
  metrics: [
    {
      name: 'issuesPending',
      unit: 'issues',
      description: 'Issues raised and not yet resolved, at any level',
      sample: (w) => {
        const st = own(w);
        let n = st.communityQueue.length;
        for (const q of st.stationQueue) n += q.length;
        n += st.gridQueue.length;
        return n;
      },
    },
  ],
  interventions: [
    {
      name: 'jointMeeting',
      description: 'a joint meeting of the street, line departments, stations, grid heads and merchants: every escalated issue still pending is settled',
      args: z.object({}),
      apply(world, st, _event, ctx) {
        st.jointMeetings++;
        for (const issue of st.communityQueue) resolve(world, st, issue, ctx.day, ctx.date, 'escalated', ctx.stream('issueRouting.jointMeeting'));
        st.communityQueue = [];
      },
    },
  ],
  measures: {
    names: [
      'routing.byYear.<year>.station', 'routing.byYear.<year>.grid', 'routing.byYear.<year>.escalated', 'routing.byYear.<year>.issues', 'routing.byYear.<year>.noStation',
      'routing.station', 'routing.grid', 'routing.escalated', 'routing.issues',
      'satisfaction.byYear.<year>', 'satisfaction.final',
      'issues.raised', 'issues.resolved', 'issues.pending', 'issues.meanDaysWaited.station', 'issues.meanDaysWaited.grid', 'issues.meanDaysWaited.escalated', 'issues.jointMeetings',
    ],
    summarise(w, st, run) {
      const years = Object.keys(st.byYear).sort();
      // Issues still open at the end that have outlasted residents' patience count as dissatisfied.
      const lastDay = run.calendar.days - 1;
      const patience = (w.scenario.issueRouting as IssueRoutingParams).satisfaction.patienceDays;
      const overdue: Record<string, number> = {};
      for (const q of [...st.stationQueue, st.gridQueue, st.communityQueue]) {
        for (const issue of q) if (lastDay - issue.raised > patience) overdue[issue.year] = (overdue[issue.year] ?? 0) + 1;
      }
      const sat = (y: string) => {
        const n = st.byYear[y].resolved + (overdue[y] ?? 0);
        return n ? st.byYear[y].satisfied / n : 0;
      };
      const shares = (t: { station: number; grid: number; escalated: number }) => {
        const n = t.station + t.grid + t.escalated;
        return { station: n ? t.station / n : 0, grid: n ? t.grid / n : 0, escalated: n ? t.escalated / n : 0, issues: n };
      };
      const all = { station: 0, grid: 0, escalated: 0 };
      let raised = 0, resolved = 0;
      for (const y of years) {
        all.station += st.byYear[y].station;
        all.grid += st.byYear[y].grid;
        all.escalated += st.byYear[y].escalated;
        raised += st.byYear[y].raised;
        resolved += st.byYear[y].resolved;
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
      const last = years[years.length - 1];
      return {
        routing: {
          byYear: Object.fromEntries(years.map((y) => [y, { ...shares(st.byYear[y]), noStation: st.byYear[y].noStation }])),
          ...shares(all),
        },
        satisfaction: {
          byYear: Object.fromEntries(years.map((y) => [y, sat(y)])),
          final: last ? sat(last) : 0,
        },
        issues: {
          raised,
          resolved,
          pending: raised - resolved,
          meanDaysWaited: { station: mean(st.days.station), grid: mean(st.days.grid), escalated: mean(st.days.escalated) },
          jointMeetings: st.jointMeetings,
        },
      };
    },
  },
});
