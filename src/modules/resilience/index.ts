/**
 * Resilience (MODEL-NOTES §7; measures from the resilience literature, not the papers): Q(t), the
 * share of households whose basic needs were met each day, for everyone and for each resident
 * group, and the measures read off that curve — robustness, rapidity, loss, normalised
 * resilience — plus the equity gap between groups. It reads needs met, as the households
 * module's consumption tallies them each day in counters; it knows nothing of how they came to
 * be met.
 */
import { defineModule, shockDayOf, type Metric } from '../../engine/index.js';
import { RESIDENT_GROUPS, type ResidentGroup } from '../community/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { resilienceMeasures } from './measures.js';
import { p, section, sections, share, U } from '../../scenario/params.js';

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Column name of a group's Q(t), e.g. `qElderlyNoSmartphone`. */
export const groupQColumn = (g: ResidentGroup) => `q${capitalise(g)}`;

/**
 * A group's Q(t) from the day's counters that consumption tallies (households module): residents
 * of the group whose household's basic needs were met, over all residents of the group.
 */
function groupQ(group: ResidentGroup, sample: Metric<HouseholdsWorld>['sample']): Metric<HouseholdsWorld> {
  return {
    name: groupQColumn(group),
    unit: 'share',
    description: `Share of residents in group ${group} whose household's basic needs were met`,
    headline: true,
    sample,
  };
}

/** Residents of each group, counted once: no module moves residents between households or groups. */
interface ResilienceState {
  residents: Record<ResidentGroup, number>;
}
const residentsOf = (w: HouseholdsWorld) => (w.state.resilience as ResilienceState).residents;
/** Met over all, from the unmet (integers: the same number as met ÷ all). */
const metShare = (all: number, unmet: number) => (all > 0 ? (all - unmet) / all : NaN);

/**
 * One sampler per group, each reading its own counter: a single sampler shared by the groups,
 * reading columns by a key, deoptimised again and again in a run (issue 16).
 */
const GROUP_Q: Record<ResidentGroup, Metric<HouseholdsWorld>> = {
  elderlyNoSmartphone: groupQ('elderlyNoSmartphone', (w) => metShare(residentsOf(w).elderlyNoSmartphone, w.today.residentsBasicUnmetElderlyNoSmartphone)),
  elderlySmartphone: groupQ('elderlySmartphone', (w) => metShare(residentsOf(w).elderlySmartphone, w.today.residentsBasicUnmetElderlySmartphone)),
  others: groupQ('others', (w) => metShare(residentsOf(w).others, w.today.residentsBasicUnmetOthers)),
};

/**
 * Per resident group, in RESIDENT_GROUPS order: its residents (entries 0–2) and their unmet basic
 * need-days (3–5), added up over the households in one pass. A kernel on columns: the summary's
 * loop per group read the column by a key that changed from group to group, and, run once a run,
 * was compiled on stack replacement and thrown away at the code after it (docs/performance.md,
 * part 16y). Whole numbers all, so the sums are exact in any order.
 */
function groupTotals(hh: HouseholdsWorld['households']): Float64Array {
  // totals[k] belongs to RESIDENT_GROUPS[k]: the kernel's columns are named, so a group added to
  // that list must be added here too, and this refuses to count silently without it.
  if (RESIDENT_GROUPS.join() !== 'elderlyNoSmartphone,elderlySmartphone,others') throw new Error(`resilience: addUpGroups counts other groups than RESIDENT_GROUPS (${RESIDENT_GROUPS.join(', ')})`);
  return addUpGroups(hh.elderlyNoSmartphone, hh.elderlySmartphone, hh.others, hh.unmetBasicDays, hh.count);
}

