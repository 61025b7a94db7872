import { InvalidArgumentError } from 'commander';

/** A non-negative integer option (seeds, replicate counts). */
export function parseSeed(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(value);
}
