import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TRACE_B, TraceBuilder } from '../testing/trace-builder';
import { orphanSpansRule } from './orphan-spans';

const check = (t: TraceBuilder) => orphanSpansRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

describe('orphan-spans', () => {
  it('flags spans whose parent is not in the trace, with the missing parent ids', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'GET /orders', kind: 'server' });
    const orphan = t.span({ name: 'SELECT orders', kind: 'client', parent: 'deadbeefdeadbeef' });
    t.span({ name: 'fine', parent: root });
    const hits = check(t);
    expect(hits).toHaveLength(1);
    expect(hits[0].spanIds).toEqual([orphan.spanId]);
    expect(hits[0].detail).toContain('deadbeefdeadbeef');
    expect(hits[0].detail).toContain(`'SELECT orders' (${orphan.spanId})`);
    expect(hits[0].questionSlug).toBe('a-span-never-shows-up-but-span-end-definitely-ran-name-three');
  });

  it('exempts an entry span the exporter marked as having a remote parent', () => {
    const t = new TraceBuilder();
    t.span({ name: 'GET /readyz', kind: 'server', parent: '00f067aa0ba902b7', parentIsRemote: true });
    expect(check(t)).toEqual([]);
  });

  it('still flags a missing parent the exporter says is local', () => {
    const t = new TraceBuilder();
    t.span({ name: 'work', parent: '00f067aa0ba902b7', parentIsRemote: false });
    expect(check(t)).toHaveLength(1);
  });

  it('flags a missing parent when the exporter did not say whether it is remote', () => {
    const t = new TraceBuilder();
    t.span({ name: 'GET /price', kind: 'server', parent: '00f067aa0ba902b7' });
    expect(check(t)).toHaveLength(1);
  });

  it('looks for the parent in the same trace only', () => {
    const t = new TraceBuilder();
    const parent = t.span({ name: 'parent' });
    t.span({ name: 'child', parent: parent.spanId, traceId: TRACE_B });
    const hits = check(t);
    expect(hits).toHaveLength(1);
    expect(hits[0].detail).toContain(TRACE_B);
  });

  it('reports one finding per trace', () => {
    const t = new TraceBuilder();
    t.span({ name: 'a', parent: '1111111111111111' });
    t.span({ name: 'b', parent: '2222222222222222' });
    t.span({ name: 'c', parent: '3333333333333333', traceId: TRACE_B });
    expect(check(t).map((hit) => hit.spanIds.length)).toEqual([2, 1]);
  });

  it('accepts a complete tree', () => {
    const t = new TraceBuilder();
    const root = t.span({ name: 'root', kind: 'server' });
    t.span({ name: 'child', parent: root });
    expect(check(t)).toEqual([]);
  });
});
