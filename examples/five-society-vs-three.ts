/**
 * The headline comparison of paper 001: five-society linkage (五社联动) against three-society
 * linkage (三社联动) in the same community, through a normal year and then the 2020 lockdown of
 * paper 000. Replicate i of both scenarios shares its run seed (common random numbers), so the
 * paired difference is due to the three added societies — the platform, the managed volunteer
 * pool and charity — and the table gives its mean with a 95 % confidence interval.
 *
 *   npx tsx examples/five-society-vs-three.ts [replicates]
 *
 * The replicates run on worker threads, which load the built library (dist/): after changing
 * src/, build first (`npx tsc -p tsconfig.json`).
 *
 * In your own project, import from 'community-resilience' instead of '../src/index.js'.
 */
import { join } from 'node:path';
import { compareScenarios, loadScenario, SCENARIOS_DIR } from '../src/index.js';

const a = loadScenario(join(SCENARIOS_DIR, 'five-society/three-society.yaml')).scenario;
const b = loadScenario(join(SCENARIOS_DIR, 'five-society/five-society.yaml')).scenario;

const comparison = await compareScenarios(a, b, {
  reps: Number(process.argv[2] ?? 8),
  workers: 2,
  measures: [
    'care.crisisMobilisedHoursPerDay', 'resilience.lossNeedDays', 'resilience.robustness', 'resilience.normalised',
    'groups.elderlyNoSmartphone.unmetNeedDays', 'care.crisisCoverage', 'care.crisisCareMet', 'care.duplicatedVisits',
    'care.finalTrust', 'care.meanParticipation', 'staff.peakOverload', 'staff.overloadedDays',
  ],
});

console.log(`A: ${comparison.a}\nB: ${comparison.b}\n${comparison.reps} paired replicates, seeds ${comparison.seeds.join(', ')}\n`);
console.log(`${'measure'.padEnd(42)} ${'A'.padStart(9)} ${'B'.padStart(9)} ${'B − A'.padStart(9)}   95 % CI`);
for (const r of comparison.rows) {
  const ci = r.ci95Low === null ? '' : `[${r.ci95Low.toFixed(3)}, ${r.ci95High!.toFixed(3)}]`;
  console.log(`${r.measure.padEnd(42)} ${r.meanA.toFixed(3).padStart(9)} ${r.meanB.toFixed(3).padStart(9)} ${r.meanDifference.toFixed(3).padStart(9)}   ${ci}`);
}
