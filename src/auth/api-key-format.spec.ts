import { generateApiKey, looksLikeApiKey, parseApiKeyPrefix } from './api-key-format';
import { sha256Hex } from './secrets';

describe('generateApiKey', () => {
  it('builds assay_ak_<12 hex>_<43 base64url> and hashes the whole key', () => {
    const { key, prefix, secretHash } = generateApiKey();
    expect(key).toMatch(/^assay_ak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toMatch(/^assay_ak_[0-9a-f]{12}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(secretHash).toBe(sha256Hex(key));
  });

  it('gives every key its own prefix', () => {
    const prefixes = new Set(Array.from({ length: 500 }, () => generateApiKey().prefix));
    expect(prefixes.size).toBe(500);
  });
});

describe('parseApiKeyPrefix', () => {
  it('returns the prefix of a generated key', () => {
    const { key, prefix } = generateApiKey();
    expect(parseApiKeyPrefix(key)).toBe(prefix);
  });

  it('accepts underscores and dashes inside the secret part', () => {
    const key = `assay_ak_0123456789ab_${'_-'.repeat(21)}A`;
    expect(parseApiKeyPrefix(key)).toBe('assay_ak_0123456789ab');
  });

  it.each([
    ['no secret', 'assay_ak_0123456789ab'],
    ['a short secret', `assay_ak_0123456789ab_${'a'.repeat(42)}`],
    ['a long secret', `assay_ak_0123456789ab_${'a'.repeat(44)}`],
    ['an upper-case id', `assay_ak_0123456789AB_${'a'.repeat(43)}`],
    ['a short id', `assay_ak_0123456789a_${'a'.repeat(43)}`],
    ['another prefix', `assay_rt_0123456789ab_${'a'.repeat(43)}`],
    ['a character outside base64url', `assay_ak_0123456789ab_${'a'.repeat(42)}+`],
    ['trailing whitespace', `assay_ak_0123456789ab_${'a'.repeat(43)} `],
    ['the empty string', ''],
  ])('rejects %s', (_label, token) => {
    expect(parseApiKeyPrefix(token)).toBeNull();
  });
});

describe('looksLikeApiKey', () => {
  it('routes by prefix only, so malformed keys are still judged as keys', () => {
    expect(looksLikeApiKey('assay_ak_garbage')).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false);
    expect(looksLikeApiKey('assay_rt_x')).toBe(false);
  });
});
