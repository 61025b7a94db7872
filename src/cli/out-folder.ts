/**
 * What `--out` may name: a new or empty folder; for `crsim run`, an existing run folder only with
 * `--force`; for `crsim sweep`, a sweep folder (continued with `--resume`, refused otherwise by
 * the sweep itself) or the folder `--emit-slurm` prepared; for `crsim merge`, a folder that holds
 * no sweep results yet, or one that does with `--force`. Never a file, never the empty string
 * (which would resolve to the current folder).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCK_FILE } from '../experiment/folder-lock.js';
import { UserError } from '../user-error.js';

/** Entries crsim itself puts in a sweep folder before results: the Slurm script and its folders. */
const SWEEP_SCAFFOLD = new Set(['sweep.slurm.sh', 'shards', 'slurm', LOCK_FILE]);

export function checkOutFolder(out: string | undefined, kind: 'run' | 'sweep' | 'merge', opts: { force?: boolean } = {}): string | undefined {
  if (out === undefined) return undefined;
  if (out.trim() === '') throw new UserError('--out is empty: name the folder to write to');
  const dir = resolve(out);
  if (!existsSync(dir)) return dir;
  if (!statSync(dir).isDirectory()) throw new UserError(`--out ${out}: is a file, not a folder; name a new or empty folder`);
  const entries = readdirSync(dir).filter((e) => e !== LOCK_FILE);
  if (entries.length === 0) return dir;
  if (kind === 'run') {
    if (!entries.includes('manifest.json')) throw new UserError(`--out ${out}: the folder is not empty and is not a run folder; name a new or empty folder`);
    if (!opts.force) throw new UserError(`--out ${out}: already holds a run; pass --force to replace it, or name a new folder`);
    return dir;
  }
  if (kind === 'sweep') {
    if (!entries.includes('experiment.json') && entries.some((e) => !SWEEP_SCAFFOLD.has(e))) {
      throw new UserError(`--out ${out}: the folder is not empty and is not a sweep folder; name a new or empty folder`);
    }
    return dir;
  }
  if (entries.includes('experiment.json') && !opts.force) throw new UserError(`--out ${out}: already holds sweep results; pass --force to replace them, or name a new folder`);
  return dir;
}
