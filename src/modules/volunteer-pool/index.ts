/**
 * A managed volunteer pool (志愿者为辅助; papers 001, 002): residents join over time — retired
 * residents and party members above all (002) — more readily the more they trust the community's
 * actors; each new member is trained or not; members leave with a daily hazard that training,
 * leadership by a social worker and recognition each lower (001: untrained, unled volunteers
 * leave fast). In normal times members give a few hours a week to care visits. In a crisis they
 * give hours a day: first to work they can take off the residents' committee (gate duty,
 * registration), then carrying goods from the gate to the door and taking orders at the door,
 * then care calls. Front-line work needs a protective kit a day: government issues some, charity
 * money buys the rest; members without one make care calls only. The simple `volunteers` module of the Q model is left as it is.
 */
import { z } from 'zod';
import { bernoulli, defineModule, failuresBefore, sum, type ModuleProcess, type Rng } from '../../engine/index.js';
import { AGE, PARTY } from '../community/index.js';
import { CARE_ACTORS, careOf, joinedOngoing, leftOngoing, VOLUNTEER_LEADERS, type CareActor, type CareWorld, type ParticipationCounts, type VolunteerLeader } from '../community-care/index.js';
import { CLOSED_PHASES, type PhaseName } from '../lockdown/index.js';
import { CARRIERS, DOOR_VISITORS } from '../provision/index.js';
import { compoundHoursCarrier, compoundHoursVisitor } from '../volunteers/index.js';
import type { RcState } from '../residents-committee/index.js';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = sections({
  volunteerPool: () => section('a managed volunteer pool recruited from residents (papers 001, 002)', {
    joinPerYear: z
      .object({
        retired: p(nonNegative, 'chance per year that a resident aged 60+ joins, at full trust', U.perYear),
        partyMember: p(nonNegative, 'chance per year that a working-age party member joins, at full trust', U.perYear),
        other: p(nonNegative, 'chance per year that another working-age resident joins, at full trust', U.perYear),
      })
      .strict()
      .meta({ description: "recruitment; each chance is multiplied by the household's trust" }),
    trainedShare: p(share, 'share of new members who are trained', U.share),
    recognition: p(z.boolean(), 'members are recognised (awards, service hours counted)'),
    attrition: z
      .object({
        basePerYear: p(nonNegative, 'chance per year an untrained, unled, unrecognised member leaves', U.perYear),
        trainedCut: p(share, 'share by which training lowers it', U.share),
        ledCut: p(share, 'share by which leadership by a social worker lowers it', U.share),
        recognitionCut: p(share, 'share by which recognition lowers it', U.share),
      })
      .strict()
      .meta({ description: 'leaving the pool' }),
    hoursPerWeekNormal: p(nonNegative, 'hours each member gives per week in normal times', U.hours),
    hoursPerDayCrisis: p(nonNegative, 'hours each member gives per day in a crisis', U.hoursPerDay),
    rcWorkShare: p(share, "share of the RC's administrative work (gate duty, registration) volunteers can take", U.share),
    doorVisitHoursPerMember: p(nonNegative, 'evening hours each member keeps for taking orders at the door in closed management', U.hours),
    kitsPerFrontLineDay: p(nonNegative, 'protective kits (masks, gloves, disinfectant) a member uses per crisis day on front-line work (RC duties, carrying, doors); 0: none needed', U.count),
    governmentKitsPerDay: p(nonNegative, 'protective kits government issues to the pool per crisis day; the rest are bought with charity money', U.count),
  }),
});

// ─── state ───
export const poolColumns = { poolMember: Uint8Array, poolTrained: Uint8Array };
interface PoolWorld extends CareWorld {
  residents: CareWorld['residents'] & { poolMember: Uint8Array; poolTrained: Uint8Array };
}
export interface PoolState {
  members: number;
  /** Members per compound (kept as members join and leave), and crisis hours per compound left today. */
  perCompound: Int32Array;
  hours: Float64Array;
  /** Evening door-visit hours per compound. */
  doorHours: Float64Array;
  /** Crisis hours of members without a protective kit: care calls only. */
  callHours: number;
  ledShare: number;
  joined: number;
  left: number;
  /** Member-days, for attrition per member-year. */
  memberDays: number;
  /** Compounds before this one have no crisis hours left today (reset each morning; see spend). */
  spentBefore: number;
}
const own = (w: { state: Record<string, any> }) => w.state.volunteerPool as PoolState;

// ─── behaviour ───
// Read once: an imported binding read in a hot loop can cost a getter call per read under some loaders.
const CHILD = AGE.child;
const ELDERLY = AGE.elderly;
const NOT_PARTY = PARTY.none;

export interface Rates { leaveUntrained: number; leaveTrained: number; joinRetired: number; joinParty: number; joinOther: number; trainedShare: number }
const TALLY = new Int32Array(2);

