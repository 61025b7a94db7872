/**
 * Resilience (MODEL-NOTES §7; measures from the resilience literature, not the papers): Q(t), the
 * share of households whose basic needs were met each day, for everyone and for each resident
 * group, and the measures read off that curve — robustness, rapidity, loss, normalised
 * resilience — plus the equity gap between groups. It reads needs met; it knows nothing of how
 * they came to be met.
 */
import { defineModule, shockDayOf, type Metric } from '../../engine/index.js';
import { RESIDENT_GROUPS, type ResidentGroup } from '../community/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { resilienceMeasures } from './measures.js';
import { p, section, share, U } from '../../scenario/params.js';

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Column name of a group's Q(t), e.g. `qElderlyNoSmartphone`. */
export const groupQColumn = (g: ResidentGroup) => `q${capitalise(g)}`;

function groupQ(group: ResidentGroup): Metric<HouseholdsWorld> {
  return {
    name: groupQColumn(group),
    unit: 'share',
    description: `Share of residents in group ${group} whose household's basic needs were met`,
    headline: true,
    sample(world) {
      const { count, basicMet, [group]: members } = world.households;
      let met = 0;
      let all = 0;
      for (let h = 0; h < count; h++) {
        all += members[h];
        met += basicMet[h] * members[h];
      }
      return all > 0 ? met / all : NaN;
    },
  };
}

export const params = {
  resilience: section('settings of the resilience measures', {
    recoveryThreshold: p(share, 'Q must stay at or above this share of Q0 to count as recovered', U.share),
  }),
};

const MEASURES = ['q0', 'robustness', 'rapidityDays', 'lossNeedDays', 'normalised', 'shockDay', 'windowDays', 'shockDate'] as const;
const GROUP_MEASURES = ['residents', 'unmetNeedDays', 'robustness', 'lossNeedDays'] as const;

export const resilience = defineModule<HouseholdsWorld>({
  name: 'resilience',
  description: 'Q(t) for all households and each resident group, and the resilience measures read off it: robustness, rapidity, loss, normalised resilience, equity gap.',
  requires: ['community', 'households'],
  params,
  metrics: [
    {
      name: 'q', unit: 'share', description: 'Q(t): share of households whose basic needs (vegetables and meat) were met',
      headline: true,
      sample(w) {
        const { count, basicMet } = w.households;
        let met = 0;
        for (let h = 0; h < count; h++) met += basicMet[h];
        return met / count;
      },
    },
    ...RESIDENT_GROUPS.map(groupQ),
    {
      name: 'personalUnmetShare', unit: 'share', description: 'Share of households whose personal needs (fruit, other items) were unmet',
      sample(w) {
        const { count, personalMet } = w.households;
        let unmet = 0;
        for (let h = 0; h < count; h++) unmet += 1 - personalMet[h];
        return unmet / count;
      },
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
