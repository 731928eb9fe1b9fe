import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import type { Attributes } from '../review-input';
import { TRACE_B, TraceBuilder } from '../testing/trace-builder';
import { doubleWrappedClientRule } from './double-wrapped-client';

const check = (t: TraceBuilder) => doubleWrappedClientRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

function wrapped(outer: { attributes?: Attributes; durationMs?: number }, inner: { attributes?: Attributes; durationMs?: number; kind?: 'client' | 'internal' }) {
  const t = new TraceBuilder();
  t.service('checkout');
  const root = t.span({ name: 'POST /checkout', kind: 'server', durationMs: 200 });
  const manual = t.span({ parent: root, name: 'fetch pricing', kind: 'client', startMs: 10, durationMs: outer.durationMs ?? 102, attributes: outer.attributes });
  const auto = t.span({ parent: manual, name: 'GET', kind: inner.kind ?? 'client', startMs: 11, durationMs: inner.durationMs ?? 100, attributes: inner.attributes });
  return { t, root, manual, auto };
}

const HTTP = { 'http.request.method': 'GET', 'url.full': 'https://pricing/price', 'server.address': 'pricing' };

describe('double-wrapped-client', () => {
  it('flags a manual CLIENT span wrapping the auto-instrumented CLIENT span of the same call', () => {
    const { t, manual, auto } = wrapped({}, { attributes: HTTP });
    const [hit, ...rest] = check(t);
    expect(rest).toEqual([]);
    expect(hit.spanIds).toEqual([manual.spanId, auto.spanId]);
    expect(hit.detail).toContain(`'fetch pricing' (${manual.spanId}) wraps 'GET' (${auto.spanId}): the inner span fills 98% of the outer one`);
    expect(hit.detail).toContain("(service 'checkout')");
    expect(hit.questionSlug).toBe('two-engineers-each-instrumented-the-http-call-to-a');
  });

  it('flags two instrumentations of one database query (same system and statement)', () => {
    const query = { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT 1' };
    const { t } = wrapped({ attributes: query, durationMs: 10 }, { attributes: { ...query, 'server.address': '127.0.0.1' }, durationMs: 2 });
    const [hit] = check(t);
    expect(hit.detail).toContain('both are db calls with the same db.system.name, db.query.text');
  });

  it('accepts layers of different protocols (an RPC over HTTP)', () => {
    const { t } = wrapped({ attributes: { 'rpc.system': 'aws-api' } }, { attributes: HTTP });
    expect(check(t)).toEqual([]);
  });

  it('accepts same-protocol spans that describe different calls', () => {
    const { t } = wrapped({ attributes: { ...HTTP, 'url.full': 'https://gateway/x' } }, { attributes: HTTP });
    expect(check(t)).toEqual([]);
  });

  it('accepts a wrapper that does much more than the inner call', () => {
    const { t } = wrapped({ durationMs: 300 }, { attributes: HTTP, durationMs: 100 });
    expect(check(t)).toEqual([]);
    expect(doubleWrappedClientRule.check(t.index(), { ...DEFAULT_REVIEW_OPTIONS, doubleWrapMinCoverage: 0.3 })).toHaveLength(1);
  });

  it('accepts a CLIENT whose only child is not a CLIENT', () => {
    const { t } = wrapped({}, { kind: 'internal' });
    expect(check(t)).toEqual([]);
  });

  it('accepts a CLIENT with several children (e.g. retries)', () => {
    const { t, manual } = wrapped({}, { attributes: HTTP });
    t.span({ parent: manual, name: 'GET', kind: 'client', startMs: 50, attributes: HTTP });
    expect(check(t)).toEqual([]);
  });

  it('accepts a CLIENT child in another service', () => {
    const t = new TraceBuilder();
    const a = t.service('a');
    const b = t.service('b');
    const outer = t.span({ service: a, name: 'GET b', kind: 'client', durationMs: 10 });
    t.span({ service: b, parent: outer, name: 'GET c', kind: 'client', durationMs: 10 });
    expect(check(t)).toEqual([]);
  });

  it('summarises repeated shapes and reports one finding per trace', () => {
    const t = new TraceBuilder();
    const query = { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT 1' };
    for (const traceId of [undefined, undefined, TRACE_B]) {
      const outer = t.span({ name: 'prisma:client:db_query', kind: 'client', attributes: query, traceId });
      t.span({ parent: outer, name: 'pg.query:SELECT', kind: 'client', attributes: query });
    }
    const hits = check(t);
    expect(hits.map((hit) => hit.spanIds.length)).toEqual([4, 2]);
    expect(hits[0].detail).toMatch(/'prisma:client:db_query' \(\w{16}\) wraps 'pg.query:SELECT' \(\w{16}\) \(and 1 more pair named alike\)/);
  });

  it('does not divide by zero for a zero-length wrapper', () => {
    const { t } = wrapped({ durationMs: 0 }, { durationMs: 0 });
    expect(check(t)).toEqual([]);
  });
});
