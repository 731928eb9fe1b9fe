import { DEFAULT_REVIEW_OPTIONS, FINDING_CODES, type ReviewRule } from './finding';
import { reviewTrace } from './review-trace';
import { REVIEW_RULES } from './rules/catalogue';
import { TRACE_B, TraceBuilder } from './testing/trace-builder';

describe('reviewTrace', () => {
  it('summarises traces, spans, services, roots and the overall duration', () => {
    const t = new TraceBuilder();
    const gateway = t.service('gateway');
    const pricing = t.service('pricing');
    const root = t.span({ service: gateway, name: 'GET /checkout', kind: 'server', startMs: 0, durationMs: 100 });
    const client = t.span({ service: gateway, parent: root, name: 'GET pricing', kind: 'client', startMs: 10, durationMs: 50 });
    t.span({ service: pricing, parent: client, name: 'GET /price', kind: 'server', startMs: 12, durationMs: 45 });
    t.span({ service: pricing, name: 'GET /health', kind: 'server', traceId: TRACE_B, startMs: 150, durationMs: 0.5 });
    t.span({ service: pricing, name: 'entry', kind: 'server', traceId: TRACE_B, parent: '00f067aa0ba902b7', parentIsRemote: true, startMs: 140 });
    expect(reviewTrace(t.input()).summary).toEqual({ traces: 2, spans: 5, services: 2, rootSpans: 2, durationMs: 150.5 });
  });

  it('reports a clean trace as clean', () => {
    const t = new TraceBuilder();
    t.service('checkout');
    const root = t.span({ name: 'GET /checkout', kind: 'server', durationMs: 20 });
    t.span({ parent: root, name: 'SELECT carts', kind: 'client', startMs: 2, durationMs: 5, attributes: { 'db.system.name': 'postgresql' } });
    expect(reviewTrace(t.input()).findings).toEqual([]);
  });

  it('adds each rule’s code, severity and title to its hits, errors first', () => {
    const t = new TraceBuilder();
    t.service(undefined);
    const root = t.span({ name: 'GET /users/12345', kind: 'server' });
    t.span({ parent: root, name: 'boom', events: [{ name: 'exception' }] });
    const { findings } = reviewTrace(t.input());
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['missing-service-name', 'error'],
      ['exception-without-error-status', 'warning'],
      ['high-cardinality-span-name', 'warning'],
    ]);
    expect(findings[0].title).toBe(REVIEW_RULES.find((rule) => rule.code === 'missing-service-name')!.title);
    expect(findings[0].questionSlug).toBe('what-is-the-resource-and-whats-the-single-most-important');
  });

  it('sorts by severity, keeping rule order within one', () => {
    const rule = (code: ReviewRule['code'], severity: ReviewRule['severity']): ReviewRule => ({
      code,
      severity,
      title: code,
      questionSlugs: ['x'],
      check: () => [{ detail: code, spanIds: [], questionSlug: 'x' }],
    });
    const rules = [rule('all-internal', 'info'), rule('orphan-spans', 'warning'), rule('multiple-roots', 'error'), rule('child-before-parent', 'warning')];
    const t = new TraceBuilder();
    t.span({ name: 'x' });
    expect(reviewTrace(t.input(), {}, rules).findings.map((f) => f.code)).toEqual(['multiple-roots', 'orphan-spans', 'child-before-parent', 'all-internal']);
  });

  it('passes options, merged over the defaults, to every rule', () => {
    const seen: unknown[] = [];
    const spy: ReviewRule = { code: 'all-internal', severity: 'info', title: 't', questionSlugs: [], check: (_trace, options) => (seen.push(options), []) };
    const t = new TraceBuilder();
    t.span({ name: 'x' });
    reviewTrace(t.input(), { siblingExplosionThreshold: 3 }, [spy]);
    expect(seen).toEqual([{ ...DEFAULT_REVIEW_OPTIONS, siblingExplosionThreshold: 3 }]);
  });

  it('has one rule per finding code', () => {
    expect(REVIEW_RULES.map((rule) => rule.code).sort()).toEqual([...FINDING_CODES].sort());
  });

  it('summarises an empty input as zeros', () => {
    expect(reviewTrace({ resources: [], spans: [] })).toEqual({ summary: { traces: 0, spans: 0, services: 0, rootSpans: 0, durationMs: 0 }, findings: [] });
  });
});
