/**
 * The actors network of one day: who sends orders, goods, money, labour, people's hours and
 * information to whom, read from that day's metrics. A run of the Q model gets the actors of
 * paper 000 (network-q.ts); a run with the five societies gets theirs (network-five-society.ts).
 * Link widths are scaled per kind of flow against the largest flow of that kind over the whole run, so widths compare across days but not across kinds (orders and yuan
 * have no common unit).
 */
import type { MessageKey } from '../i18n.js';
import type { RunData } from './run-data.js';
import { FIVE_SOCIETY_NETWORK } from './network-five-society.js';
import { ACTORS, FLOWS } from './network-q.js';

export { ACTORS, FLOWS };

export type FlowKind = 'orders' | 'goods' | 'money' | 'labour' | 'people' | 'information';
export const FLOW_KINDS: readonly FlowKind[] = ['orders', 'goods', 'money', 'labour', 'people', 'information'];

export interface Actor {
  id: string;
  label: MessageKey;
  /** Position in a unit square; the drawing scales it. Fixed, so the picture does not jump. */
  x: number;
  y: number;
}


export interface FlowDef {
  source: string;
  target: string;
  kind: FlowKind;
  /** The day's amount from that day's metric values. */
  amount: (v: (metric: string) => number) => number;
}


export interface Network {
  actors: Actor[];
  flows: FlowDef[];
}

export const Q_NETWORK: Network = { actors: ACTORS, flows: FLOWS };

/** The five societies' network for a run that has their shared ground (care visits), else the Q model's. */
export function networkOf(run: RunData): Network {
  return run.metrics.some((m) => m.name === 'careVisits') ? FIVE_SOCIETY_NETWORK : Q_NETWORK;
}

/** The kinds of flow a network has: what its legend lists. */
export const kindsOf = (network: Network): FlowKind[] => FLOW_KINDS.filter((k) => network.flows.some((f) => f.kind === k));

export interface FlowLink {
  id: string;
  source: string;
  target: string;
  kind: FlowKind;
  amount: number;
  /** amount ÷ the largest amount of this kind on any day of the run, in [0, 1]. */
  relative: number;
}

const valuesOn = (run: RunData, d: number) => (metric: string) => run.replicates[0]?.[metric]?.[d] ?? NaN;

/** The largest amount of each kind of flow on any day of replicate 0: what widths are scaled by. */
export function maxFlowsByKind(run: RunData): Record<FlowKind, number> {
  const maxByKind = Object.fromEntries(FLOW_KINDS.map((k) => [k, 0])) as Record<FlowKind, number>;
  if (!run.replicates[0]) return maxByKind;
  const { flows } = networkOf(run);
  for (let d = 0; d < run.dates.length; d++) {
    const v = valuesOn(run, d);
    for (const f of flows) maxByKind[f.kind] = Math.max(maxByKind[f.kind], f.amount(v));
  }
  return maxByKind;
}

/**
 * The amounts of every flow on a day of replicate 0 (the replicate a live run shows first).
 * Callers asking for many days pass `maxByKind` computed once; it is not cached on the run
 * because a live run's columns fill in place.
 */
export function flowsOn(run: RunData, day: number, maxByKind = maxFlowsByKind(run)): FlowLink[] {
  if (!run.replicates[0]) return [];
  const valueOn = (d: number) => valuesOn(run, d);
  return networkOf(run).flows.map((f) => {
    const amount = Math.max(0, f.amount(valueOn(day)));
    const max = maxByKind[f.kind];
    return { id: `${f.source}-${f.target}-${f.kind}`, source: f.source, target: f.target, kind: f.kind, amount, relative: max > 0 ? amount / max : 0 };
  });
}

/**
 * The day whose flows are largest (summed relative widths over all links): what a finished run's
 * network shows first, since the last day of a run after reopening has almost no flows.
 */
export function busiestDay(run: RunData): number {
  let best = 0;
  let bestTotal = -1;
  const maxByKind = maxFlowsByKind(run);
  for (let d = 0; d < run.dates.length; d++) {
    const total = flowsOn(run, d, maxByKind).reduce((s, l) => s + l.relative, 0);
    if (total > bestTotal) {
      best = d;
      bestTotal = total;
    }
  }
  return best;
}
