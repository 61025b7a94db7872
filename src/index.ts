/**
 * community-resilience: the public API.
 *
 *   import { loadScenario, runScenario } from 'community-resilience';
 *   const { scenario } = loadScenario('scenarios/q-community/lockdown-2020.yaml');
 *   const result = runScenario(scenario, { seed: 1 });
 *   console.log(result.summary.resilience);
 */
export * as engine from './engine/index.js';
export { runScenario, collectResult, runSeedOf, type RunResult, type RunOptions, type MetricInfo } from './experiment/run.js';
export { writeRunFolder, timeseriesCsv, timeseriesRows, summaryJson } from './experiment/outputs.js';
export { loadScenario, loadScenarioOrManifest, readRelativeFile, DEFAULT_SCENARIO, SCENARIOS_DIR } from './scenario/load.js';
export * from './scenario/index.js';
export { createSimulation, defaultProcesses, type ModelOptions } from './model/index.js';
export type { World, Households, Residents, Building, Compound, Merchant, ResidentGroup } from './model/world.js';
export { RESIDENT_GROUPS } from './model/world.js';
export { dailyMetrics } from './metrics/daily.js';
export { resilienceMeasures, type ResilienceMeasures } from './metrics/resilience.js';
export type { Summary, GroupSummary } from './metrics/summary.js';
export { PACKAGE_VERSION } from './version.js';
export * from './experiment/index.js';
