/** The afternoon care round: the task board, coordinated or independent visits, packages, information, demands and trust. */
import { failuresBefore, type ModuleProcess, type Rng } from '../../engine/index.js';
import { lowOnBasics, packagesToCover, takeInPackages, type Basket } from '../households/index.js';
import { own, type CareState, type CareWorld } from './state.js';
import { CARE_ACTORS, CARE_COORDINATORS, type CareActor, type CareCoordinator } from './contributions.js';
import { recordVisit } from './care-met.js';

export const careRound: ModuleProcess<CareWorld, CareState> = {
  name: 'careRound',
  slot: 'afternoon',
  order: 20,
  step(world, state, ctx) {
    const s = world.scenario.care;
    const hh = world.households;
    const t = world.today;
    const { count, informedDay } = hh;
    // The stock is read every day, before whether the community is shut: V8 compiles the round
    // long before the first closed day, and a read it has never seen run would throw the compiled
    // code away on that day.
    const stocked = state.packages > 0 && state.shut;
    const vulnerable = state.vulnerableHouseholds;
    if (board.length < vulnerable.length) {
      board = new Int32Array(vulnerable.length);
      order = new Int32Array(vulnerable.length);
    }
    const reorderBelowDays = world.scenario.needs.reorderBelowDays;
    const nTasks = taskBoard(vulnerable, hh.careDue, informedDay, ctx.day, stocked, reorderBelowDays, hh.members, hh.vegetableStock, hh.porkStock, board);
    const tasks = board.subarray(0, nTasks);
    const actors = ctx.provided<CareActor<CareWorld>>(CARE_ACTORS);
    // Per actor, in typed arrays: an Array's elements changed kind from day to day (small
    // integers one day, doubles the next), and each change threw the step's compiled code away.
    const visitsOf = new Float64Array(actors.length);
    let totalVisits = 0;
    for (let a = 0; a < actors.length; a++) {
      visitsOf[a] = Math.floor(Math.max(0, actors[a].hours(world, ctx)) / s.visitHours);
      totalVisits += visitsOf[a];
    }
    let assignable = 0;
    for (const c of ctx.provided<CareCoordinator<CareWorld>>(CARE_COORDINATORS)) assignable += c.assignments(world, ctx);
    const coordination = totalVisits > 0 ? Math.min(1, assignable / totalVisits) : 0;
    t.coordinationShare = coordination;
    t.careTasks = tasks.length;

    const visited = new Uint8Array(tasks.length);
    // The crisis interval only in a crisis: a warm start branches variants that differ in it at
    // the shock, so nothing may read it before (src/experiment/warm-start.ts).
    const interval = state.crisis ? s.visitIntervalDays.crisis : s.visitIntervalDays.normal;
    const visit = (i: number, actor: number) => {
      const h = tasks[i];
      const spent = s.visitHours;
      actors[actor].spend(world, spent);
      t.careVisits++;
      t.careHours += spent;
      if (actors[actor].professional) t.professionalCareHours += spent;
      if (actors[actor].project) t.projectCareHours += spent;
      if (visited[i]) { t.duplicatedVisits++; return; }
      visited[i] = 1;
      t.careTasksCovered++;
      hh.careDue[h] = ctx.day + interval;
      // Its group: VULNERABLE codes 1–3 are VULNERABLE_GROUPS 0–2.
      recordVisit(state.visits, hh.vulnerable[h] - 1, hh.lastVisit[h], ctx.day);
      hh.lastVisit[h] = ctx.day;
      if (hh.informedDay[h] < 0 && state.crisis) { hh.informedDay[h] = ctx.day; state.uninformed--; t.informedByVisit++; }
      // Packages run out during the round: the stock is read again at each visit.
      if (state.packages > 0 && state.shut && lowOnBasics(reorderBelowDays, hh.members, hh.vegetableStock, hh.porkStock, h) === 1) {
        const { vegetable, pork } = packagesToCover(world.scenario, hh, h, basket);
        const n = Math.min(state.packages, vegetable + pork);
        const veg = Math.min(vegetable, n);
        takeInPackages(world, h, veg, n - veg, 0, 0, 1, hh.lastVariety[h]);
        state.packages -= n;
        state.packagesDelivered += n;
        t.carePackagesDelivered += n;
      }
    };
    // Uncoordinated visits first: each actor picks distinct tasks of its own at random.
    const planned = new Float64Array(actors.length);
    for (let a = 0; a < actors.length; a++) planned[a] = visitsOf[a] - Math.round(coordination * visitsOf[a]);
    const scratch = order.subarray(0, nTasks);
    for (let i = 0; i < nTasks; i++) scratch[i] = i;
    for (let a = 0; a < actors.length; a++) {
      const n = Math.min(planned[a], tasks.length);
      for (let k = 0; k < n; k++) {
        const j = k + Math.floor(ctx.rng() * (tasks.length - k));
        const x = scratch[k]; scratch[k] = scratch[j]; scratch[j] = x;
        visit(scratch[k], a);
      }
    }
    // Coordinated visits take the tasks no one has taken, oldest due first (list order).
    let next = 0;
    for (let a = 0; a < actors.length; a++) {
      let n = visitsOf[a] - planned[a];
      while (n > 0) {
        while (next < tasks.length && visited[next]) next++;
        if (next >= tasks.length) break;
        visit(next, a);
        n--;
      }
    }
    // Each task visited counted once in careTasksCovered (zero at dawn, counted only here).
    t.careTasksUncovered += tasks.length - t.careTasksCovered;

    // Demands: expressed by informed households (all, in normal times); answered with hours left.
    const dc = s.demandChannel;
    const rate = dc.demandsPerHouseholdPerMonth / 30;
    if (rate <= 0) return;
    const left = Float64Array.from(actors, (a) => Math.max(0, a.hours(world, ctx)));
    const answered = new Int32Array(actors.length);
    t.demandsExpressed += demands(ctx.rng, count, rate, state.crisis, informedDay, hh.trust, dc, left, answered);
    // Each answer spends the actor's response hours, in the order they were answered (the loop
    // reads only `left`, its own copy of the hours, so spending after it is the same).
    for (let i = 0; i < actors.length; i++) {
      for (let k = 0; k < answered[i]; k++) actors[i].spend(world, dc.responseHours);
      t.demandsAnswered += answered[i];
    }
  },
};


