/**
 * A Slurm job-array script for a sweep: array task K runs `crsim sweep … --shard K/N --resume`
 * into its own folder, and a merge job that depends on the whole array (afterok) combines the
 * shards. The cluster's scheduler does the distribution; crsim only slices the runs. The script
 * submits itself: `bash sweep.slurm.sh` submits the array and the merge; inside Slurm it runs
 * one shard. `--resume` makes a requeued or resubmitted task continue where it stopped.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SlurmOptions {
  experimentFile: string;
  /** Final (merged) sweep folder; shards go to OUT/shards/K-of-N. */
  out: string;
  shards: number;
  /** Worker threads per array task (= --cpus-per-task). */
  workers: number;
  /** Time limit per array task, HH:MM:SS. */
  time: string;
  partition?: string;
  name: string;
  runs: number;
  warmStart?: boolean;
}

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/main.js');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function slurmScript(o: SlurmOptions): string {
  const jobName = `crsim-${o.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'sweep'}`;
  const shardDir = (k: string) => join(o.out, 'shards', `${k}-of-${o.shards}`);
  const shardDirs = Array.from({ length: o.shards }, (_, i) => quote(shardDir(String(i + 1)))).join(' ');
  return `#!/bin/bash
# Slurm job array for the sweep "${o.name}" (${o.runs} runs in ${o.shards} shards).
# Written by crsim sweep --emit-slurm. Submit from a login node with:
#     bash ${quote(resolve(o.out, 'sweep.slurm.sh'))}
# which submits the array (one shard per task) and a merge job that starts when every task has
# succeeded. Results: ${o.out} (shards in ${join(o.out, 'shards')}). Set CRSIM to change how
# crsim is started (default: node on this checkout's dist/cli/main.js).
#SBATCH --job-name=${jobName}
#SBATCH --array=1-${o.shards}
#SBATCH --cpus-per-task=${o.workers}
#SBATCH --time=${o.time}
#SBATCH --output=${join(o.out, 'slurm', '%x-%A_%a.out')}
${o.partition ? `#SBATCH --partition=${o.partition}\n` : ''}set -euo pipefail
CLI=${quote(CLI)}
EXPERIMENT=${quote(o.experimentFile)}
OUT=${quote(o.out)}
# How crsim is started: $CRSIM if set (e.g. CRSIM="npx crsim"), else node on the built CLI.
crsim() { if [ -n "\${CRSIM:-}" ]; then $CRSIM "$@"; else node "$CLI" "$@"; fi; }

if [ -z "\${SLURM_JOB_ID:-}" ]; then
  # Not inside Slurm: submit the array, then the merge that waits for all of it.
  mkdir -p "$OUT/slurm"
  array_job=$(sbatch --parsable "$0")
  sbatch --parsable --dependency=afterok:"\${array_job%%;*}" --job-name=${jobName}-merge \\
    --cpus-per-task=1 --time=${o.time} --output="$OUT/slurm/%x-%j.out"${o.partition ? ` --partition=${o.partition}` : ''} \\
    --wrap "\${CRSIM:-node '$CLI'} merge ${shardDirs.replace(/"/g, '\\"')} --out '$OUT'"
  echo "submitted array job \${array_job} and its merge job"
  exit 0
fi

# Inside the array: run this task's shard; --resume continues after a requeue.
K="\${SLURM_ARRAY_TASK_ID}"
crsim sweep "$EXPERIMENT" --shard "$K/${o.shards}" --workers "\${SLURM_CPUS_PER_TASK:-${o.workers}}" \\
  --out "$OUT/shards/$K-of-${o.shards}" --resume --quiet${o.warmStart ? ' --warm-start' : ''}
`;
}
