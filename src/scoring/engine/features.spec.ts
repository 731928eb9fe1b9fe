import { scoreAnswer } from './scorer';
import { concept, rubric } from './testing/rubric-fixtures';

function flagsFor(patterns: string[], answer: string): string[] {
  const r = rubric(patterns.map((p, i) => concept(`c${i}`, [p])));
  return scoreAnswer(r, { answer }).flags.map((f) => f.code);
}

const SPAN_KIND_WORDS = ['span', 'kind', 'server', 'client', 'producer', 'consumer', 'internal', 'inbound', 'outbound', 'message', 'request', 'call', 'work', 'role', 'default'];

describe('keyword stuffing', () => {
  it('flags a comma-separated bag of rubric terms', () => {
    expect(flagsFor(SPAN_KIND_WORDS, 'span kind, server, client, producer, consumer, internal, inbound, outbound')).toContain('keyword_stuffing');
  });

  it('flags terms on separate lines', () => {
    expect(flagsFor(SPAN_KIND_WORDS, 'span kind\nserver inbound\nclient outbound\nproducer message\nconsumer message\ninternal default')).toContain('keyword_stuffing');
  });

  it('does not flag dense expert prose from the model answers', () => {
    const answer =
      'Span kind is the role of the span: SERVER (handling an inbound request), CLIENT (making an outbound call), PRODUCER (enqueueing a message), CONSUMER (processing a message), INTERNAL (plain in-process work, the default).';
    expect(flagsFor(SPAN_KIND_WORDS, answer)).not.toContain('keyword_stuffing');
    const attributes =
      'Attribute discipline. Span attributes carry references and outcomes, never sensitive data: payment.id, merchant.id, payment.amount_cents, payment.currency, card.brand, card.last4, payment.result, decline.reason. Never the PAN, CVV, or full track data. Custom attributes go under a namespace (payment.*).';
    expect(flagsFor(['attribute*', 'span', 'sensitive', 'payment', 'card', 'reference*', 'namespace', 'custom'], attributes)).not.toContain('keyword_stuffing');
  });

  it('does not flag a list of unrelated words (nothing to stuff)', () => {
    expect(flagsFor(SPAN_KIND_WORDS, 'apple, banana, cherry, grape, melon, peach, plum')).not.toContain('keyword_stuffing');
  });

  it('does not flag short answers', () => {
    expect(flagsFor(SPAN_KIND_WORDS, 'server, client, producer')).not.toContain('keyword_stuffing');
  });
});

describe('off topic', () => {
  it('flags a real answer about something else', () => {
    expect(flagsFor(['span kind'], 'I would rewrite the frontend in a different framework and hire more designers.')).toContain('off_topic');
  });

  it('does not flag an on-topic answer that misses the concepts', () => {
    const patterns = ['span kind', '[server|client] [inbound|outbound]'];
    expect(flagsFor(patterns, 'The server handles the request and the client makes a call to it.')).not.toContain('off_topic');
    const r = rubric([concept('kind', ['span kind'])]);
    const withPrompt = scoreAnswer(r, { prompt: 'What does a server do with a request from a client?', answer: 'The server handles the request and the client makes a call to it.' });
    expect(withPrompt.flags.map((f) => f.code)).not.toContain('off_topic');
  });

  it('does not flag very short answers', () => {
    expect(flagsFor(['span kind'], 'no idea')).not.toContain('off_topic');
  });
});
