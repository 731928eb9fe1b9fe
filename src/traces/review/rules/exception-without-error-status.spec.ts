import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import type { StatusCodeName } from '../review-input';
import { TRACE_B, TraceBuilder } from '../testing/trace-builder';
import { exceptionWithoutErrorStatusRule } from './exception-without-error-status';

const check = (t: TraceBuilder) => exceptionWithoutErrorStatusRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);
const exception = { name: 'exception', attributes: { 'exception.type': 'TypeError', 'exception.message': 'price is undefined' } };

describe('exception-without-error-status', () => {
  it.each<StatusCodeName>(['unset', 'ok'])('flags an exception event on a span with status %s', (status) => {
    const t = new TraceBuilder();
    const span = t.span({ name: 'POST /checkout', kind: 'server', status, events: [exception] });
    const [hit] = check(t);
    expect(hit.spanIds).toEqual([span.spanId]);
    expect(hit.detail).toContain(`'POST /checkout' (${span.spanId})`);
    expect(hit.detail).toContain('TypeError: price is undefined');
    expect(hit.detail).toContain(`status ${status.toUpperCase()}`);
    expect(hit.questionSlug).toBe('why-pair-recordexception-with-setstatus-error-isnt-one');
  });

  it('accepts an exception on an ERROR span', () => {
    const t = new TraceBuilder();
    t.span({ name: 'POST /checkout', status: 'error', events: [exception] });
    expect(check(t)).toEqual([]);
  });

  it('ignores other events', () => {
    const t = new TraceBuilder();
    t.span({ name: 'GET /cache', events: [{ name: 'cache.miss' }, { name: 'exceptional' }] });
    expect(check(t)).toEqual([]);
  });

  it('copes with an exception event without type or message', () => {
    const t = new TraceBuilder();
    t.span({ name: 'work', events: [{ name: 'exception' }] });
    const [hit] = check(t);
    expect(hit.detail).toContain("carry an 'exception' event but status UNSET");
  });

  it('groups the spans of a trace into one finding, one per trace', () => {
    const t = new TraceBuilder();
    t.span({ name: 'a', events: [exception] });
    t.span({ name: 'b', events: [exception], status: 'ok' });
    t.span({ name: 'c', events: [exception], traceId: TRACE_B });
    const hits = check(t);
    expect(hits.map((hit) => hit.spanIds.length)).toEqual([2, 1]);
    expect(hits[0].detail).toContain('status UNSET or OK');
  });
});
