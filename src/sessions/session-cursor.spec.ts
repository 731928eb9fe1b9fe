import { decodeSessionCursor, encodeSessionCursor } from './session-cursor';

describe('session cursors', () => {
  const cursor = { createdAt: new Date('2030-05-06T07:08:09.123Z'), id: '3f0c8a52-8f0e-4b6a-9d8e-1c2b3a4d5e6f' };

  it('round-trip', () => {
    expect(decodeSessionCursor(encodeSessionCursor(cursor))).toEqual(cursor);
  });

  it('refuse anything else', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of [
      '',
      'not a cursor!',
      'x'.repeat(600),
      Buffer.from('{').toString('base64url'),
      encode({ createdAt: '2030-05-06T07:08:09.123Z', id: cursor.id }),
      encode(['2030-05-06T07:08:09.123Z']),
      encode(['yesterday', cursor.id]),
      encode(['2030-05-06T07:08:09Z', cursor.id]),
      encode(['2030-05-06T07:08:09.123Z', 'not-a-uuid']),
      encode([1, cursor.id]),
    ]) {
      expect(decodeSessionCursor(text)).toBeUndefined();
    }
  });
});
