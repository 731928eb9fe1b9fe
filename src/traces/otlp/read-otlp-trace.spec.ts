import { readOtlpTrace } from './read-otlp-trace';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: TRACE,
    spanId: '00f067aa0ba902b7',
    name: 'GET /orders',
    kind: 2,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000100000000',
    ...overrides,
  };
}

function request(...spans: Record<string, unknown>[]): Record<string, unknown> {
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] }, scopeSpans: [{ scope: { name: 'manual' }, spans }] }] };
}

function issuesOf(body: unknown) {
  const result = readOtlpTrace(body);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const SPAN_AT = '/resourceSpans/0/scopeSpans/0/spans/0';

describe('readOtlpTrace', () => {
  it('normalizes a full span', () => {
    const result = readOtlpTrace(
      request(
        span({
          traceId: TRACE.toUpperCase(),
          parentSpanId: 'B7AD6B7169203331',
          kind: 'SPAN_KIND_CLIENT',
          startTimeUnixNano: 1700000000000000000,
          attributes: [{ key: 'http.request.method', value: { stringValue: 'GET' } }],
          events: [{ name: 'exception', timeUnixNano: '1700000000050000000', attributes: [{ key: 'exception.type', value: { stringValue: 'TypeError' } }] }],
          links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', attributes: [] }],
          status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
          flags: 0x301,
          droppedAttributesCount: 0,
          somethingNew: { ignored: true },
        }),
      ),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        resources: [{ attributes: { 'service.name': 'orders' } }],
        spans: [
          {
            traceId: TRACE,
            spanId: '00f067aa0ba902b7',
            parentSpanId: 'b7ad6b7169203331',
            parentIsRemote: true,
            name: 'GET /orders',
            kind: 'client',
            startTimeUnixNano: 1700000000000000000n,
            endTimeUnixNano: 1700000000100000000n,
            attributes: { 'http.request.method': 'GET' },
            events: [{ name: 'exception', timeUnixNano: 1700000000050000000n, attributes: { 'exception.type': 'TypeError' } }],
            links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' }],
            status: { code: 'error', message: 'boom' },
            resourceIndex: 0,
          },
        ],
      },
    });
  });

  it('fills in what proto3 JSON leaves out when empty: kind, status, attributes, events, links, parent', () => {
    const result = readOtlpTrace(request({ traceId: TRACE, spanId: '00f067aa0ba902b7', name: '', startTimeUnixNano: '1', endTimeUnixNano: '2', parentSpanId: '' }));
    expect(result.ok && result.input.spans[0]).toEqual({
      traceId: TRACE,
      spanId: '00f067aa0ba902b7',
      name: '',
      kind: 'unspecified',
      startTimeUnixNano: 1n,
      endTimeUnixNano: 2n,
      attributes: {},
      events: [],
      links: [],
      status: { code: 'unset' },
      resourceIndex: 0,
    });
  });

  it('gives every resource its index, with or without attributes', () => {
    const body = {
      resourceSpans: [
        { scopeSpans: [{ spans: [span()] }] },
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'b' } }] }, scopeSpans: [{ spans: [span({ spanId: 'b7ad6b7169203331' })] }] },
      ],
    };
    const result = readOtlpTrace(body);
    expect(result.ok && result.input.resources).toEqual([{ attributes: {} }, { attributes: { 'service.name': 'b' } }]);
    expect(result.ok && result.input.spans.map((s) => s.resourceIndex)).toEqual([0, 1]);
  });

  it.each([
    ['null', null, '', expect.stringContaining('must be an OTLP ExportTraceServiceRequest')],
    ['an array', [], '', expect.stringContaining('must be an OTLP ExportTraceServiceRequest')],
    ['a string', 'spans', '', expect.stringContaining('must be an OTLP ExportTraceServiceRequest')],
    ['no resourceSpans', {}, '/resourceSpans', 'is required'],
    ['resourceSpans not an array', { resourceSpans: {} }, '/resourceSpans', 'must be an array'],
    ['no spans at all', { resourceSpans: [{ scopeSpans: [{ spans: [] }] }] }, '/resourceSpans', 'holds no spans: there is nothing to review'],
    ['a resourceSpans entry not an object', { resourceSpans: [1] }, '/resourceSpans/0', 'must be an object'],
    ['scopeSpans not an array', { resourceSpans: [{ scopeSpans: 'x' }] }, '/resourceSpans/0/scopeSpans', 'must be an array'],
    ['a scope not an object', { resourceSpans: [{ scopeSpans: [{ scope: 'x', spans: [span()] }] }] }, '/resourceSpans/0/scopeSpans/0/scope', 'must be an object'],
    ['a resource not an object', { resourceSpans: [{ resource: [], scopeSpans: [{ spans: [span()] }] }] }, '/resourceSpans/0/resource', 'must be an object'],
  ])('refuses %s', (_label, body, pointer, detail) => {
    expect(issuesOf(body)).toEqual([{ pointer, detail }]);
  });

  it.each([
    ['a missing trace id', { traceId: undefined }, '/traceId', 'must be a trace id: 32 hex characters'],
    ['a base64 span id', { spanId: 'APBnqgupArc=' }, '/spanId', 'must be a span id: 16 hex characters'],
    ['a bad parent id', { parentSpanId: 'xyz' }, '/parentSpanId', 'must be a span id: 16 hex characters'],
    ['a missing name', { name: undefined }, '/name', 'is required'],
    ['a numeric name', { name: 7 }, '/name', 'must be a string'],
    ['a bad kind', { kind: 'SERVER' }, '/kind', expect.stringContaining('must be one of 0 (SPAN_KIND_UNSPECIFIED)')],
    ['a missing start', { startTimeUnixNano: undefined }, '/startTimeUnixNano', 'is required (Unix time in nanoseconds)'],
    ['an end before the start', { endTimeUnixNano: '1699999999999999999' }, '/endTimeUnixNano', 'must not be before startTimeUnixNano'],
    ['a span that is its own parent', { parentSpanId: '00f067aa0ba902b7' }, '/parentSpanId', 'must differ from spanId: a span cannot be its own parent'],
    ['attributes not an array', { attributes: {} }, '/attributes', 'must be an array'],
    ['an event without time', { events: [{ name: 'exception' }] }, '/events/0/timeUnixNano', 'is required (Unix time in nanoseconds)'],
    ['an event without name', { events: [{ timeUnixNano: '1700000000000000000' }] }, '/events/0/name', 'is required'],
    ['an event that is not an object', { events: ['boom'] }, '/events/0', 'must be an object'],
    ['a link with a bad trace id', { links: [{ traceId: 'x', spanId: 'b7ad6b7169203331' }] }, '/links/0/traceId', 'must be a trace id: 32 hex characters'],
    ['a link that is not an object', { links: [null] }, '/links/0', 'must be an object'],
    ['a bad status code', { status: { code: 'ERROR' } }, '/status/code', expect.stringContaining('must be one of 0 (STATUS_CODE_UNSET)')],
    ['a status that is not an object', { status: 2 }, '/status', 'must be an object'],
    ['a status message that is not a string', { status: { code: 2, message: 5 } }, '/status/message', 'must be a string'],
    ['bad flags', { flags: '769' }, '/flags', 'must be an unsigned 32-bit integer'],
  ])('refuses %s, pointing at the field', (_label, overrides, field, detail) => {
    expect(issuesOf(request(span(overrides)))).toEqual([{ pointer: `${SPAN_AT}${field}`, detail }]);
  });

  it('refuses a span that is not an object', () => {
    expect(issuesOf(request('span' as unknown as Record<string, unknown>))).toEqual([{ pointer: SPAN_AT, detail: 'must be an object' }]);
  });

  it('refuses a span id repeated within one trace, pointing at the repeat and naming the first', () => {
    const issues = issuesOf(request(span(), span({ name: 'again' })));
    expect(issues).toEqual([{ pointer: '/resourceSpans/0/scopeSpans/0/spans/1/spanId', detail: `repeats the span id of ${SPAN_AT} in the same trace` }]);
  });

  it('accepts the same span id in different traces', () => {
    expect(readOtlpTrace(request(span(), span({ traceId: '0af7651916cd43dd8448eb211c80319c' }))).ok).toBe(true);
  });

  it('reports every bad field of every span, up to 20, and counts the rest', () => {
    const spans = Array.from({ length: 30 }, (_, i) => span({ spanId: `${String(i).padStart(2, '0')}f067aa0ba902b7`, kind: 9 }));
    const result = readOtlpTrace(request(...spans));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(20);
    expect(result.issueCount).toBe(30);
    expect(result.issues[19].pointer).toBe('/resourceSpans/0/scopeSpans/0/spans/19/kind');
  });

  it('points through nested kvlist values by index', () => {
    const body = { resourceSpans: [{ scopeSpans: [{ spans: [span({ attributes: [{ key: 'a/b~c', value: { kvlistValue: { values: [{ key: 'x', value: { boolValue: 1 } }] } } }] })] }] }] };
    // A KeyValue list is a JSON array: the pointer names the entry's index, not its key.
    expect(issuesOf(body)).toEqual([{ pointer: `${SPAN_AT}/attributes/0/value/kvlistValue/values/0/value/boolValue`, detail: 'must be a boolean' }]);
  });
});
