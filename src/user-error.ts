/**
 * A mistake the user can fix (a wrong path, a folder held by another process, a damaged file):
 * the command line prints its message on one line and exits 1, without a stack trace. Anything
 * else that escapes a command is a bug and exits 2.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** File-system errors that come from what the user named (a file where a folder should be, no permission, a full disk). */
const USER_FS_CODES = new Set(['EEXIST', 'ENOTDIR', 'EISDIR', 'ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'ELOOP']);

const FS_REASONS: Record<string, string> = {
  EEXIST: 'a file is in the way',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** A Node file-system error turned into a one-line UserError naming the path, or undefined for anything else. */
export function userFsError(e: unknown): UserError | undefined {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (!err || typeof err.code !== 'string' || !USER_FS_CODES.has(err.code)) return undefined;
  const path = err.dest ?? err.path;
  return new UserError(`cannot ${err.syscall ?? 'use'} ${path ?? 'a file'}: ${FS_REASONS[err.code]} (${err.code})`);
}
