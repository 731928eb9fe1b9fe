import { invitationStatus } from './members.mapper';

const now = new Date('2026-01-10T12:00:00Z');
const later = new Date('2026-01-17T12:00:00Z');
const earlier = new Date('2026-01-03T12:00:00Z');

describe('invitationStatus', () => {
  it('is pending while open and before expiry', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('pending');
  });

  it('is expired from the expiry instant on', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
  });

  it('reports what happened over expiry: accepted, then revoked', () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('accepted');
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe('revoked');
  });
});
