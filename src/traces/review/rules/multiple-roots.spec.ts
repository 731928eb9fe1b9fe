import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TRACE_B, TraceBuilder } from '../testing/trace-builder';
import { multipleRootsRule } from './multiple-roots';

const check = (t: TraceBuilder) => multipleRootsRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

describe('multiple-roots', () => {
  it('flags roots in different services as broken propagation', () => {
    const t = new TraceBuilder();
    const gateway = t.service('gateway');
    const pricing = t.service('pricing');
    const a = t.span({ service: gateway, name: 'GET /checkout', kind: 'server' });
    t.span({ service: gateway, parent: a, name: 'GET pricing', kind: 'client' });
    const b = t.span({ service: pricing, name: 'GET /price', kind: 'server' });
    const [hit] = check(t);
    expect(hit.spanIds).toEqual([a.spanId, b.spanId]);
    expect(hit.detail).toContain("services 'gateway', 'pricing'");
    expect(hit.detail).toContain('extract the incoming context');
    expect(hit.questionSlug).toBe('what-is-context-propagation-in-one-sentence');
  });

  it('flags roots in one service as spans started without their parent', () => {
    const t = new TraceBuilder();
    t.service('worker');
    t.span({ name: 'handle', kind: 'server' });
    t.span({ name: 'flush', kind: 'internal' });
    const [hit] = check(t);
    expect(hit.detail).toContain("in service 'worker'");
    expect(hit.questionSlug).toBe('what-are-the-trace-id-and-span-id-and-how-big-are-they');
  });

  it('accepts one root per trace, however many traces', () => {
    const t = new TraceBuilder();
    const a = t.span({ name: 'a', kind: 'server' });
    t.span({ name: 'a1', parent: a });
    t.span({ name: 'b', kind: 'server', traceId: TRACE_B });
    expect(check(t)).toEqual([]);
  });

  it('does not count an entry span with a remote parent as a root', () => {
    const t = new TraceBuilder();
    t.span({ name: 'root', kind: 'server' });
    t.span({ name: 'entry', kind: 'server', parent: '00f067aa0ba902b7', parentIsRemote: true });
    expect(check(t)).toEqual([]);
  });
});
