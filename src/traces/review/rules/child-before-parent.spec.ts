import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TRACE_B, TraceBuilder } from '../testing/trace-builder';
import { childBeforeParentRule } from './child-before-parent';

const check = (t: TraceBuilder, toleranceMs = DEFAULT_REVIEW_OPTIONS.clockSkewToleranceMs) =>
  childBeforeParentRule.check(t.index(), { ...DEFAULT_REVIEW_OPTIONS, clockSkewToleranceMs: toleranceMs });

describe('child-before-parent', () => {
  it('flags a child in another service starting before its parent as clock skew', () => {
    const t = new TraceBuilder();
    const a = t.service('gateway');
    const b = t.service('pricing');
    const root = t.span({ service: a, name: 'POST /checkout', kind: 'server', startMs: 0, durationMs: 300 });
    const client = t.span({ service: a, parent: root, name: 'GET pricing', kind: 'client', startMs: 100, durationMs: 100 });
    const server = t.span({ service: b, parent: client, name: 'GET /price', kind: 'server', startMs: 50, durationMs: 95 });
    const [hit, ...rest] = check(t);
    expect(rest).toEqual([]);
    expect(hit.spanIds).toEqual([client.spanId, server.spanId]);
    expect(hit.detail).toContain(`'GET /price' (${server.spanId}) in service 'pricing', starts 50 ms before 'GET pricing' (${client.spanId}) in service 'gateway'`);
    expect(hit.detail).toContain('clock skew');
    expect(hit.questionSlug).toBe('your-traces-spans-have-wildly-inconsistent-timestamps-a');
  });

  it('explains a same-service case differently', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'work', startMs: 10 });
    t.span({ name: 'step', parent: root, startMs: 0 });
    expect(check(t)[0].detail).toContain('explicit start time');
  });

  it('tolerates the configured skew (millisecond-precision timestamps)', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'work', startMs: 10 });
    t.span({ name: 'step', parent: root, startMs: 9 });
    expect(check(t)).toEqual([]);
    expect(check(t, 0.5)).toHaveLength(1);
  });

  it('accepts a child starting with or after its parent, and ending after it (async work)', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'work', startMs: 10, durationMs: 5 });
    t.span({ name: 'same', parent: root, startMs: 10 });
    t.span({ name: 'later', parent: root, startMs: 12, durationMs: 100 });
    expect(check(t)).toEqual([]);
  });

  it('names the worst offender and reports one finding per trace', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'root', startMs: 100 });
    t.span({ name: 'slightly', parent: root, startMs: 95 });
    const worst = t.span({ name: 'badly', parent: root, startMs: 20 });
    const other = t.span({ name: 'other root', startMs: 100, traceId: TRACE_B });
    t.span({ name: 'other child', parent: other, startMs: 0 });
    const hits = check(t);
    expect(hits).toHaveLength(2);
    expect(hits[0].detail).toContain('2 spans start before their parents');
    expect(hits[0].detail).toContain(`the worst, 'badly' (${worst.spanId})`);
    expect(hits[0].detail).toContain('80 ms before');
    expect(hits[0].spanIds).toHaveLength(3);
  });
});
