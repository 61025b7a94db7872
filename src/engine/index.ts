/**
 * The engine: time, randomness, state tables, processes, metrics, and the module contract that
 * lets institutions plug in. It knows nothing of groceries, committees or epidemics.
 */
export { Calendar, toEpochDay, fromEpochDay, dayOfMonth } from './calendar.js';
export { Timeline, type Phase, type TimelineEvent } from './timeline.js';
export { createTable, LAST_DAY16, type Table, type ColumnSpec } from './table.js';
export { aleaStream, type AleaState } from './alea.js';
export { RandomStreams, deriveSeed, randomInt, bernoulli, logistic, pickWeighted, shuffle, skip, poisson, failuresBefore, type Rng } from './random.js';
export type { Process, StepContext } from './process.js';
export { MetricRecorder, type Metric } from './metric.js';
export { Simulation, type SimulationOptions, type Snapshot } from './simulation.js';
export {
  defineModule, SLOTS, TABLES,
  type ModuleDef, type ModuleWorld, type ModuleProcess, type ModuleStepContext, type Counter, type Intervention,
  type AnyTable, type Measures, type RunView, type PopulateContext, type Slot, type TableName,
} from './module.js';
export { ratio, sum, mean, max, min, shockDayOf } from './series.js';
export { select } from './branch-free.js';
export { writtenAgain } from './written-again.js';
export { grown } from './grown.js';
export { assemble, ModuleError, BEGIN_DAY, type Assembly, type AssembledProcess } from './assemble.js';
