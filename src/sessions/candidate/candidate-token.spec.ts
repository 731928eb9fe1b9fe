import { createHash } from 'node:crypto';
import { generateCandidateToken, isWellFormedCandidateToken } from './candidate-token';

describe('candidate tokens', () => {
  it('are assay_cs_ and 43 base64url characters (256 bits), hashed with SHA-256', () => {
    const { token, tokenHash } = generateCandidateToken();
    expect(token).toMatch(/^assay_cs_[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('are fresh every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => generateCandidateToken().token));
    expect(tokens.size).toBe(50);
  });

  it('recognises only well-formed tokens', () => {
    const { token } = generateCandidateToken();
    expect(isWellFormedCandidateToken(token)).toBe(true);
    expect(isWellFormedCandidateToken(`${token}x`)).toBe(false);
    expect(isWellFormedCandidateToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedCandidateToken(token.replace('assay_cs_', 'assay_ak_'))).toBe(false);
    expect(isWellFormedCandidateToken(`${token.slice(0, -1)}!`)).toBe(false);
    expect(isWellFormedCandidateToken('')).toBe(false);
    expect(isWellFormedCandidateToken('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false);
  });
});
