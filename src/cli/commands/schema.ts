/** `crsim schema`: the JSON Schema of scenario files, for editors and other tools. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scenarioJsonSchemaText } from '../../scenario/json-schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (the same as scenarios/schema.json)')
    .option('--out <file>', 'write it to a file instead of printing it')
    .action((opts: { out?: string }) => {
      const text = scenarioJsonSchemaText();
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
