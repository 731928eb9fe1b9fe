import { DEFAULT_REVIEW_OPTIONS } from '../finding';
import type { Attributes } from '../review-input';
import { TraceBuilder } from '../testing/trace-builder';
import { consumerParentedToProducerRule } from './consumer-parented-to-producer';

const check = (t: TraceBuilder) => consumerParentedToProducerRule.check(t.index(), DEFAULT_REVIEW_OPTIONS);

function queue(system: string | undefined) {
  const t = new TraceBuilder();
  const checkout = t.service('checkout');
  const fulfilment = t.service('fulfilment');
  const root = t.span({ service: checkout, name: 'POST /orders', kind: 'server' });
  const attributes: Attributes = system === undefined ? {} : { 'messaging.system': system };
  const producer = t.span({ service: checkout, parent: root, name: 'orders publish', kind: 'producer', attributes });
  return { t, fulfilment, producer };
}

describe('consumer-parented-to-producer', () => {
  it('flags a CONSUMER child of a PRODUCER and cites the Kafka question across Kafka', () => {
    const { t, fulfilment, producer } = queue('kafka');
    const consumer = t.span({ service: fulfilment, parent: producer, name: 'orders process', kind: 'consumer', startMs: 500 });
    const [hit] = check(t);
    expect(hit.spanIds).toEqual([producer.spanId, consumer.spanId]);
    expect(hit.detail).toContain(`CONSUMER span 'orders process' (${consumer.spanId}) in service 'fulfilment'`);
    expect(hit.detail).toContain('span link');
    expect(hit.questionSlug).toBe('a-request-crosses-from-http-into-kafka-and-the-trace-breaks');
  });

  it.each([['rabbitmq'], [undefined]])('cites the span-link question for other queues (%s)', (system) => {
    const { t, fulfilment, producer } = queue(system);
    t.span({ service: fulfilment, parent: producer, name: 'orders process', kind: 'consumer' });
    expect(check(t)[0].questionSlug).toBe('when-would-you-use-a-span-link-instead-of-a-parent-child');
  });

  it('reads messaging.system from the consumer as well', () => {
    const { t, fulfilment, producer } = queue(undefined);
    t.span({ service: fulfilment, parent: producer, name: 'orders process', kind: 'consumer', attributes: { 'messaging.system': 'Kafka' } });
    expect(check(t)[0].questionSlug).toBe('a-request-crosses-from-http-into-kafka-and-the-trace-breaks');
  });

  it('accepts a consumer in a new trace that links to the producer', () => {
    const { t, fulfilment, producer } = queue('kafka');
    t.span({ service: fulfilment, name: 'orders process', kind: 'consumer', traceId: '0af7651916cd43dd8448eb211c80319c', links: [{ traceId: producer.traceId, spanId: producer.spanId }] });
    expect(check(t)).toEqual([]);
  });

  it('accepts a consumer whose parent is not a producer', () => {
    const { t, fulfilment } = queue('kafka');
    const poll = t.span({ service: fulfilment, name: 'poll', kind: 'internal', traceId: '0af7651916cd43dd8448eb211c80319c' });
    t.span({ service: fulfilment, parent: poll, name: 'orders process', kind: 'consumer' });
    expect(check(t)).toEqual([]);
  });

  it('accepts a producer child of a consumer (consume, then publish onwards)', () => {
    const t = new TraceBuilder();
    const consumer = t.span({ name: 'orders process', kind: 'consumer' });
    t.span({ parent: consumer, name: 'shipments publish', kind: 'producer' });
    expect(check(t)).toEqual([]);
  });
});
