import { InvalidArgumentError } from 'commander';

/** A non-negative whole-number option (worker counts). */
export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** A positive whole-number option (replicate counts). */
export function parsePositiveWholeNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number');
  if (!Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`expected at most ${Number.MAX_SAFE_INTEGER}`);
  return Number(value);
}

/**
 * A master seed or replicate index: a whole number in 0..2^53−1, exactly. Larger numbers cannot
 * be held exactly (9007199254740993 would silently become …992, another run), so they are refused.
 */
export function parseSeed(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (2^53−1); ${value} cannot be held exactly`);
  return n;
}

/** A TCP port: 0 (any free one) to 65535. */
export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
}

/** A worker-thread count: 0 (run in this thread) to 1024; more would only exhaust memory. */
export function parseWorkers(value: string): number {
  const n = parseWholeNumber(value);
  if (n > 1024) throw new InvalidArgumentError('expected at most 1024 worker threads');
  return n;
}
