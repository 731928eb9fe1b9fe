import { decodeCursor, encodeCursor } from './list-cursor';

describe('interview list cursor', () => {
  const cursor = { createdAt: new Date('2025-03-04T05:06:07.089Z'), id: '0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e' };

  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['not a pair', Buffer.from('["2025-03-04T05:06:07.089Z"]').toString('base64url')],
    ['a bad id', Buffer.from('["2025-03-04T05:06:07.089Z","x"]').toString('base64url')],
    ['a bad time', Buffer.from(`["yesterday","${cursor.id}"]`).toString('base64url')],
    ['an impossible date', Buffer.from(`["2025-02-31T00:00:00.000Z","${cursor.id}"]`).toString('base64url')],
    ['too long', 'a'.repeat(600)],
  ])('rejects %s', (_name, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
