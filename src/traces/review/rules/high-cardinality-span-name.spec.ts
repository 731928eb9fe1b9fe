import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TraceBuilder } from '../testing/trace-builder';
import { highCardinalitySpanNameRule } from './high-cardinality-span-name';

const check = (t: TraceBuilder) => highCardinalitySpanNameRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

describe('high-cardinality-span-name', () => {
  it('flags span names with raw ids, grouping them by the template they should have', () => {
    const t = new TraceBuilder();
    t.service('users');
    const a = t.span({ name: 'GET /users/12345', kind: 'server' });
    const b = t.span({ name: 'GET /users/67890', kind: 'server' });
    const c = t.span({ name: 'GET /orders/550e8400-e29b-41d4-a716-446655440000', kind: 'server' });
    const hits = check(t);
    expect(hits.map((hit) => hit.spanIds)).toEqual([[a.spanId, b.spanId], [c.spanId]]);
    expect(hits[0].detail).toContain("'GET /users/{id}'");
    expect(hits[0].detail).toContain('a numeric path segment');
    expect(hits[1].detail).toContain("'GET /orders/{uuid}'");
    expect(hits[1].detail).toContain('a UUID');
    expect(hits[0].questionSlug).toBe('a-services-traces-are-present-but-useless-every-span-is');
  });

  it('cites semantic conventions when the span already carries http.route', () => {
    const t = new TraceBuilder();
    t.span({ name: 'GET /users/12345', kind: 'server', attributes: { 'http.route': '/users/:id' } });
    const [hit] = check(t);
    expect(hit.detail).toContain("http.route here is '/users/:id'");
    expect(hit.questionSlug).toBe('what-are-semantic-conventions-and-why-do-they-matter');
  });

  it('keeps services apart', () => {
    const t = new TraceBuilder();
    const a = t.service('a');
    const b = t.service('b');
    t.span({ service: a, name: 'notify ada@example.com' });
    t.span({ service: b, name: 'notify bob@example.com' });
    const hits = check(t);
    expect(hits).toHaveLength(2);
    expect(hits[0].detail).toContain("service 'a'");
    expect(hits[0].detail).toContain('an email address');
  });

  it('accepts templated names', () => {
    const t = new TraceBuilder();
    t.span({ name: 'GET /users/:id', kind: 'server' });
    t.span({ name: 'GET /v1/questions', kind: 'server' });
    t.span({ name: 'pg.query:SELECT assay', kind: 'client' });
    expect(check(t)).toEqual([]);
  });
});
