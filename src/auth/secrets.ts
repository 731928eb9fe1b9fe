import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Type prefixes make a leaked secret recognisable (by people and by secret
 * scanners) and let the bearer guard tell API keys from JWTs without parsing.
 */
export const SECRET_PREFIX = {
  refreshToken: 'assay_rt_',
  invitation: 'assay_inv_',
  apiKey: 'assay_ak_',
  candidateSession: 'assay_cs_',
} as const;

/** 256 random bits encode to 43 base64url characters. */
export const RANDOM_PART_LENGTH = 43;

/** A fresh opaque token: the prefix followed by 256 random bits (base64url). */
export function generateOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256, hex. A fast hash is enough at rest because every secret hashed with
 * it carries 256 random bits: there is nothing to brute-force. Passwords,
 * which are guessable, go through argon2id instead (see passwords.ts).
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares two hex digests without leaking, through timing, where they first differ. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
