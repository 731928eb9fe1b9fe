import { Issues } from './issues';
import { readId, readKind, readNanos, readParentIsRemote, readStatusCode } from './scalars';

function read<T>(reader: (value: unknown, pointer: string, issues: Issues) => T, value: unknown): { value: T; issues: string[] } {
  const issues = new Issues();
  const result = reader(value, '/x', issues);
  return { value: result, issues: issues.list.map((issue) => `${issue.pointer}: ${issue.detail}`) };
}

describe('readId', () => {
  const traceId = (value: unknown) => read((v, p, i) => readId(v, 16, p, i), value);
  const spanId = (value: unknown) => read((v, p, i) => readId(v, 8, p, i), value);

  it('lower-cases valid hex ids', () => {
    expect(traceId('4BF92F3577B34DA6A3CE929D0E0E4736')).toEqual({ value: '4bf92f3577b34da6a3ce929d0e0e4736', issues: [] });
    expect(spanId('00f067aa0ba902b7')).toEqual({ value: '00f067aa0ba902b7', issues: [] });
  });

  it.each([['4bf92f3577b34da6a3ce929d0e0e473'], ['4bf92f3577b34da6a3ce929d0e0e4736ff'], ['S/kvNXezTaajzpKdDg5HNg=='], ['zzf92f3577b34da6a3ce929d0e0e4736'], [42], [undefined]])(
    'refuses %j as a trace id',
    (value) => {
      expect(traceId(value)).toEqual({ value: undefined, issues: ['/x: must be a trace id: 32 hex characters'] });
    },
  );

  it('refuses the all-zero (invalid) ids', () => {
    expect(traceId('0'.repeat(32)).issues).toEqual(['/x: must not be all zeros (the invalid trace id)']);
    expect(spanId('0'.repeat(16)).issues).toEqual(['/x: must not be all zeros (the invalid span id)']);
  });
});

describe('readNanos', () => {
  it.each([
    ['1700000000000000000', 1700000000000000000n],
    [1700000000000000000, 1700000000000000000n],
    ['18446744073709551615', 18446744073709551615n],
    [1, 1n],
  ])('reads %j', (value, nanos) => {
    expect(read(readNanos, value)).toEqual({ value: nanos, issues: [] });
  });

  it.each([['-1'], [-1], [1.5], ['1.5'], ['1e18'], ['18446744073709551616'], [true], [null], ['']])('refuses %j', (value) => {
    expect(read(readNanos, value).issues).toEqual(['/x: must be a Unix time in nanoseconds: a non-negative integer or decimal string']);
  });

  it('says a missing time is required, and a zero one unset', () => {
    expect(read(readNanos, undefined).issues).toEqual(['/x: is required (Unix time in nanoseconds)']);
    expect(read(readNanos, '0').issues).toEqual(['/x: must not be zero (zero means the time was never set)']);
  });
});

describe('readKind', () => {
  it.each([
    [0, 'unspecified'],
    [1, 'internal'],
    [2, 'server'],
    [3, 'client'],
    [4, 'producer'],
    [5, 'consumer'],
    ['SPAN_KIND_SERVER', 'server'],
    ['SPAN_KIND_CONSUMER', 'consumer'],
    [undefined, 'unspecified'],
  ])('reads %j as %s', (value, kind) => {
    expect(read(readKind, value)).toEqual({ value: kind, issues: [] });
  });

  it.each([[6], [-1], [2.5], ['SERVER'], ['span_kind_server'], ['2'], [{}]])('refuses %j, listing the choices', (value) => {
    const { value: kind, issues } = read(readKind, value);
    expect(kind).toBe('unspecified');
    expect(issues).toEqual([expect.stringContaining('/x: must be one of 0 (SPAN_KIND_UNSPECIFIED), 1 (SPAN_KIND_INTERNAL), 2 (SPAN_KIND_SERVER)')]);
  });
});

describe('readStatusCode', () => {
  it.each([
    [0, 'unset'],
    [1, 'ok'],
    [2, 'error'],
    ['STATUS_CODE_ERROR', 'error'],
    ['STATUS_CODE_OK', 'ok'],
    [undefined, 'unset'],
  ])('reads %j as %s', (value, code) => {
    expect(read(readStatusCode, value)).toEqual({ value: code, issues: [] });
  });

  it('refuses an unknown code', () => {
    expect(read(readStatusCode, 3).issues).toEqual(['/x: must be one of 0 (STATUS_CODE_UNSET), 1 (STATUS_CODE_OK), 2 (STATUS_CODE_ERROR)']);
  });
});

describe('readParentIsRemote', () => {
  it.each([
    [undefined, undefined],
    [1, undefined],
    [0x201, undefined],
    [0x101, false],
    [0x301, true],
  ])('reads flags %j as %j', (flags, remote) => {
    expect(read(readParentIsRemote, flags)).toEqual({ value: remote, issues: [] });
  });

  it.each([[-1], [2 ** 32], ['769'], [1.5]])('refuses %j', (flags) => {
    expect(read(readParentIsRemote, flags).issues).toEqual(['/x: must be an unsigned 32-bit integer']);
  });
});
