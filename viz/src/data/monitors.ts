/**
 * The three big numbers of a five-society lesson, read from a day of the main run: households
 * without food that day, volunteers of the pool and the hours they gave, and the money arrived
 * so far by source. Each is read from the daily metrics the modules record (docs/metrics.md);
 * a model without the module behind a monitor gives null, which the page says in words.
 */
import type { MessageKey } from '../i18n.js';
import type { RunData } from './run-data.js';

/** Charity's channels, in the order of the scenario (government money first, the comparison case). */
export const CHANNELS = [
  'government', 'communityFoundation', 'socialEnterprises', 'firmsAndMerchants',
  'onlineGiving', 'venturePhilanthropy', 'targetedAid', 'directedFundraising',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const channelMetric = (c: Channel) => `moneyIn${c[0].toUpperCase()}${c.slice(1)}`;
export const channelLabel = (c: Channel) => `ch${c[0].toUpperCase()}${c.slice(1)}` as MessageKey;

export interface Monitors {
  /** Households whose basic needs were not met that day: (1 − Q) × households. */
  unfed: number | null;
  households: number;
  /** Members of the volunteer pool, and the hours the pool gave that day (null: no pool; NaN: no value yet). */
  volunteers: number | null;
  volunteerHours: number | null;
  /** Money arrived from day 0 to that day, per channel with any (null: no charity module). */
  money: { channel: Channel; yuan: number }[] | null;
  moneyTotal: number;
}

const at = (run: RunData, metric: string, day: number): number | null => {
  const v = run.replicates[0]?.[metric]?.[day];
  return v === undefined || Number.isNaN(v) ? null : v;
};

export function monitorsOn(run: RunData, day: number, households: number): Monitors {
  const q = at(run, 'q', day);
  const has = (metric: string) => run.metrics.some((m) => m.name === metric);
  const hasCharity = has(channelMetric('government'));
  let money: Monitors['money'] = null;
  let moneyTotal = 0;
  if (hasCharity) {
    money = [];
    for (const channel of CHANNELS) {
      const column = run.replicates[0]?.[channelMetric(channel)];
      let yuan = 0;
      for (let d = 0; column && d <= day && d < column.length; d++) if (!Number.isNaN(column[d])) yuan += column[d];
      if (yuan > 0) money.push({ channel, yuan });
      moneyTotal += yuan;
    }
  }
  return {
    unfed: q === null ? null : Math.round((1 - q) * households),
    households,
    // A model without the pool has none (null); a day not yet run has no number (NaN), not zero.
    volunteers: has('poolSize') ? at(run, 'poolSize', day) ?? NaN : null,
    volunteerHours: has('poolHours') ? at(run, 'poolHours', day) ?? NaN : null,
    money,
    moneyTotal,
  };
}
