/**
 * `crsim calibrate CALIBRATION.yaml [--out DIR]`: fits a scenario's free parameters to targets
 * (docs/calibration.md). The output folder holds the journal of evaluated points (a calibration
 * that stopped resumes from it), the fit per target, the estimates with their spread, and the
 * calibrated scenario with provenance `derived: calibrated to <targets>`.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify as csv } from 'csv-stringify/sync';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { calibrate, readJournal, targetName, type CalibrationResult, type CalibrationSpec, type Target } from '../../experiment/calibrate.js';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../user-error.js';
import { parseWorkers } from '../options.js';
import { progressBar } from './experiment-common.js';
import { reportErrors } from '../report-errors.js';

const targetSchema = z.object({
  measure: z.string().min(1).optional(),
  metric: z.string().min(1).optional(),
  period: z.object({ from: z.string(), to: z.string() }).strict().optional(),
  stat: z.enum(['mean', 'sum']).optional(),
  value: z.number(),
  tolerance: z.number().positive().optional(),
  weight: z.number().positive().optional(),
  sd: z.number().min(0).optional(),
  source: z.string().optional(),
}).strict().refine((t) => (t.measure === undefined) !== (t.metric === undefined), 'a target names either a measure or a metric (with a period)');

export const calibrationFileSchema = z.object({
  name: z.string().min(1).optional(),
  /** Relative to the calibration file. */
  scenario: z.string().min(1),
  /** Fixed overrides of the scenario, as with --set (dotted path → value). */
  set: z.record(z.string(), z.unknown()).default({}),
  parameters: z.record(z.string(), z.object({ min: z.number(), max: z.number(), start: z.number().optional() }).strict()
    .refine((b) => b.min < b.max, 'min must be below max')
    .refine((b) => b.start === undefined || (b.start >= b.min && b.start <= b.max), 'start must lie within the bounds'))
    .refine((ps) => Object.keys(ps).length > 0, 'name at least one free parameter'),
  targets: z.array(targetSchema).min(1),
  replicates: z.number().int().min(1).default(4),
  seed: z.number().int().min(0).optional(),
  workers: z.number().int().min(0).optional(),
  maxEvaluations: z.number().int().min(3).default(60),
  tolerance: z.number().positive().default(0.005),
}).strict();
export type CalibrationFile = z.output<typeof calibrationFileSchema>;

export interface LoadedCalibration {
  file: string;
  spec: CalibrationSpec;
  raw: CalibrationFile;
  scenarioFile: string;
  /** Hash of the calibration and scenario texts: a journal from another calibration is refused. */
  hash: string;
}

export function loadCalibration(file: string): LoadedCalibration {
  if (!existsSync(file)) throw new UserError(`${file}: no such calibration file`);
  const text = readFileSync(file, 'utf8');
  const parsed = calibrationFileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new UserError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n'));
  }
  const raw = parsed.data;
  const scenarioFile = resolve(dirname(file), raw.scenario);
  const base = loadScenario(scenarioFile, raw.set).scenario;
  const spec: CalibrationSpec = {
    parameters: Object.entries(raw.parameters).map(([path, b]) => ({ path, ...b })),
    targets: raw.targets as Target[],
    replicates: raw.replicates,
    seed: raw.seed ?? base.seed,
    maxEvaluations: raw.maxEvaluations,
    tolerance: raw.tolerance,
  };
  const hash = createHash('sha256').update(text).update('\0').update(readFileSync(scenarioFile)).digest('hex').slice(0, 16);
  return { file, spec, raw, scenarioFile, hash };
}

/** Sets a dotted path in a scenario document, keeping provenance wrappers' shape. */
function setWithProvenance(doc: Record<string, unknown>, path: string, value: number, why: string) {
  const keys = path.split('.');
  let node: any = doc;
  for (const k of keys.slice(0, -1)) {
    if (node[k] && typeof node[k] === 'object' && 'value' in node[k] && typeof node[k].value === 'object') node = node[k].value;
    node[k] ??= {};
    node = node[k];
  }
  node[keys[keys.length - 1]] = { value, derived: why };
}

