import { readAnyValue, readAttributes } from './any-value';
import { Issues } from './issues';

function value(raw: unknown) {
  const issues = new Issues();
  return { value: readAnyValue(raw, '/v', issues), issues: issues.list };
}

describe('readAnyValue', () => {
  it.each([
    [{ stringValue: 'checkout' }, 'checkout'],
    [{ boolValue: false }, false],
    [{ intValue: '42' }, 42],
    [{ intValue: 42 }, 42],
    [{ intValue: '-7' }, -7],
    [{ intValue: '9223372036854775807' }, '9223372036854775807'],
    [{ doubleValue: 0.5 }, 0.5],
    [{ doubleValue: 'Infinity' }, Number.POSITIVE_INFINITY],
    [{ bytesValue: 'AAEC' }, 'AAEC'],
    [{ arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } }, ['a', 1]],
    [{ arrayValue: {} }, []],
    [{ kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } }, { k: true }],
    [{}, null],
    [undefined, null],
    [{ stringValue: null, intValue: 3 }, 3],
    [{ unknownValue: 'x' }, null],
  ])('reads %j', (raw, expected) => {
    expect(value(raw)).toEqual({ value: expected, issues: [] });
  });

  it.each([
    [{ stringValue: 1 }, '/v/stringValue', 'must be a string'],
    [{ boolValue: 'true' }, '/v/boolValue', 'must be a boolean'],
    [{ intValue: '4.2' }, '/v/intValue', 'must be an integer (a JSON number or a decimal string)'],
    [{ intValue: 4.2 }, '/v/intValue', 'must be an integer (a JSON number or a decimal string)'],
    [{ doubleValue: 'lots' }, '/v/doubleValue', 'must be a number'],
    [{ arrayValue: [] }, '/v/arrayValue', 'must be an object with a values array'],
    [{ arrayValue: { values: {} } }, '/v/arrayValue/values', 'must be an array'],
    [{ stringValue: 'a', intValue: 1 }, '/v', 'must set exactly one of stringValue, boolValue, intValue, doubleValue, arrayValue, kvlistValue, bytesValue, not stringValue and intValue'],
    ['plain', '/v', expect.stringContaining('must be an AnyValue object')],
  ])('refuses %j at %s', (raw, pointer, detail) => {
    expect(value(raw).issues).toEqual([{ pointer, detail }]);
  });

  it('points into nested values', () => {
    expect(value({ arrayValue: { values: [{ stringValue: 'a' }, { boolValue: 1 }] } }).issues).toEqual([{ pointer: '/v/arrayValue/values/1/boolValue', detail: 'must be a boolean' }]);
  });

  it('refuses values nested deeper than 8 levels instead of recursing without end', () => {
    let raw: unknown = { stringValue: 'deep' };
    for (let i = 0; i < 10_000; i += 1) raw = { arrayValue: { values: [raw] } };
    const { issues } = value(raw);
    expect(issues).toHaveLength(1);
    expect(issues[0].detail).toBe('nests deeper than 8 levels');
    expect(issues[0].pointer.split('/arrayValue').length - 1).toBe(9);
  });
});

describe('readAttributes', () => {
  function attributes(raw: unknown) {
    const issues = new Issues();
    return { attributes: readAttributes(raw, '/a', issues), issues: issues.list };
  }

  it('reads a KeyValue list into a record; the last of a repeated key wins', () => {
    const { attributes: read, issues } = attributes([
      { key: 'service.name', value: { stringValue: 'a' } },
      { key: 'service.name', value: { stringValue: 'b' } },
      { key: 'empty' },
    ]);
    expect(issues).toEqual([]);
    expect({ ...read }).toEqual({ 'service.name': 'b', empty: null });
  });

  it('keeps a "__proto__" key as an ordinary attribute', () => {
    const { attributes: read } = attributes(JSON.parse('[{"key":"__proto__","value":{"stringValue":"x"}}]'));
    expect(Object.keys(read)).toEqual(['__proto__']);
    expect(read['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    [{}, '/a', 'must be an array'],
    [['x'], '/a/0', 'must be an object with key and value'],
    [[{ value: { stringValue: 'x' } }], '/a/0/key', 'must be a string'],
  ])('refuses %j', (raw, pointer, detail) => {
    expect(attributes(raw).issues).toEqual([{ pointer, detail }]);
  });

  it('accepts an absent list', () => {
    expect(attributes(undefined)).toEqual({ attributes: {}, issues: [] });
  });
});
