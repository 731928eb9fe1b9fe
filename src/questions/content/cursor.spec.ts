import fc from 'fast-check';
import { decodeCursor, encodeCursor, type ListCursor } from './cursor';

const ID = '0b6f3c1e-2a4d-4c8b-9e7f-1a2b3c4d5e6f';

describe('list cursors', () => {
  it('round-trip a browse cursor', () => {
    const cursor: ListCursor = { mode: 'browse', sectionOrder: 3, section: 'Sampling', slug: 'why-sample-traces-at-all', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('round-trip a search cursor with a float rank exactly', () => {
    const cursor: ListCursor = { mode: 'search', rank: 0.30000001192092896, slug: 'x', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('are URL-safe base64 without padding', () => {
    const text = encodeCursor({ mode: 'browse', sectionOrder: 0, section: 'Tricky / Trap Questions ÿ', slug: 'a', id: ID });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('round-trip arbitrary valid cursors', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100000 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.uuid(), (sectionOrder, section, slug, id) => {
        const cursor: ListCursor = { mode: 'browse', sectionOrder, section, slug, id };
        expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
    );
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['a JSON object', encode({ mode: 'browse' })],
    ['an unknown tag', encode(['x', 1, 'a', 'b', ID])],
    ['a browse cursor with a bad id', encode(['b', 1, 'a', 'b', 'not-a-uuid'])],
    ['a browse cursor with a fractional order', encode(['b', 1.5, 'a', 'b', ID])],
    ['a browse cursor with a missing field', encode(['b', 1, 'a', ID])],
    ['a search cursor with a negative rank', encode(['s', -1, 'a', ID])],
    ['a search cursor with a string rank', encode(['s', '0.5', 'a', ID])],
    ['an overlong cursor', 'A'.repeat(3000)],
    ['an overlong slug', encode(['s', 0.5, 'x'.repeat(600), ID])],
  ])('reject %s', (_name, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });

  it('never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(() => decodeCursor(text)).not.toThrow();
      }),
    );
  });
});
