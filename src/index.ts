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
export { createSimulation, assembleScenario, resolveModules, phasesOf, shockDay, type ModelOptions, type World, type Summary, type GroupSummary } from './model/index.js';
export { defineModule, assemble, type ModuleDef, type ModuleWorld, type ModuleProcess, type Assembly } from './engine/index.js';
export * as modules from './modules/index.js';
export { BUILTIN_MODULES, Q_COMMUNITY } from './modules/index.js';
export { importModuleFiles, moduleFileUrl } from './model/module-files.js';
export { RESIDENT_GROUPS, type ResidentGroup } from './modules/community/index.js';
export { resilienceMeasures, type ResilienceMeasures } from './modules/resilience/index.js';
export { p, U, share, positive, nonNegative, count, positiveCount, section } from './scenario/params.js';
export { PACKAGE_VERSION } from './version.js';
export * from './experiment/index.js';