/**
 * The day's joining and leaving: each adult resident has the day's chance — a member to leave
 * (its hazard), another to join (its chance × the household's trust), the new trained or not —
 * and a child none. Drawing for every resident would take a number each, though a few in a
 * thousand change a day; instead the walk thins a faster process: it skips from resident to
 * resident with the largest of the chances (geometric gaps, `failuresBefore`) and accepts the
 * one it lands on with its own chance ÷ the largest. Each resident is then picked independently
 * with its own chance, the law of a draw per resident, in about as many draws as the largest
 * chance × residents. Trust is a share (0–1), so no chance exceeds the largest rate. A member
 * counts for its compound and its household takes part from the day it joins until its last member
 * leaves (participation.ts). A function of its own, on columns and numbers: inside step, with the
 * world's objects read after the loop, V8 dropped the loop's optimised code several times a run.
 * Returns [joined, left] (reused).
 */
export function turnover(R: PoolWorld['residents'], hh: PoolWorld['households'], perCompound: Int32Array, taking: ParticipationCounts, rng: Rng, day: number, k: Rates): Int32Array {
  // Columns hoisted into locals.
  const { count, age: ages, household, poolMember, poolTrained, party } = R;
  const { trust, compound } = hh;
  const { leaveUntrained, leaveTrained, joinRetired, joinParty, joinOther, trainedShare } = k;
  const top = Math.min(1, Math.max(leaveUntrained, leaveTrained, joinRetired, joinParty, joinOther));
  const logMiss = Math.log1p(-top);
  let joined = 0;
  let left = 0;
  for (let r = failuresBefore(rng, logMiss); r < count; r += 1 + failuresBefore(rng, logMiss)) {
    const age = ages[r];
    if (age === CHILD) continue;
    const h = household[r];
    if (poolMember[r]) {
      if (!(rng() * top < (poolTrained[r] ? leaveTrained : leaveUntrained))) continue;
      poolMember[r] = 0;
      left++;
      perCompound[compound[h]]--;
      leftOngoing(hh, taking, h, day);
    } else {
      const rate = age === ELDERLY ? joinRetired : party[r] !== NOT_PARTY ? joinParty : joinOther;
      if (!(rng() * top < rate * trust[h])) continue;
      poolMember[r] = 1;
      poolTrained[r] = bernoulli(rng, trainedShare) ? 1 : 0;
      joined++;
      perCompound[compound[h]]++;
      joinedOngoing(hh, taking, h);
    }
  }
  TALLY[0] = joined;
  TALLY[1] = left;
  return TALLY;
}

const pool: ModuleProcess<PoolWorld, PoolState> = {
  name: 'volunteerPool',
  slot: 'morning',
  order: 10,
  step(world, st, ctx) {
    const s = world.scenario.volunteerPool;
    const R = world.residents;
    const hh = world.households;
    const leaders = ctx.provided<VolunteerLeader<PoolWorld>>(VOLUNTEER_LEADERS);
    let led = 0;
    for (const l of leaders) led += l.lead(world, st.members - led);
    st.ledShare = st.members > 0 ? led / st.members : 0;
    const base = s.attrition.basePerYear / 365;
    const a = s.attrition;
    const leaveUntrained = base * (1 - a.ledCut * st.ledShare) * (s.recognition ? 1 - a.recognitionCut : 1);
    const leaveTrained = leaveUntrained * (1 - a.trainedCut);
    const join = s.joinPerYear;
    st.spentBefore = 0;
    const tally = turnover(R, hh, st.perCompound, careOf(world).participation, ctx.rng, ctx.day, {
      leaveUntrained, leaveTrained, joinRetired: join.retired / 365, joinParty: join.partyMember / 365, joinOther: join.other / 365, trainedShare: s.trainedShare,
    });
    const joined = tally[0];
    const left = tally[1];
    st.members += joined - left;
    st.joined += joined;
    st.left += left;
    world.today.poolJoined += joined;
    world.today.poolLeft += left;
    st.memberDays += st.members;

    // Hours: a few a week normally, hours a day in a crisis as the actors mobilise.
    const care = careOf(world);
    const perMember = care.crisis ? s.hoursPerDayCrisis * care.mobilisation : s.hoursPerWeekNormal / 7;
    const closed = CLOSED_PHASES.includes(ctx.phase as PhaseName);
    // In a crisis, front-line work (RC duties, carrying, doors) needs a protective kit a day:
    // government issues some, the rest come from the care stock (bought by the charity module).
    let front = 1;
    st.callHours = 0;
    if (care.crisis && s.kitsPerFrontLineDay > 0 && st.members > 0) {
      const wanted = st.members * s.kitsPerFrontLineDay;
      const fromStock = Math.min(care.kits, Math.max(0, wanted - s.governmentKitsPerDay));
      care.kits -= fromStock;
      care.kitsUsed += fromStock;
      const kitted = Math.min(st.members, Math.floor((s.governmentKitsPerDay + fromStock) / s.kitsPerFrontLineDay + 1e-9));
      front = kitted / st.members;
      care.kitsWanted = Math.max(0, wanted - s.governmentKitsPerDay - care.kits);
      world.today.poolWithoutKit = st.members - kitted;
    } else {
      care.kitsWanted = 0;
    }
    for (let c = 0; c < st.hours.length; c++) {
      const all = st.perCompound[c] * perMember;
      st.hours[c] = all * front;
      st.callHours += all - st.hours[c];
      st.doorHours[c] = closed && care.crisis ? Math.min(st.hours[c], st.perCompound[c] * front * s.doorVisitHoursPerMember * care.mobilisation) : 0;
      st.hours[c] -= st.doorHours[c];
    }
    const total = sum(st.hours) + sum(st.doorHours) + st.callHours;
    world.today.poolHours = total;
    world.today.mobilisedHours += total;
    if (!care.crisis) return;
    // Take what work of the RC's administration volunteers can (gate duty, registration).
    const rc = world.state.residentsCommittee as RcState;
    const takeable = world.today.adminHours * s.rcWorkShare;
    const available = sum(st.hours);
    const taken = Math.min(takeable, available);
    if (taken <= 0) return;
    for (let c = 0; c < st.hours.length; c++) st.hours[c] -= available > 0 ? (taken * st.hours[c]) / available : 0;
    rc.hoursFree = Math.min(rc.hoursAvailable, rc.hoursFree + taken);
    world.today.adminHours -= taken;
    world.today.staffHoursDemanded -= taken;
    world.today.poolRcHoursTaken = taken;
  },
};

