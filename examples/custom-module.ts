/**
 * A module of your own plugged into a shipped scenario from outside the library: the
 * neighbourhood food bank of examples/food-bank/food-bank.ts, added to the Q-community lockdown.
 * Prints the assembled day (where the food bank's process sits) and a paired comparison with and
 * without it — common random numbers, 95 % confidence intervals — run on two worker threads,
 * which import the module from its file.
 *
 *   npx tsx examples/custom-module.ts
 *
 * In your own project, import from 'community-resilience' instead of '../src/index.js'.
 */
import { join } from 'node:path';
import { assembleScenario, compareScenarios, DEFAULT_SCENARIO, importModuleFiles, loadScenario } from '../src/index.js';

const moduleFile = join(import.meta.dirname, 'food-bank/food-bank.ts');
const modules = await importModuleFiles([moduleFile]);
const model = { modules, moduleFiles: [moduleFile] };

const without = loadScenario(DEFAULT_SCENARIO).scenario;
const withBank = loadScenario(join(import.meta.dirname, 'food-bank/lockdown-with-food-bank.yaml'), {}, { modules }).scenario;

const plan = assembleScenario(withBank, model).plan().split('\n');
console.log(`The day with the food bank (crsim plan):\n${plan.filter((l) => /^\s+(dawn|afternoon)/.test(l)).join('\n')}\n`);

const reps = Number(process.env.REPS ?? 10);
const comparison = await compareScenarios(without, withBank, {
  reps,
  workers: Number(process.env.WORKERS ?? 2),
  model,
  measures: ['resilience.lossNeedDays', 'resilience.robustness', 'groups.elderlyNoSmartphone.unmetNeedDays', 'groups.others.unmetNeedDays', 'satisfaction.minimum', 'foodBank'],
});
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const given = comparison.pairs.map((p) => p.b['foodBank.packagesGiven'] as number);
console.log(`The food bank gave ${(given.reduce((x, y) => x + y, 0) / reps).toFixed(0)} packages per run on average (B only).\n`);
console.log(`B − A over ${reps} paired replicates (A: ${comparison.a}; B: ${comparison.b})\n`);
console.log(['measure'.padEnd(42), 'A'.padStart(9), 'B'.padStart(9), 'B − A'.padStart(9), '95 % CI'.padStart(20)].join(' '));
for (const r of comparison.rows) {
  console.log([r.measure.padEnd(42), fmt(r.meanA).padStart(9), fmt(r.meanB).padStart(9), fmt(r.meanDifference).padStart(9), `[${fmt(r.ci95Low)}, ${fmt(r.ci95High)}]`.padStart(20)].join(' '));
}
