import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for secrets assay must read back. Webhook signing secrets
 * are the case: computing an HMAC needs the secret itself, so unlike API keys
 * and tokens (stored as SHA-256 hashes) they cannot be stored one-way.
 *
 * AES-256-GCM with a random 96-bit IV per encryption; the 128-bit tag makes any
 * change to the stored value fail loudly. The caller's `context` (e.g. the
 * endpoint id) is bound in as additional authenticated data, so a ciphertext
 * copied onto another row does not decrypt there.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url); the version leaves
 * room for a future key rotation scheme.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRETS_KEY_BYTES = 32;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws SecretBoxError when the value is malformed, was changed, belongs to another context or was sealed with another key. */
export function decryptSecret(key: Buffer, sealed: string, context: string): string {
  assertKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || parts.slice(1).some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    throw new SecretBoxError('The stored secret is not in a format this version can read.');
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('The stored secret is not in a format this version can read.');
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('The stored secret cannot be decrypted: SECRETS_ENCRYPTION_KEY differs from the key that encrypted it, or the value was altered.');
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== SECRETS_KEY_BYTES) throw new SecretBoxError(`The encryption key must be ${SECRETS_KEY_BYTES} bytes.`);
}
