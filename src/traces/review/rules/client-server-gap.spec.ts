import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import { TraceBuilder } from '../testing/trace-builder';
import { clientServerGapRule } from './client-server-gap';

const check = (t: TraceBuilder) => clientServerGapRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

/** The bank's waterfall: gateway → pricing CLIENT → pricing SERVER. */
function call(clientMs: number, serverMs: number, serverService = 'pricing') {
  const t = new TraceBuilder();
  const gateway = t.service('gateway');
  const downstream = serverService === 'gateway' ? gateway : t.service(serverService);
  const root = t.span({ service: gateway, name: 'POST /checkout', kind: 'server', durationMs: clientMs + 100 });
  const client = t.span({ service: gateway, parent: root, name: 'GET pricing', kind: 'client', startMs: 50, durationMs: clientMs });
  const server = t.span({ service: downstream, parent: client, name: 'GET /price', kind: 'server', startMs: 60, durationMs: serverMs });
  return { t, client, server };
}

describe('client-server-gap', () => {
  it('flags a 700 ms CLIENT over a 40 ms SERVER, with the numbers', () => {
    const { t, client, server } = call(700, 40);
    const [hit, ...rest] = check(t);
    expect(rest).toEqual([]);
    expect(hit.spanIds).toEqual([client.spanId, server.spanId]);
    expect(hit.detail).toContain(`CLIENT span 'GET pricing' (${client.spanId}) in service 'gateway' took 700 ms`);
    expect(hit.detail).toContain(`'GET /price' (${server.spanId}) in service 'pricing', took 40 ms`);
    expect(hit.detail).toContain('660 ms (94% of the call)');
    expect(hit.questionSlug).toBe('your-client-span-says-500ms-but-the-downstream-server-span');
  });

  it('flags a gap exactly at both thresholds (100 ms and half the call)', () => {
    expect(check(call(200, 100).t)).toHaveLength(1);
  });

  it('stays quiet when the gap is under 100 ms, however large a share', () => {
    expect(check(call(99, 1).t)).toEqual([]);
  });

  it('stays quiet when the gap is under half of the call, however long', () => {
    expect(check(call(1000, 501).t)).toEqual([]);
  });

  it('only compares with SERVER spans of another service', () => {
    expect(check(call(700, 40, 'gateway').t)).toEqual([]);
  });

  it('honours configured thresholds', () => {
    const { t } = call(300, 100);
    expect(clientServerGapRule.check(t.index(), { ...DEFAULT_REVIEW_OPTIONS, clientServerGapMinRatio: 0.7 })).toEqual([]);
    expect(clientServerGapRule.check(t.index(), { ...DEFAULT_REVIEW_OPTIONS, clientServerGapMinMs: 250 })).toEqual([]);
    expect(clientServerGapRule.check(t.index(), DEFAULT_REVIEW_OPTIONS)).toHaveLength(1);
  });

  it('ignores non-SERVER children and non-CLIENT parents', () => {
    const t = new TraceBuilder();
    const a = t.service('a');
    const b = t.service('b');
    const producer = t.span({ service: a, name: 'publish', kind: 'producer', durationMs: 700 });
    t.span({ service: b, parent: producer, name: 'GET /x', kind: 'server', durationMs: 10 });
    const client = t.span({ service: a, name: 'GET x', kind: 'client', durationMs: 700 });
    t.span({ service: b, parent: client, name: 'work', kind: 'internal', durationMs: 10 });
    expect(check(t)).toEqual([]);
  });
});
