/** The engine: time, randomness, state tables, processes and metrics. It knows nothing of groceries. */
export { Calendar, toEpochDay, fromEpochDay } from './calendar.js';
export { Timeline, type Phase, type TimelineEvent } from './timeline.js';
export { createTable, type Table, type ColumnSpec } from './table.js';
export { RandomStreams, deriveSeed, randomInt, bernoulli, pickWeighted, shuffle, type Rng } from './random.js';
export type { Process, StepContext } from './process.js';
export { MetricRecorder, type Metric } from './metric.js';
export { Simulation, type SimulationOptions, type Snapshot } from './simulation.js';
