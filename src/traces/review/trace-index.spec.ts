import { TRACE_B, TraceBuilder } from './testing/trace-builder';
import { declaredServiceName, UNKNOWN_SERVICE } from './trace-index';

describe('TraceIndex', () => {
  it('finds parents and children within the same trace only', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'root', spanId: 'aaaaaaaaaaaaaaaa' });
    const child = t.span({ name: 'child', parent: root });
    const stranger = t.span({ name: 'stranger', parent: 'aaaaaaaaaaaaaaaa', traceId: TRACE_B });
    const index = t.index();
    expect(index.parentOf(child)).toBe(root);
    expect(index.parentOf(stranger)).toBeUndefined();
    expect(index.parentOf(root)).toBeUndefined();
    expect(index.childrenOf(root)).toEqual([child]);
    expect(index.childrenOf(child)).toEqual([]);
  });

  it('lists trace ids in first-seen order with their spans', () => {
    const t = new TraceBuilder();
    const b = t.span({ name: 'b', traceId: TRACE_B });
    const a = t.span({ name: 'a' });
    const index = t.index();
    expect(index.traceIds).toEqual([TRACE_B, a.traceId]);
    expect(index.spansOf(TRACE_B)).toEqual([b]);
    expect(index.spansOf('ffffffffffffffffffffffffffffffff')).toEqual([]);
  });

  it('files spans without a service.name under unknown_service', () => {
    const t = new TraceBuilder();
    const named = t.service('checkout');
    const nameless = t.service(undefined);
    const a = t.span({ service: named, name: 'a' });
    const b = t.span({ service: nameless, name: 'b' });
    const index = t.index();
    expect(index.serviceOf(a)).toBe('checkout');
    expect(index.serviceOf(b)).toBe(UNKNOWN_SERVICE);
    expect(index.services).toEqual(['checkout', UNKNOWN_SERVICE]);
  });

  it('reads service.name only when it is a non-empty string', () => {
    expect(declaredServiceName({ attributes: { 'service.name': 'x' } })).toBe('x');
    expect(declaredServiceName({ attributes: { 'service.name': ' ' } })).toBeUndefined();
    expect(declaredServiceName({ attributes: { 'service.name': 1 } })).toBeUndefined();
    expect(declaredServiceName(undefined)).toBeUndefined();
  });
});
