/**
 * Checking flag values at the edge: one line naming the flag, the value and what is expected.
 */
import { UserError } from '../core/errors.ts';

/** `value` if it is one of `allowed`. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UserError(`invalid ${flag} "${value}": expected one of ${allowed.join(', ')}`, flag);
  return value as T;
}

/** A whole number from `min` to `max`, written in plain digits (not `0x10`, `1e2` or ` 5`, which Number() takes). */
export function wholeNumber(flag: string, value: string, max: number, min = 1): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`invalid ${flag} "${value}": expected a whole number from ${min} to ${max}`, flag);
  return n;
}
