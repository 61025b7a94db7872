/**
 * How a command ends when something goes wrong. Exit 1: the user's input (an invalid scenario or
 * experiment, a folder in use, a damaged file, a path that cannot be written), with a message and
 * no stack trace. Exit 2: a bug in crsim, with the stack and where to report it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { WarmStartError } from '../experiment/warm-start-error.js';
import { UserError, userFsError } from '../user-error.js';
import { PACKAGE_VERSION } from '../version.js';
import { PACKAGE_ROOT } from './static-server.js';

/** Where bugs go: package.json's `bugs` if it names one. */
export function bugReportPlace(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    const url = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;
    if (url) return url;
  } catch {
    // fall through
  }
  return "the community-resilience maintainers (the project's issue tracker)";
}

/** The exit code and message for an error that ended a command. */
export function describeFailure(e: unknown, what = 'scenario'): { code: 1 | 2; message: string } {
  if (e instanceof ScenarioError) return { code: 1, message: `crsim: invalid ${what}\n${e.message}` };
  if (e instanceof UserError || e instanceof WarmStartError) return { code: 1, message: `crsim: ${e.message}` };
  const fs = userFsError(e);
  if (fs) return { code: 1, message: `crsim: ${fs.message}` };
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return {
    code: 2,
    message: `crsim: internal error (a bug in community-resilience ${PACKAGE_VERSION}, node ${process.version}):\n${detail}\nPlease report it to ${bugReportPlace()}, with the command line and this message.`,
  };
}

/** Prints the failure and exits with its code. */
export function exitWithFailure(e: unknown, what?: string): never {
  const { code, message } = describeFailure(e, what);
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
