import { createHash } from 'node:crypto';
import { digestsEqual, generateOpaqueToken, RANDOM_PART_LENGTH, SECRET_PREFIX, sha256Hex } from './secrets';

describe('generateOpaqueToken', () => {
  it('puts the prefix before 256 random bits in base64url', () => {
    const token = generateOpaqueToken(SECRET_PREFIX.refreshToken);
    expect(token.startsWith('assay_rt_')).toBe(true);
    const random = token.slice('assay_rt_'.length);
    expect(random).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(random).toHaveLength(RANDOM_PART_LENGTH);
    expect(Buffer.from(random, 'base64url')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateOpaqueToken('x_')));
    expect(tokens.size).toBe(1000);
  });
});

describe('sha256Hex', () => {
  it('is the lower-case hex SHA-256 of the UTF-8 text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é')).toBe(createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex'));
  });

  it('differs for inputs that differ in one character', () => {
    expect(sha256Hex('assay_rt_a')).not.toBe(sha256Hex('assay_rt_b'));
  });
});

describe('digestsEqual', () => {
  it('is true only for identical digests', () => {
    const digest = sha256Hex('secret');
    expect(digestsEqual(digest, sha256Hex('secret'))).toBe(true);
    expect(digestsEqual(digest, sha256Hex('Secret'))).toBe(false);
  });

  it('is false, without throwing, when the lengths differ', () => {
    expect(digestsEqual('abcd', 'abc')).toBe(false);
    expect(digestsEqual('', 'a')).toBe(false);
  });
});
