import { InvalidArgumentError } from 'commander';

/** A non-negative whole-number option (seeds, replicate indexes, worker counts). */
export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** A positive whole-number option (replicate counts). */
export function parsePositiveWholeNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

/** A master seed or replicate index. */
export const parseSeed = parseWholeNumber;
