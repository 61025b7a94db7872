/** `crsim merge DIR… --out DIR`: combine shard folders into the set an unsharded sweep writes. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { mergeFolders } from '../../experiment/sweep-files.js';
import { reportErrors } from '../report-errors.js';
import { checkOutFolder } from '../out-folder.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge sweep shard folders (crsim sweep --shard K/N) into one sweep folder')
    .argument('<dirs...>', 'shard folders of one experiment')
    .requiredOption('--out <dir>', 'folder to write the merged results to')
    .option('--force', 'replace the sweep results already in the --out folder')
    .option('--quiet', 'print nothing but errors')
    .action((dirs: string[], opts: { out: string; quiet?: boolean; force?: boolean }) =>
      reportErrors('merge', () => {
        const { runs } = mergeFolders(dirs.map((d) => resolve(d)), checkOutFolder(opts.out, 'merge', { force: opts.force })!);
        if (!opts.quiet) process.stdout.write(`Merged ${runs} runs from ${dirs.length} folders into ${resolve(opts.out)}\n`);
      }),
    );
}
