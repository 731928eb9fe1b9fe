import { timestampAfter } from './review-clock';

describe('timestampAfter', () => {
  const now = new Date('2026-05-01T10:00:00.000Z');

  it('is now when nothing came before, or the last change is older', () => {
    expect(timestampAfter(null, now)).toEqual(now);
    expect(timestampAfter(new Date('2026-05-01T09:59:59.999Z'), now)).toEqual(now);
  });

  it('is one millisecond after a change made in the same millisecond or later', () => {
    expect(timestampAfter(now, now).toISOString()).toBe('2026-05-01T10:00:00.001Z');
    expect(timestampAfter(new Date('2026-05-01T10:00:05.000Z'), now).toISOString()).toBe('2026-05-01T10:00:05.001Z');
  });
});
