/**
 * Passwords: argon2id hashes (`@node-rs/argon2`, its defaults: 19 MiB, 2 passes) and the one rule they must
 * meet. A password is never logged, echoed or returned; only its hash is stored.
 */
import { hash, verify } from '@node-rs/argon2';
import { UserError } from '../../core/errors.ts';

/** Shortest and longest passwords accepted. Length beats composition rules (NIST SP 800-63B). */
export const passwordLength = { min: 10, max: 1000 } as const;

// 2 is argon2id; the package's enum is a `const enum`, which isolated modules cannot import.
const argon2id = 2;

/** @throws UserError when `password` is too short or too long (the message never contains it). */
export function checkPassword(password: string): void {
  if (password.length < passwordLength.min) throw new UserError(`the password is too short: use at least ${passwordLength.min} characters`, 'password');
  if (password.length > passwordLength.max) throw new UserError(`the password is too long: at most ${passwordLength.max} characters`, 'password');
}

/** The argon2id hash of `password` (PHC string with its own salt). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/** True when `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the time of one verification on a made-up hash, so a login for a name that does not exist takes as
 * long as one with a wrong password, and timing does not tell which names exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password, only a timing decoy');
  await verifyPassword(await dummy, password);
  return false;
}
