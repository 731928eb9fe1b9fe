import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor';

describe('delivery list cursors', () => {
  const cursor = { createdAt: new Date('2026-03-01T10:00:00.123Z'), id: '2f0c7e0e-1c55-4a7e-9d6b-2a4b8f2f9c10' };

  it('round-trips', () => {
    expect(decodeDeliveryCursor(encodeDeliveryCursor(cursor))).toEqual(cursor);
  });

  it('is URL-safe', () => {
    expect(encodeDeliveryCursor(cursor)).toMatch(/^[\w-]+$/);
  });

  it.each([
    ['garbage', '!!!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad date', Buffer.from('["yesterday","2f0c7e0e-1c55-4a7e-9d6b-2a4b8f2f9c10"]').toString('base64url')],
    ['a non-canonical date', Buffer.from('["2026-03-01","2f0c7e0e-1c55-4a7e-9d6b-2a4b8f2f9c10"]').toString('base64url')],
    ['a bad id', Buffer.from('["2026-03-01T10:00:00.123Z","1; DROP TABLE"]').toString('base64url')],
  ])('refuses %s', (_name, raw) => {
    expect(decodeDeliveryCursor(raw)).toBeUndefined();
  });
});