export function writeCalibrationOutputs(out: string, cal: LoadedCalibration, result: CalibrationResult) {
  const round = (x: number) => Number(x.toPrecision(6));
  writeFileSync(resolve(out, 'fit.csv'), csv(result.fit.map((f) => ({ ...f, fitted: round(f.fitted), sdAcrossReplicates: round(f.sdAcrossReplicates) })), { header: true }));
  writeFileSync(resolve(out, 'estimates.csv'), csv(result.estimates.map((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]))), { header: true }));
  writeFileSync(resolve(out, 'calibration.json'), `${JSON.stringify({ calibration: cal.file, scenario: cal.scenarioFile, replicates: cal.spec.replicates, seed: cal.spec.seed, ...result }, null, 2)}\n`);
  const targets = cal.spec.targets.map((t) => `${targetName(t)} = ${t.value}`).join(', ');
  const doc = loadScenario(cal.scenarioFile, cal.raw.set).document;
  delete doc.extends;
  for (const e of result.estimates) {
    setWithProvenance(doc, e.path, round(e.estimate), `calibrated to ${targets} (crsim calibrate ${basename(cal.file)}: ${cal.spec.replicates} replicates, seed ${cal.spec.seed}; sd ${round(e.sd)})`);
  }
  const name = typeof doc.name === 'object' && doc.name && 'value' in doc.name ? (doc.name as { value: string }).value : doc.name;
  doc.name = `${name} (calibrated)`;
  writeFileSync(resolve(out, 'calibrated.yaml'), `# Written by crsim calibrate ${basename(cal.file)}; the calibrated parameters say so.\n${toYaml(doc, { lineWidth: 0 })}`);
}

export function formatCalibration(result: CalibrationResult): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '∞');
  return [
    `${result.evaluations} points evaluated (${result.fromJournal} read from the journal), ${result.converged ? 'converged' : 'stopped at the evaluation limit'}; objective ${f(result.objective)}`,
    '',
    'parameter estimates (± sd, 95 % interval):',
    ...result.estimates.map((e) => `  ${e.path} = ${f(e.estimate)} ± ${f(e.sd)}  [${f(e.ci95Low)}, ${f(e.ci95High)}]`),
    '',
    'fit per target:',
    ...result.fit.map((t) => `  ${t.target}: target ${f(t.value)}, fitted ${f(t.fitted)} (sd across replicates ${f(t.sdAcrossReplicates)})${t.withinTolerance === null ? '' : t.withinTolerance ? ' within tolerance' : ' OUTSIDE tolerance'}`),
    '',
  ].join('\n');
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description('fit free parameters of a scenario to targets (Nelder–Mead on common-random-number means); resumes from the journal in --out')
    .argument('<calibration>', 'calibration file (YAML): scenario, parameters with bounds, targets, replicates')
    .option('--out <dir>', 'output folder (default: runs/calibrate-<name>)')
    .option('--workers <n>', "worker threads (0: run in this thread; default: the file's, else all cores)", parseWorkers)
    .option('--force', 'start afresh, discarding a journal in the output folder')
    .option('--quiet', 'print nothing but errors')
    .action((file: string, opts: { out?: string; workers?: number; force?: boolean; quiet?: boolean }) =>
      reportErrors('calibration', async () => {
        const cal = loadCalibration(resolve(file));
        const out = resolve(opts.out ?? `runs/calibrate-${basename(file, extname(file))}`);
        const journalFile = resolve(out, 'journal.jsonl');
        if (existsSync(out) && opts.force) rmSync(out, { recursive: true, force: true });
        if (existsSync(out) && readdirSync(out).length > 0) {
          if (!existsSync(journalFile)) throw new UserError(`${out} is not empty and holds no calibration journal: choose another --out`);
          const head = readFileSync(journalFile, 'utf8').split('\n', 1)[0];
          let journalHash: string | undefined;
          try { journalHash = JSON.parse(head).calibration; } catch { /* checked below */ }
          if (journalHash !== cal.hash) throw new UserError(`${journalFile} belongs to another calibration (the calibration or scenario file changed): pass --force to start afresh`);
        }
        mkdirSync(out, { recursive: true });
        const journal = readJournal(journalFile);
        if (!existsSync(journalFile)) writeFileSync(journalFile, `${JSON.stringify({ calibration: cal.hash })}\n`);
        const workers = opts.workers ?? cal.raw.workers ?? availableParallelism();
        const d = cal.spec.parameters.length;
        const bar = progressBar((cal.spec.maxEvaluations + 1 + 2 * d) * cal.spec.replicates, opts.quiet);
        if (!opts.quiet && journal.length) process.stderr.write(`resuming: ${journal.length} points already in ${journalFile}\n`);
        const result = await calibrate(cal.spec, {
          workers,
          scenarioAt: (values) => loadScenario(cal.scenarioFile, { ...cal.raw.set, ...values }).scenario,
          journal,
          onEvaluation: (e) => appendFileSync(journalFile, `${JSON.stringify(e)}\n`),
          onRun: () => bar.tick(),
        });
        bar.stop();
        writeCalibrationOutputs(out, cal, result);
        if (!opts.quiet) process.stdout.write(`${formatCalibration(result)}written to ${out}\n`);
      }),
    );
}
