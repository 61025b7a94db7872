/**
 * Command-line arguments of a bench script: `--help` (or `-h`) prints the script's header comment
 * as its usage, and an unknown `--` option is an error, not ignored (a typo such as `--tree=/x`
 * would otherwise run the default silently).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The first block comment of the script at `scriptUrl` (its header), without the comment's stars. */
const usage = (scriptUrl: string) =>
  readFileSync(fileURLToPath(scriptUrl), 'utf8')
    .match(/^\/\*\*([\s\S]*?)\*\//)![1]
    .replace(/^ \* ?/gm, '')
    .trim();

/**
 * Exits after printing the usage on `--help`, or with status 2 naming any option that is neither
 * one of `valued` (which take the next argument) nor one of `flags`.
 */
export function checkArgs(scriptUrl: string, argv: string[], valued: string[], flags: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(scriptUrl));
    process.exit(0);
  }
  const known = (a: string) => valued.includes(a) || flags.includes(a);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known(a) && !valued.includes(argv[i - 1]));
  if (unknown.length) {
    const options = [...valued, ...flags].join(', ');
    console.error(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (options: ${options}; --help for the usage)`);
    process.exit(2);
  }
}