// Ahead of party members (10) and the Q model's volunteers (20): managed volunteers take the
// carrying first and relieve the party members, who cover what is left.
const carrier = compoundHoursCarrier<PoolWorld>('volunteerPool', 5, (w) => own(w).hours, 'deliveredByPool');
const visitor = compoundHoursVisitor<PoolWorld>('volunteerPool', 5, (w) => own(w).doorHours);

const actor: CareActor<PoolWorld> = {
  name: 'volunteerPool',
  professional: false,
  project: false,
  hours: (w) => sum(own(w).hours) + own(w).callHours,
  spend(w, hours) {
    const st = own(w);
    const calls = Math.min(st.callHours, hours);
    st.callHours -= calls;
    const h = st.hours;
    let left = hours - calls;
    // Compounds in order, from the first with hours left: those before it are spent (exactly 0,
    // and hours only fall until the next morning), so starting there takes the same hours. The
    // care round spends a few hours at a time, thousands of times a day.
    let c = st.spentBefore;
    while (c < h.length && h[c] === 0) c++;
    st.spentBefore = c;
    for (; c < h.length && left > 0; c++) {
      const take = Math.min(h[c], left);
      h[c] -= take;
      left -= take;
    }
  },
};

export const volunteerPool = defineModule<PoolWorld, PoolState>({
  name: 'volunteerPool',
  description: 'A managed volunteer pool (papers 001, 002): recruitment from retired residents and party members, training, leadership, recognition and attrition; crisis hours relieve the RC, carry, take orders and make care calls.',
  requires: ['communityCare', 'residentsCommittee', 'provision'],
  params,
  columns: { residents: poolColumns },
  init: (w) => ({
    members: 0, perCompound: new Int32Array(w.compounds.count), hours: new Float64Array(w.compounds.count), doorHours: new Float64Array(w.compounds.count), callHours: 0,
    ledShare: 0, joined: 0, left: 0, memberDays: 0, spentBefore: 0,
  }),
  processes: [pool],
  provides: { [CARRIERS]: [carrier], [DOOR_VISITORS]: [visitor], [CARE_ACTORS]: [actor] },
  counters: [
    { name: 'poolJoined', unit: 'people', description: 'Residents who joined the volunteer pool today' },
    { name: 'poolLeft', unit: 'people', description: 'Members who left the volunteer pool today' },
    { name: 'poolHours', unit: 'hours', description: 'Hours the pool gave today' },
    { name: 'poolWithoutKit', unit: 'people', description: 'Pool members kept off front-line work today for want of a protective kit (care calls only)' },
    { name: 'poolRcHoursTaken', unit: 'hours', description: "RC administrative hours volunteers took over today (gate duty, registration)" },
    { name: 'deliveredByPool', unit: 'orders', description: 'Deliveries carried by pool volunteers' },
  ],
  metrics: [
    { name: 'poolSize', unit: 'people', description: 'Members of the volunteer pool', sample: (w) => own(w).members },
    { name: 'poolLedShare', unit: 'share', description: 'Share of pool members led by a social worker', sample: (w) => own(w).ledShare },
  ],
  measures: {
    names: ['volunteerPool.finalSize', 'volunteerPool.peakSize', 'volunteerPool.joined', 'volunteerPool.left', 'volunteerPool.attritionPerMemberYear', 'volunteerPool.rcHoursTaken', 'deliveries.byPool'],
    summarise: (_w, st, { columns }) => ({
      volunteerPool: {
        finalSize: st.members,
        peakSize: Math.max(0, ...Array.from(columns.poolSize)),
        joined: st.joined,
        left: st.left,
        attritionPerMemberYear: st.memberDays > 0 ? (st.left / st.memberDays) * 365 : 0,
        rcHoursTaken: sum(columns.poolRcHoursTaken),
      },
      deliveries: { byPool: sum(columns.deliveredByPool) },
    }),
  },
});
