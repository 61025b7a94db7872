/**
 * `crsim plan [SCENARIO]`: the model a scenario assembles, printed — its modules in order, a
 * day's processes in the order they run (slot, module, process, phases), the daily metrics, the
 * summary measures and the interventions a scenario can date. Nothing is run.
 */
import type { Command } from 'commander';
import { assembleScenario } from '../../model/index.js';
import { DEFAULT_SCENARIO, loadScenarioOrManifest } from '../../scenario/load.js';
import { collectModule, moduleOptions } from '../module-option.js';
import { collectSet, parseSetOptions } from '../set-option.js';

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description("print the model a scenario assembles: its modules, a day's processes in order, metrics, measures and interventions")
    .argument('[scenario]', 'scenario file (YAML or JSON), or a run manifest', DEFAULT_SCENARIO)
    .option('--module <file>', 'a file exporting modules of your own, which the scenario may name (repeatable)', collectModule)
    .option('--set <path=value>', 'override a parameter first (repeatable)', collectSet)
    .action(async (file: string, opts: { module?: string[]; set?: string[] }) => {
      const model = await moduleOptions(opts.module, file);
      const { scenario } = loadScenarioOrManifest(file, parseSetOptions(opts.set), { modules: model.modules });
      const assembly = assembleScenario(scenario, model);
      const sections = assembly.modules.map((m) => `  ${m.name.padEnd(20)} ${Object.keys(m.params ?? {}).join(', ') || '—'}`);
      process.stdout.write(`${scenario.name}\n\n${assembly.plan()}\n\nscenario sections by module:\n${sections.join('\n')}\n`);
    });
}
