import { createHmac } from 'node:crypto';
import { DEFAULT_TOLERANCE_SECONDS, parseSignatures, signatureBase, signPayload, verifySignature } from './signature';

// Published vector for this scheme (README), computed outside Node with
//   printf '%s' '1767225600.<BODY>' | openssl dgst -sha256 -hmac '<SECRET>' -hex
// and cross-checked with Python's hmac module.
const VECTOR = {
  secret: 'whsec_test_vector_secret_do_not_use_in_production',
  timestamp: 1767225600,
  body: '{"id":"3f2b8c1e-7d4a-4e59-9a0b-6c1d2e3f4a5b","type":"ping","createdAt":"2026-01-01T00:00:00.000Z","data":{}}',
  signature: 'v1=f81073cd61aebba7981be60d289262ca5eb7b7dd748a13effe4581990dc7fa66',
};
const AT_VECTOR_TIME = new Date(VECTOR.timestamp * 1000);

describe('webhook signatures', () => {
  it('uses HMAC-SHA256 as published (RFC 4231, test case 2)', () => {
    // Guards the primitive the scheme is built on, independently of the scheme.
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('signs the published test vector', () => {
    expect(signPayload(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('signs the UTF-8 bytes of the body, as a Buffer or a string alike', () => {
    const body = '{"note":"café ✓"}'; // vector computed with Python's hmac over the UTF-8 encoding
    const expected = 'v1=f1de57ed5ef5ca4ccdc12bf34632218e8c2ed7339b72a94ff765862724b473a3';
    expect(signPayload(VECTOR.secret, VECTOR.timestamp, body)).toBe(expected);
    expect(signPayload(VECTOR.secret, VECTOR.timestamp, Buffer.from(body, 'utf8'))).toBe(expected);
  });

  it('signs "<timestamp>.<body>"', () => {
    expect(signatureBase(12, 'abc').toString('utf8')).toBe('12.abc');
  });

  it('refuses a timestamp that is not whole unix seconds', () => {
    expect(() => signPayload(VECTOR.secret, 1.5, VECTOR.body)).toThrow(RangeError);
    expect(() => signPayload(VECTOR.secret, -1, VECTOR.body)).toThrow(RangeError);
  });

  describe('verification', () => {
    const valid = { secret: VECTOR.secret, body: VECTOR.body, timestampHeader: String(VECTOR.timestamp), signatureHeader: VECTOR.signature, now: AT_VECTOR_TIME };

    it('accepts the published vector', () => {
      expect(verifySignature(valid)).toEqual({ valid: true, timestamp: VECTOR.timestamp });
    });

    it('accepts a Buffer body', () => {
      expect(verifySignature({ ...valid, body: Buffer.from(VECTOR.body) }).valid).toBe(true);
    });

    it('rejects a body changed by one character', () => {
      expect(verifySignature({ ...valid, body: VECTOR.body.replace('ping', 'pong') })).toEqual({ valid: false, reason: 'no-valid-signature' });
    });

    it('rejects another secret', () => {
      expect(verifySignature({ ...valid, secret: `${VECTOR.secret}x` })).toEqual({ valid: false, reason: 'no-valid-signature' });
    });

    it('rejects a signature moved to another timestamp (the timestamp is signed)', () => {
      const moved = { ...valid, timestampHeader: String(VECTOR.timestamp + 1) };
      expect(verifySignature(moved)).toEqual({ valid: false, reason: 'no-valid-signature' });
    });

    it('accepts timestamps within the tolerance either way, and rejects older or newer ones', () => {
      const sign = (timestamp: number) => ({ ...valid, timestampHeader: String(timestamp), signatureHeader: signPayload(VECTOR.secret, timestamp, VECTOR.body) });
      expect(verifySignature(sign(VECTOR.timestamp - DEFAULT_TOLERANCE_SECONDS)).valid).toBe(true);
      expect(verifySignature(sign(VECTOR.timestamp + DEFAULT_TOLERANCE_SECONDS)).valid).toBe(true);
      expect(verifySignature(sign(VECTOR.timestamp - DEFAULT_TOLERANCE_SECONDS - 1))).toEqual({ valid: false, reason: 'timestamp-outside-tolerance' });
      expect(verifySignature(sign(VECTOR.timestamp + DEFAULT_TOLERANCE_SECONDS + 1))).toEqual({ valid: false, reason: 'timestamp-outside-tolerance' });
      expect(verifySignature({ ...sign(VECTOR.timestamp - 60), toleranceSeconds: 30 })).toEqual({ valid: false, reason: 'timestamp-outside-tolerance' });
    });

    it('defaults "now" to the clock', () => {
      const timestamp = Math.floor(Date.now() / 1000);
      const fresh = { secret: VECTOR.secret, body: VECTOR.body, timestampHeader: String(timestamp), signatureHeader: signPayload(VECTOR.secret, timestamp, VECTOR.body) };
      expect(verifySignature(fresh).valid).toBe(true);
      // The vector's 2026-01-01 timestamp is far from the real clock.
      expect(verifySignature({ ...valid, now: undefined })).toEqual({ valid: false, reason: 'timestamp-outside-tolerance' });
    });

    it.each([
      ['no timestamp', { timestampHeader: undefined }, 'missing-header'],
      ['no signature', { signatureHeader: undefined }, 'missing-header'],
      ['an empty signature', { signatureHeader: '' }, 'missing-header'],
      ['a timestamp in milliseconds-with-decimals', { timestampHeader: '1767225600.5' }, 'malformed-timestamp'],
      ['a non-numeric timestamp', { timestampHeader: 'yesterday' }, 'malformed-timestamp'],
      ['a negative timestamp', { timestampHeader: '-1767225600' }, 'malformed-timestamp'],
      ['an unknown scheme only', { signatureHeader: VECTOR.signature.replace('v1=', 'v0=') }, 'no-valid-signature'],
      ['a truncated digest', { signatureHeader: VECTOR.signature.slice(0, -2) }, 'no-valid-signature'],
      ['a bare digest without scheme', { signatureHeader: VECTOR.signature.slice(3) }, 'no-valid-signature'],
    ] as const)('rejects %s', (_name, change, reason) => {
      expect(verifySignature({ ...valid, ...change })).toEqual({ valid: false, reason });
    });

    it('accepts a header listing several signatures when one matches', () => {
      const other = `v1=${'0'.repeat(64)}`;
      expect(verifySignature({ ...valid, signatureHeader: `${other} ${VECTOR.signature}` }).valid).toBe(true);
      expect(verifySignature({ ...valid, signatureHeader: `v2=abc,${VECTOR.signature}` }).valid).toBe(true);
      expect(verifySignature({ ...valid, signatureHeader: `${other}, v1=${'f'.repeat(64)}` }).valid).toBe(false);
    });

    it('compares hex case-insensitively (the digest, not its spelling, is signed)', () => {
      expect(verifySignature({ ...valid, signatureHeader: `v1=${VECTOR.signature.slice(3).toUpperCase()}` }).valid).toBe(true);
    });
  });

  it('parses only well-formed v1 digests out of a header', () => {
    expect(parseSignatures(`v1=${'a'.repeat(64)}, junk v1=xyz v1=${'b'.repeat(64)}`).map((b) => b.toString('hex'))).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(parseSignatures('')).toEqual([]);
  });
});
