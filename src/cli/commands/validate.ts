/** `crsim validate FILE…`: check scenario files without running them. */
import type { Command } from 'commander';
import { ScenarioError, formatProblem } from '../../scenario/errors.js';
import { loadScenarioOrManifest } from '../../scenario/load.js';
import { collectSet, parseSetOptions } from '../set-option.js';

interface ValidateOptions {
  strict?: boolean;
  set?: string[];
  quiet?: boolean;
  allowLarge?: boolean;
  anyVersion?: boolean;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files (or run manifests) without running them: exit 0 if all are valid, 1 if any is not, listing every problem')
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--strict', 'also require a source (paper, derived, literature or assumed) on every parameter value')
    .option('--set <path=value>', 'check with a parameter overridden, as crsim run would (repeatable)', collectSet)
    .option('--quiet', 'print only the problems')
    .option('--allow-large', 'accept scenarios beyond the size ceilings (see docs/scenarios.md)')
    .option('--any-version', 'accept manifests written by another version of community-resilience')
    .action((files: string[], opts: ValidateOptions) => {
      const overrides = parseSetOptions(opts.set);
      let invalid = 0;
      for (const file of files) {
        try {
          loadScenarioOrManifest(file, overrides, { strict: opts.strict, allowLarge: opts.allowLarge, anyVersion: opts.anyVersion });
          if (!opts.quiet) process.stdout.write(`ok       ${file}\n`);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          invalid++;
          const n = e.problems.length;
          process.stdout.write(`invalid  ${file}: ${n} problem${n === 1 ? '' : 's'}\n`);
          for (const p of e.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
        }
      }
      if (files.length > 1 && !opts.quiet) process.stdout.write(`${files.length - invalid} of ${files.length} files valid\n`);
      if (invalid > 0) process.exitCode = 1;
    });
}
