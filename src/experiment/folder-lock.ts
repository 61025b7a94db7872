/**
 * One writer per output folder. `crsim sweep`, `--resume` and `crsim merge` hold an exclusive lock
 * file in the folder while they write, so a second writer is refused (naming the holder) instead of
 * both appending to and rewriting the same tables and losing runs.
 *
 * The lock file is created with O_EXCL and holds the holder's pid, host, command and start time. A
 * lock left by a process that died (SIGKILL, power loss) is detected — same host, pid no longer
 * alive — and taken over; breaking it happens under a second, short-lived O_EXCL file, so two
 * processes that find the same stale lock cannot both take it. A lock held on another host cannot
 * be checked and is never broken automatically: the message says which file to delete.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { UserError } from '../user-error.js';

export const LOCK_FILE = '.crsim.lock';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
}

/** A breaker file older than this belongs to a process that died while breaking a lock. */
const BREAKER_STALE_MS = 30_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readHolder(file: string): { text: string; holder?: LockHolder } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const h = JSON.parse(text);
    if (Number.isInteger(h.pid) && typeof h.host === 'string') return { text, holder: h };
  } catch {
    // being written right now, or damaged: judged by its age below
  }
  return { text };
}

/** Whether the process that wrote the lock can be shown to be gone. */
function isStale(file: string, found: { holder?: LockHolder }): boolean {
  const h = found.holder;
  if (!h) {
    // Unreadable: a writer is between creating and filling it, or died right there.
    try {
      return Date.now() - statSync(file).mtimeMs > BREAKER_STALE_MS;
    } catch {
      return false;
    }
  }
  if (h.host !== hostname()) return false;
  if (h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function describe(h: LockHolder | undefined): string {
  return h ? `crsim ${h.command} (pid ${h.pid} on host ${h.host}, since ${h.since})` : 'another crsim process';
}

/** Removes a stale lock, unless someone replaced it meanwhile; done under an O_EXCL breaker file. */
function breakStale(file: string, staleText: string): void {
  const breaker = `${file}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) unlinkSync(breaker);
    } catch {
      // gone already
    }
    return; // someone else is breaking it; try again
  }
  try {
    closeSync(fd);
    const now = readHolder(file);
    if (now && now.text === staleText) unlinkSync(file);
  } finally {
    unlinkSync(breaker);
  }
}

export class FolderLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(readonly file: string, readonly holder: LockHolder) {
    process.on('exit', this.onExit);
  }

  /**
   * Takes the lock of `dir` (created if missing) for `command`, or throws a UserError naming the
   * process that holds it.
   */
  static acquire(dir: string, command: string): FolderLock {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, LOCK_FILE);
    const holder: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), token: randomUUID() };
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        try {
          writeSync(fd, JSON.stringify(holder) + '\n');
        } finally {
          closeSync(fd);
        }
        return new FolderLock(file, holder);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const found = readHolder(file);
      if (!found) continue; // released meanwhile
      if (!isStale(file, found)) {
        if (!found.holder && attempt < 20) {
          sleepSync(10); // probably being written this instant
          continue;
        }
        throw new UserError(
          `${dir} is in use by ${describe(found.holder)}; wait for it to finish. If that process is gone, delete ${file} and try again.`,
        );
      }
      breakStale(file, found.text);
      sleepSync(5);
    }
    throw new UserError(`could not take the lock ${file}: other processes keep taking it`);
  }

  /** Deletes the lock file if it is still this process's. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    const now = readHolder(this.file);
    if (now?.holder?.token === this.holder.token) {
      try {
        unlinkSync(this.file);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Runs `body` holding the locks of `dirs` (each taken once, in sorted order), releasing them
 * after. Folders in `readable` are only read: one this process may not write to (a read-only
 * shard on a cluster) is read without a lock, since no crsim of this user can be writing it.
 */
export function withFolderLocks<T>(dirs: string[], command: string, body: () => T, readable: ReadonlySet<string> = new Set()): T {
  const locks: FolderLock[] = [];
  try {
    for (const dir of [...new Set(dirs)].sort()) {
      try {
        locks.push(FolderLock.acquire(dir, command));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!(readable.has(dir) && (code === 'EACCES' || code === 'EROFS' || code === 'EPERM'))) throw e;
      }
    }
    return body();
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}
