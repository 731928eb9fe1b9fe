import { childPointer, Issues, optionalArray } from './issues';

describe('childPointer', () => {
  it('appends indices and escapes "~" and "/" in names (RFC 6901)', () => {
    expect(childPointer('', 'resourceSpans')).toBe('/resourceSpans');
    expect(childPointer('/resourceSpans', 0)).toBe('/resourceSpans/0');
    expect(childPointer('/a', 'b/c~d')).toBe('/a/b~1c~0d');
  });
});

describe('Issues', () => {
  it('keeps the first issues up to the limit and counts all', () => {
    const issues = new Issues(2);
    issues.add('/a', 'x');
    issues.add('/b', 'y');
    issues.add('/c', 'z');
    expect(issues.list).toEqual([
      { pointer: '/a', detail: 'x' },
      { pointer: '/b', detail: 'y' },
    ]);
    expect(issues.count).toBe(3);
  });
});

describe('optionalArray', () => {
  it('takes absent and null as empty, and reports anything else that is not an array', () => {
    const issues = new Issues();
    expect(optionalArray(undefined, '/a', issues)).toEqual([]);
    expect(optionalArray(null, '/a', issues)).toEqual([]);
    expect(optionalArray([1], '/a', issues)).toEqual([1]);
    expect(issues.count).toBe(0);
    expect(optionalArray('x', '/a', issues)).toEqual([]);
    expect(issues.list).toEqual([{ pointer: '/a', detail: 'must be an array' }]);
  });
});
