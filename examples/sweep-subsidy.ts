/**
 * A sweep over the vegetable subsidy and the number of double-reporting party members per
 * building (examples/sweep-subsidy.yaml), run on two worker threads, printed as a table of
 * means with 95 % confidence intervals per design point.
 *
 *   npx tsx examples/sweep-subsidy.ts
 *
 * In your own project, import from 'community-resilience' instead of '../src/index.js'.
 */
import { join } from 'node:path';
import { meanWithCI, runExperiment } from '../src/index.js';

const file = join(import.meta.dirname, 'sweep-subsidy.yaml');
const started = performance.now();
const { experiment, runs } = await runExperiment(file, {
  workers: 2,
  onRun: process.stderr.isTTY ? (_, done, total) => process.stderr.write(`\r${done}/${total} runs`) : undefined,
});
console.error(`${process.stderr.isTTY ? "\r" : ""}${runs.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

// runs is one plain object per run, the rows of runs.csv: group them by design point.
const measures = ['resilience.lossNeedDays', 'groups.elderlyNoSmartphone.unmetNeedDays', 'prices.meanPricePaid'] as const;
const fmt = (values: number[]) => {
  const ci = meanWithCI(values);
  return `${ci.mean.toFixed(2)} ± ${((ci.high! - ci.low!) / 2).toFixed(2)}`.padStart(14);
};
console.log(`${experiment.spec.name} (${experiment.replicates} replicates per point; mean ± 95 % CI half-width)\n`);
console.log(['subsidy ¥', 'party/bldg', 'loss need-days', 'elderly unmet', 'price paid ¥'].map((h, j) => (j < 2 ? h.padEnd(11) : h.padStart(14))).join(' '));
experiment.points.forEach((point, p) => {
  const mine = runs.filter((r) => r.point === p);
  const perBuilding = point['partyMembers.perBuilding'] as { min: number; max: number };
  const cells = measures.map((m) => fmt(mine.map((r) => r[m] as number)));
  console.log([String(point['packages.vegetable.subsidy']).padEnd(11), `${perBuilding.min}–${perBuilding.max}`.padEnd(11), ...cells].join(' '));
});