/** The task board and the order the actors pick from it in: reused from day to day, grown to the vulnerable households. */
let board = new Int32Array(0);
let order = new Int32Array(0);
/** The packages a visit brings, written by `packagesToCover` (one basket reused, no object a visit). */
const basket: Basket = { vegetable: 0, pork: 0 };

/**
 * The day's tasks into `tasks`, in list order: the vulnerable households due a visit and, while
 * care packages are in stock and no one may go out, those that have heard of the services and are
 * low on basic goods. Returns how many. A function of its own, on columns and numbers: inside
 * step, V8 compiled the loop on stack replacement and lost it at the world reads after it.
 *
 * Branch-free, as wantingToShop (households/outings.ts): a quarter or so of the vulnerable
 * households fall due on a given day, scattered, so a branch per household was mispredicted about
 * as often; every household is written to the list, which grows by one (0 or 1) where it is a
 * task. Every term is a 0/1 number and lowOnBasics only reads columns, so asking it also of the
 * households already due changes nothing. On realistic data (68.5k vulnerable households among
 * 362k, a quarter due; /tmp micro-benchmark, issue 16 part 16ak): 9–11 → 3–5 ns a vulnerable
 * household, and 18–21 → 8–12 on the days packages are in stock.
 */
function taskBoard(
  vulnerable: Int32Array, careDue: Int16Array, informedDay: Int16Array, day: number, stocked: boolean,
  reorderBelowDays: number, members: Uint8Array, vegetableStock: Float64Array, porkStock: Float64Array, tasks: Int32Array,
): number {
  let n = 0;
  if (!stocked) {
    for (let i = 0; i < vulnerable.length; i++) {
      const h = vulnerable[i];
      tasks[n] = h;
      n += +(careDue[h] <= day);
    }
    return n;
  }
  for (let i = 0; i < vulnerable.length; i++) {
    const h = vulnerable[i];
    const asking = +(informedDay[h] >= 0) & lowOnBasics(reorderBelowDays, members, vegetableStock, porkStock, h);
    tasks[n] = h;
    n += +(careDue[h] <= day) | asking;
  }
  return n;
}

/**
 * The day's demands, household by household in order: each household expresses one with the
 * day's chance (in a crisis only if it has heard of the services); the first actor with response
 * hours left answers it and the household's trust grows, or it goes unanswered and trust falls.
 * The chance is the same for every household, so the walk skips from one household that expresses
 * a demand to the next (geometric gaps, `failuresBefore`): the same law as a draw per household,
 * with as many draws as demands. Counts answers per actor in `answered` and returns the demands
 * expressed. A function of its own, on columns and numbers: inside step, V8 compiled this loop on
 * stack replacement and lost it at the world reads after it.
 */
export function demands(
  rng: Rng, count: number, rate: number, crisis: boolean, informedDay: Int16Array, trust: Float64Array,
  dc: { enabled: boolean; responseHours: number; trustGain: number; trustLoss: number }, left: Float64Array, answered: Int32Array,
): number {
  const { enabled, responseHours, trustGain, trustLoss } = dc;
  const logMiss = Math.log1p(-Math.min(1, rate));
  let expressed = 0;
  let a = 0;
  for (let h = failuresBefore(rng, logMiss); h < count; h += 1 + failuresBefore(rng, logMiss)) {
    if (crisis && informedDay[h] < 0) continue;
    expressed++;
    while (enabled && a < left.length && left[a] < responseHours) a++;
    if (enabled && a < left.length) {
      left[a] -= responseHours;
      answered[a]++;
      trust[h] += trustGain * (1 - trust[h]);
    } else {
      trust[h] -= trustLoss * trust[h];
    }
  }
  return expressed;
}
