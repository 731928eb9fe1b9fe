import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import type { SpanKindName } from '../review-input';
import { TraceBuilder } from '../testing/trace-builder';
import { allInternalRule } from './all-internal';

const check = (t: TraceBuilder) => allInternalRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

describe('all-internal', () => {
  it('flags a service whose every span is INTERNAL, naming the service and its spans', () => {
    const t = new TraceBuilder();
    const gateway = t.service('gateway');
    const pricing = t.service('pricing');
    const root = t.span({ service: gateway, name: 'GET /checkout', kind: 'server' });
    const call = t.span({ service: gateway, parent: root, name: 'GET pricing', kind: 'client' });
    const handler = t.span({ service: pricing, parent: call, name: 'handle price', kind: 'internal' });
    const lookup = t.span({ service: pricing, parent: handler, name: 'lookup', kind: 'internal' });
    const hits = check(t);
    expect(hits).toHaveLength(1);
    expect(hits[0].detail).toContain("service 'pricing'");
    expect(hits[0].spanIds).toEqual([handler.spanId, lookup.spanId]);
    expect(hits[0].questionSlug).toBe('what-is-span-kind-and-why-does-it-matter');
  });

  it('treats UNSPECIFIED like INTERNAL, as OTLP allows receivers to', () => {
    const t = new TraceBuilder();
    t.service('batch');
    t.span({ name: 'run', kind: 'unspecified' });
    t.span({ name: 'step', kind: 'internal' });
    expect(check(t)).toHaveLength(1);
  });

  it.each<SpanKindName>(['server', 'client', 'producer', 'consumer'])('accepts a service with one %s span among INTERNAL ones', (kind) => {
    const t = new TraceBuilder();
    t.service('worker');
    const root = t.span({ name: 'entry', kind });
    t.span({ name: 'work', parent: root, kind: 'internal' });
    expect(check(t)).toEqual([]);
  });

  it('groups resources without service.name as the one unknown_service a backend shows', () => {
    const t = new TraceBuilder();
    const a = t.service(undefined);
    const b = t.service(undefined);
    t.span({ service: a, name: 'x', kind: 'internal' });
    t.span({ service: b, name: 'y', kind: 'server' });
    expect(check(t)).toEqual([]);
  });
});
