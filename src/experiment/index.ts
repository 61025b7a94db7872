/**
 * Experiments: sweeps over parameters with replicates, paired comparisons, warm-start branching.
 *
 *   const { runs } = await runExperiment('examples/sweep-subsidy.yaml', { workers: 2 });
 *   const c = await compareScenarios(a, b, { reps: 20 });
 *   const warm = warmUp(base, runSeedOf(1, 0)); const result = branch(warm, variant, 1, 0);
 */
export { loadExperiment, openExperiment, parseExperiment, setDocumentParameter, type ResolvedExperiment, type LoadExperimentOptions } from './load.js';
export { experimentSchema, experimentJsonSchema, OUTPUT_FORMATS, type ExperimentSpec, type ExperimentInput } from './schema.js';
export { designPoints, gridPoints, latinHypercube, rangeValues, runSeedFor, runIdOf, type DesignPoint } from './design.js';
export { SUMMARY_MEASURES, DAILY_METRICS, flatten, selectMeasures, pickMeasures, type MeasureValue } from './measures.js';
export {
  runExperiment, streamRuns, sweepToFolder, runTasks, plannedTasks, checkWarmStart, runRowObject, WORKER_SCRIPT, WORKER_BUNDLE, WORKER_CACHED, workerScript,
  type SweepOptions, type RunExperimentOptions, type SweepToFolderOptions, type ExperimentResult, type RunRow,
} from './sweep.js';
export { SweepFolder, mergeFolders, parseShard, inShard, FILES as SWEEP_FILES, type Shard } from './sweep-files.js';
export { executeRun, type RunTask, type RunOutcome } from './task.js';
export { compareScenarios, comparisonRows, type Comparison, type ComparisonRow, type CompareOptions } from './compare.js';
export { warmUp, branch, branchProblems, assertBranchable, WarmStartError, type WarmStart } from './warm-start.js';
export { meanWithCI, studentTQuantile, type MeanCI } from './stats.js';
export { slurmScript, type SlurmOptions } from './slurm.js';
