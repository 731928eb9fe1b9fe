import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TraceBuilder } from '../testing/trace-builder';
import { missingServiceNameRule } from './missing-service-name';

const check = (t: TraceBuilder) => missingServiceNameRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

describe('missing-service-name', () => {
  it('flags a resource without service.name, naming its spans', () => {
    const t = new TraceBuilder();
    const nameless = t.service(undefined, { 'telemetry.sdk.language': 'nodejs' });
    const root = t.span({ service: nameless, name: 'GET /orders', kind: 'server' });
    const child = t.span({ service: nameless, parent: root, name: 'SELECT orders', kind: 'client' });
    const hits = check(t);
    expect(hits).toHaveLength(1);
    expect(hits[0].spanIds).toEqual([root.spanId, child.spanId]);
    expect(hits[0].detail).toContain('has no service.name attribute');
    expect(hits[0].detail).toContain(`'GET /orders' (${root.spanId})`);
    expect(hits[0].questionSlug).toBe('what-is-the-resource-and-whats-the-single-most-important');
  });

  it.each(['unknown_service', 'unknown_service:node', 'unknown_service:/usr/bin/node'])('flags the SDK fallback %s', (name) => {
    const t = new TraceBuilder();
    t.service(name);
    t.span({ name: 'GET /', kind: 'server' });
    const [hit] = check(t);
    expect(hit.detail).toContain(`has service.name '${name}'`);
  });

  it.each([[''], ['   '], [42], [['checkout']]])('flags a service.name that is not a usable string: %j', (value) => {
    const t = new TraceBuilder();
    t.service(undefined, { 'service.name': value });
    t.span({ name: 'GET /', kind: 'server' });
    expect(check(t)).toHaveLength(1);
  });

  it('accepts a real service.name', () => {
    const t = new TraceBuilder();
    t.service('checkout');
    t.span({ name: 'GET /', kind: 'server' });
    expect(check(t)).toEqual([]);
  });

  it('reports each nameless resource once, leaving named ones alone', () => {
    const t = new TraceBuilder();
    const named = t.service('checkout');
    const first = t.service(undefined);
    const second = t.service('unknown_service:java');
    const root = t.span({ service: named, name: 'GET /', kind: 'server' });
    const a = t.span({ service: first, parent: root, name: 'a', kind: 'server' });
    const b = t.span({ service: second, parent: root, name: 'b', kind: 'server' });
    const hits = check(t);
    expect(hits.map((hit) => hit.spanIds)).toEqual([[a.spanId], [b.spanId]]);
    expect(hits[0].detail).toMatch(/^Resource #1 /);
    expect(hits[1].detail).toMatch(/^Resource #2 /);
  });

  it('ignores resources that hold no spans: nothing renders from them', () => {
    const t = new TraceBuilder();
    t.service('checkout');
    t.service(undefined);
    t.span({ service: 0, name: 'GET /', kind: 'server' });
    expect(check(t)).toEqual([]);
  });
});
