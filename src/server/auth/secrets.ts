/**
 * Random secrets and their hashes. Session ids and API tokens are 32 random bytes (base64url); the store keeps
 * only their SHA-256, so a copy of the database file does not let anyone in. SHA-256 (not argon2) is right here:
 * the secrets are random and long, so there is nothing to brute-force, and every request checks one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `bytes` random bytes as base64url text (43 characters for the default 32). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 of `secret`, as hex. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The prefix of API tokens, so a leaked one is recognisable (and secret scanners can find it). */
export const tokenPrefix = 'sitrep_';
