import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TraceBuilder } from '../testing/trace-builder';
import { perIterationSpanExplosionRule } from './per-iteration-span-explosion';

const check = (t: TraceBuilder, threshold = DEFAULT_REVIEW_OPTIONS.siblingExplosionThreshold) =>
  perIterationSpanExplosionRule.check(t.index(), { ...DEFAULT_REVIEW_OPTIONS, siblingExplosionThreshold: threshold });

describe('per-iteration-span-explosion', () => {
  it('flags 20 same-named CLIENT siblings as an N+1 / chatty instrumentation', () => {
    const t = new TraceBuilder();
    t.service('orders');
    const root = t.span({ name: 'GET /orders', kind: 'server' });
    const queries = t.spansLike(20, { parent: root, name: 'SELECT order_items', kind: 'client' });
    const [hit, ...rest] = check(t);
    expect(rest).toEqual([]);
    expect(hit.spanIds).toEqual(queries.map((span) => span.spanId));
    expect(hit.detail).toContain(`'GET /orders' (${root.spanId}) in service 'orders' has 20 child spans named 'SELECT order_items' ('SELECT order_items' (${queries[0].spanId}),`);
    expect(hit.detail).toContain('and 17 more; threshold 20)');
    expect(hit.questionSlug).toBe('you-turned-on-auto-instrumentation-and-now-have-thousands-of');
  });

  it('flags INTERNAL per-row spans with the "when not to add a span" question', () => {
    const t = new TraceBuilder();
    const batch = t.span({ name: 'import', kind: 'internal' });
    t.spansLike(25, { parent: batch, name: 'process row', kind: 'internal' });
    const [hit] = check(t);
    expect(hit.detail).toContain('span the batch once');
    expect(hit.questionSlug).toBe('when-did-you-decide-not-to-add-a-span');
  });

  it('stays quiet below the threshold', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'GET /orders', kind: 'server' });
    t.spansLike(19, { parent: root, name: 'SELECT order_items', kind: 'client' });
    expect(check(t)).toEqual([]);
  });

  it('honours a configured threshold', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'GET /orders', kind: 'server' });
    t.spansLike(5, { parent: root, name: 'SELECT order_items', kind: 'client' });
    expect(check(t, 5)).toHaveLength(1);
    expect(check(t, 6)).toEqual([]);
  });

  it('counts siblings per name and per parent', () => {
    const t = new TraceBuilder();
    const a = t.span({ name: 'a', kind: 'server' });
    const b = t.span({ name: 'b', kind: 'server' });
    t.spansLike(10, { parent: a, name: 'SELECT x', kind: 'client' });
    t.spansLike(10, { parent: b, name: 'SELECT x', kind: 'client' });
    t.spansLike(10, { parent: a, name: 'SELECT y', kind: 'client' });
    expect(check(t)).toEqual([]);
  });

  it('ignores parentless spans, which have no parent to explode under', () => {
    const t = new TraceBuilder();
    t.spansLike(30, { name: 'tick', kind: 'internal' });
    expect(check(t)).toEqual([]);
  });
});
