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
    const hh = world.households;
    const residents = { elderlyNoSmartphone: 0, elderlySmartphone: 0, others: 0 };
    for (let h = 0; h < hh.count; h++) {
      residents.elderlyNoSmartphone += hh.elderlyNoSmartphone[h];
      residents.elderlySmartphone += hh.elderlySmartphone[h];
      residents.others += hh.others[h];
    }
    return { residents };
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
      const hh = world.households;
      const groups = {} as Record<ResidentGroup, Record<(typeof GROUP_MEASURES)[number], number>>;
      for (const g of RESIDENT_GROUPS) {
        let residents = 0;
        let unmet = 0;
        for (let h = 0; h < hh.count; h++) {
          residents += hh[g][h];
          unmet += hh[g][h] * hh.unmetBasicDays[h];
        }
        const m = residents > 0 ? resilienceMeasures(columns[groupQColumn(g)], shock, threshold) : null;
        groups[g] = {
          residents,
          unmetNeedDays: residents > 0 ? unmet / residents : 0,
          robustness: m?.robustness ?? 1,
          lossNeedDays: m?.lossNeedDays ?? 0,
        };
      }
      const perResident = RESIDENT_GROUPS.filter((g) => groups[g].residents > 0).map((g) => groups[g].unmetNeedDays);
      return {
        resilience: { ...resilienceMeasures(columns.q, shock, threshold), shockDate: shockDay === null ? null : calendar.dateOf(shockDay) },
        groups,
        equityGap: perResident.length ? Math.max(...perResident) - Math.min(...perResident) : 0,
      };
    },
  },
});

export { resilienceMeasures, type ResilienceMeasures } from './measures.js';
