import { randomBytes } from 'node:crypto';
import { RANDOM_PART_LENGTH, SECRET_PREFIX, generateOpaqueToken, sha256Hex } from './secrets';

/**
 * An API key reads `assay_ak_<id>_<secret>`: the id (12 hex characters) is
 * public and finds the row; the secret (256 bits) proves possession. The
 * stored `prefix` is `assay_ak_<id>`, which is also what lists show.
 */
const KEY_ID_LENGTH = 12;
const API_KEY_PATTERN = new RegExp(`^(${SECRET_PREFIX.apiKey}[0-9a-f]{${KEY_ID_LENGTH}})_[A-Za-z0-9_-]{${RANDOM_PART_LENGTH}}$`);

export interface NewApiKey {
  /** The whole key, shown to its creator once. */
  key: string;
  /** Public part stored in clear and used for lookup. */
  prefix: string;
  /** SHA-256 of the whole key, the only form of the secret that is stored. */
  secretHash: string;
}

export function generateApiKey(): NewApiKey {
  const prefix = `${SECRET_PREFIX.apiKey}${randomBytes(KEY_ID_LENGTH / 2).toString('hex')}`;
  const key = `${prefix}_${generateOpaqueToken('')}`;
  return { key, prefix, secretHash: sha256Hex(key) };
}

/** True for anything that claims to be an API key, well-formed or not. */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(SECRET_PREFIX.apiKey);
}

/** The lookup prefix of a well-formed key, or null when the key cannot be one of ours. */
export function parseApiKeyPrefix(token: string): string | null {
  return API_KEY_PATTERN.exec(token)?.[1] ?? null;
}
