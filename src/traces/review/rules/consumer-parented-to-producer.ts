import type { ReviewRule, RuleHit } from '../finding';
import { describeSpan } from '../span-text';

const KAFKA_QUESTION = 'a-request-crosses-from-http-into-kafka-and-the-trace-breaks';
const LINK_QUESTION = 'when-would-you-use-a-span-link-instead-of-a-parent-child';

/**
 * Across a queue, producer and consumer are decoupled in time: the consumer
 * should start a new trace and link to the producer, not become its child.
 */
export const consumerParentedToProducerRule: ReviewRule = {
  code: 'consumer-parented-to-producer',
  severity: 'warning',
  title: 'A CONSUMER span is the child of a PRODUCER span instead of linking to it',
  questionSlugs: [KAFKA_QUESTION, LINK_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const consumer of trace.spans) {
      if (consumer.kind !== 'consumer') continue;
      const producer = trace.parentOf(consumer);
      if (producer?.kind !== 'producer') continue;
      const system = consumer.attributes['messaging.system'] ?? producer.attributes['messaging.system'];
      const viaKafka = typeof system === 'string' && system.toLowerCase() === 'kafka';
      hits.push({
        detail:
          `CONSUMER span ${describeSpan(consumer)} in service '${trace.serviceOf(consumer)}' is a child of PRODUCER span ${describeSpan(producer)} in service '${trace.serviceOf(producer)}'` +
          `${viaKafka ? ' across Kafka' : ''}. Parent-child says the producer contains the consumer in time, but the message may sit in the queue for minutes or be consumed in a batch with others, ` +
          `so the producer's duration becomes meaningless. Extract the context from the message headers and start the consumer span in a new trace with a span link to the producer's span context.`,
        spanIds: [producer.spanId, consumer.spanId],
        questionSlug: viaKafka ? KAFKA_QUESTION : LINK_QUESTION,
      });
    }
    return hits;
  },
};
