import { createDecipheriv, randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, SecretBoxError } from './secret-box';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const SECRET = 'whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const CONTEXT = 'webhook-endpoint:5b0e4a49-8d5c-4bd0-9f0e-2f7c1c9e2f11';

describe('secret box (AES-256-GCM at rest)', () => {
  it('round-trips a secret', () => {
    expect(decryptSecret(KEY, encryptSecret(KEY, SECRET, CONTEXT), CONTEXT)).toBe(SECRET);
  });

  it('never contains the plaintext, and differs every time (random IV)', () => {
    const first = encryptSecret(KEY, SECRET, CONTEXT);
    const second = encryptSecret(KEY, SECRET, CONTEXT);
    expect(first).not.toBe(second);
    for (const sealed of [first, second]) {
      expect(sealed).not.toContain(SECRET);
      expect(sealed).not.toContain(SECRET.slice(6, 20));
      expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url').slice(0, 16));
      expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    }
  });

  it('is standard AES-256-GCM: Node decrypts it directly with the same key, IV, tag and AAD', () => {
    const [, iv, tag, ciphertext] = encryptSecret(KEY, SECRET, CONTEXT).split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', KEY, iv);
    decipher.setAAD(Buffer.from(CONTEXT));
    decipher.setAuthTag(tag);
    expect(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString()).toBe(SECRET);
  });

  it('refuses another key', () => {
    expect(() => decryptSecret(randomBytes(32), encryptSecret(KEY, SECRET, CONTEXT), CONTEXT)).toThrow(SecretBoxError);
  });

  it('refuses a ciphertext moved to another context (another endpoint)', () => {
    expect(() => decryptSecret(KEY, encryptSecret(KEY, SECRET, CONTEXT), 'webhook-endpoint:other')).toThrow(/cannot be decrypted/);
  });

  it.each([
    ['the ciphertext', 3],
    ['the tag', 2],
    ['the IV', 1],
  ])('detects a change to %s', (_name, index) => {
    const parts = encryptSecret(KEY, SECRET, CONTEXT).split('.');
    const bytes = Buffer.from(parts[index], 'base64url');
    bytes[0] ^= 1;
    parts[index] = bytes.toString('base64url');
    expect(() => decryptSecret(KEY, parts.join('.'), CONTEXT)).toThrow(SecretBoxError);
  });

  it.each(['', 'whsec_plaintext', 'v2.a.b.c', 'v1.a.b', 'v1.!!.??.**', `v1.${'A'.repeat(16)}.${'A'.repeat(10)}.AAAA`])('refuses the malformed value %p', (sealed) => {
    expect(() => decryptSecret(KEY, sealed, CONTEXT)).toThrow(/not in a format/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptSecret(randomBytes(16), SECRET, CONTEXT)).toThrow(/32 bytes/);
    expect(() => decryptSecret(randomBytes(31), 'v1.a.b.c', CONTEXT)).toThrow(/32 bytes/);
  });
});
