import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How assay signs webhook deliveries, and how a receiver checks them.
 *
 *   assay-webhook-timestamp: 1767225600                      (unix seconds, when this attempt was sent)
 *   assay-webhook-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * The key is the whole secret string as shown at creation (`whsec_…`, UTF-8),
 * the message the timestamp, a dot and the exact bytes of the body. Signing the
 * timestamp lets a receiver refuse replays of an old delivery: accept only
 * timestamps within a few minutes of its own clock. Every attempt is signed
 * afresh, so retries carry a current timestamp. The header may list several
 * space- or comma-separated signatures (`v1=… v1=…`); one match is enough, and
 * versions a verifier does not know are ignored.
 *
 * Pure and dependency-free so receivers (and tests) can use it as it is.
 */
export const SIGNATURE_SCHEME = 'v1';
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type Body = string | Buffer;

export function signatureBase(timestamp: number, body: Body): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

/** The value of `assay-webhook-signature` for one attempt. */
export function signPayload(secret: string, timestamp: number, body: Body): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('timestamp must be a non-negative integer (unix seconds)');
  return `${SIGNATURE_SCHEME}=${hmacHex(secret, signatureBase(timestamp, body))}`;
}

export type VerificationFailure = 'missing-header' | 'malformed-timestamp' | 'timestamp-outside-tolerance' | 'no-valid-signature';
export type VerificationResult = { valid: true; timestamp: number } | { valid: false; reason: VerificationFailure };

export interface VerifyInput {
  secret: string;
  /** The raw request body, exactly as received (re-serialised JSON will not match). */
  body: Body;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  /** Defaults to the current time. */
  now?: Date;
  toleranceSeconds?: number;
}

/** Checks a delivery the way a receiver should: fresh timestamp, then a constant-time signature comparison. */
export function verifySignature(input: VerifyInput): VerificationResult {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { valid: false, reason: 'missing-header' };
  if (!/^\d{1,12}$/.test(timestampHeader.trim())) return { valid: false, reason: 'malformed-timestamp' };
  const timestamp = Number(timestampHeader.trim());
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  // Both ways: the sender's clock may run a little ahead of the receiver's.
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { valid: false, reason: 'timestamp-outside-tolerance' };
  }
  const expected = Buffer.from(hmacHex(input.secret, signatureBase(timestamp, input.body)), 'hex');
  let matched = false;
  for (const candidate of parseSignatures(signatureHeader)) {
    // Every candidate is compared (no early exit), each in constant time.
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched ? { valid: true, timestamp } : { valid: false, reason: 'no-valid-signature' };
}

/** The v1 digests in a signature header; anything else in it is skipped. */
export function parseSignatures(header: string): Buffer[] {
  return header
    .split(/[\s,]+/)
    .map((part) => /^v1=([0-9a-f]{64})$/i.exec(part))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Buffer.from(match[1], 'hex'));
}

function hmacHex(secret: string, message: Buffer): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message).digest('hex');
}
