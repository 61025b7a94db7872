/**
 * A paired comparison: the Q-community lockdown with and without double reporting (双报到).
 * Replicate i of both scenarios shares its run seed (common random numbers), so the difference
 * in each replicate is due to the policy alone; the warm start simulates the two weeks before the
 * shock once per replicate and branches both scenarios from that snapshot.
 *
 *   npx tsx examples/compare-double-reporting.ts
 *
 * In your own project, import from 'community-resilience' instead of '../src/index.js'.
 */
import { join } from 'node:path';
import { compareScenarios, loadScenario, SCENARIOS_DIR } from '../src/index.js';

const a = loadScenario(join(SCENARIOS_DIR, 'q-community/lockdown-2020.yaml')).scenario;
const b = loadScenario(join(SCENARIOS_DIR, 'q-community/no-double-reporting.yaml')).scenario;

const comparison = await compareScenarios(a, b, {
  reps: 8,
  workers: 2,
  warmStart: true,
  measures: ['resilience', 'groups.elderlyNoSmartphone.unmetNeedDays', 'deliveries.byPartyMembers', 'staff.peakOverload'],
});

console.log(`A: ${comparison.a}\nB: ${comparison.b}\n${comparison.reps} paired replicates, seeds ${comparison.seeds.join(', ')}\n`);
console.log(`${'measure'.padEnd(42)} ${'A'.padStart(9)} ${'B'.padStart(9)} ${'B − A'.padStart(9)}   95 % CI`);
for (const r of comparison.rows) {
  const ci = r.ci95Low === null ? '' : `[${r.ci95Low.toFixed(3)}, ${r.ci95High!.toFixed(3)}]`;
  console.log(`${r.measure.padEnd(42)} ${r.meanA.toFixed(3).padStart(9)} ${r.meanB.toFixed(3).padStart(9)} ${r.meanDifference.toFixed(3).padStart(9)}   ${ci}`);
}