function addUpGroups(elderlyNoSmartphone: Uint8Array, elderlySmartphone: Uint8Array, others: Uint8Array, unmetBasicDays: Int32Array, count: number): Float64Array {
  // Added up in the array itself, not in locals written to it after the loop: compiled on stack
  // replacement, code after the loop has not run yet, and V8 would throw it away there.
  const totals = new Float64Array(6);
  for (let h = 0; h < count; h++) {
    const days = unmetBasicDays[h];
    totals[0] += elderlyNoSmartphone[h];
    totals[1] += elderlySmartphone[h];
    totals[2] += others[h];
    totals[3] += elderlyNoSmartphone[h] * days;
    totals[4] += elderlySmartphone[h] * days;
    totals[5] += others[h] * days;
  }
  return totals;
}

export const params = sections({
  resilience: () => section('settings of the resilience measures', {
    recoveryThreshold: p(share, 'Q must stay at or above this share of Q0 to count as recovered', U.share),
  }),
});

const MEASURES = ['q0', 'robustness', 'rapidityDays', 'lossNeedDays', 'normalised', 'shockDay', 'windowDays', 'shockDate'] as const;
const GROUP_MEASURES = ['residents', 'unmetNeedDays', 'robustness', 'lossNeedDays'] as const;

export const resilience = defineModule<HouseholdsWorld, ResilienceState>({
  name: 'resilience',
  description: 'Q(t) for all households and each resident group, and the resilience measures read off it: robustness, rapidity, loss, normalised resilience, equity gap.',
  requires: ['community', 'households'],
  params,
  init(world) {
    const totals = groupTotals(world.households);
    return { residents: { elderlyNoSmartphone: totals[0], elderlySmartphone: totals[1], others: totals[2] } };
  },
  metrics: [
    {
      name: 'q', unit: 'share', description: 'Q(t): share of households whose basic needs (vegetables and meat) were met',
      headline: true,
      sample: (w) => w.today.householdsBasicMet / w.households.count,
    },
    ...RESIDENT_GROUPS.map((g) => GROUP_Q[g]),
    {
      name: 'personalUnmetShare', unit: 'share', description: 'Share of households whose personal needs (fruit, other items) were unmet',
      sample: (w) => w.today.householdsPersonalUnmet / w.households.count,
    },
  ],
  measures: {
    names: [
      ...MEASURES.map((m) => `resilience.${m}`),
      ...RESIDENT_GROUPS.flatMap((g) => GROUP_MEASURES.map((m) => `groups.${g}.${m}`)),
      'equityGap',
    ],
    summarise(world, _own, { columns, calendar, timeline }) {
      const threshold = world.scenario.resilience.recoveryThreshold;
      const shockDay = shockDayOf(timeline.phases);
      const shock = shockDay ?? columns.q.length;
      const totals = groupTotals(world.households);
      const groups = {} as Record<ResidentGroup, Record<(typeof GROUP_MEASURES)[number], number>>;
      // The equity gap: the widest difference in unmet need-days per resident between groups with residents.
      let most = -Infinity;
      let least = Infinity;
      for (let k = 0; k < RESIDENT_GROUPS.length; k++) {
        const g = RESIDENT_GROUPS[k];
        const residents = totals[k];
        const unmet = totals[RESIDENT_GROUPS.length + k];
        const m = residents > 0 ? resilienceMeasures(columns[groupQColumn(g)], shock, threshold) : null;
        groups[g] = {
          residents,
          unmetNeedDays: residents > 0 ? unmet / residents : 0,
          robustness: m?.robustness ?? 1,
          lossNeedDays: m?.lossNeedDays ?? 0,
        };
        if (residents > 0) {
          most = Math.max(most, groups[g].unmetNeedDays);
          least = Math.min(least, groups[g].unmetNeedDays);
        }
      }
      return {
        resilience: { ...resilienceMeasures(columns.q, shock, threshold), shockDate: shockDay === null ? null : calendar.dateOf(shockDay) },
        groups,
        equityGap: most >= least ? most - least : 0,
      };
    },
  },
});

export { resilienceMeasures, type ResilienceMeasures } from './measures.js';
