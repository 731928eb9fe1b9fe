import { codeSignal, looksLikeProse } from './code-detection';

describe('codeSignal', () => {
  it.each([
    '││ └─ trace-id (16 bytes / 32 hex) └ parent-id └ flags',
    '└ version',
    '[==================== gateway: POST /checkout (800ms) ====================]',
    '[ pricing SERVER (40ms) ]',
    'ctx, span := tracer.Start(ctx, "reserve_inventory",',
    'def handle(req):',
    'func (s *Service) Process(ctx context.Context, id int) error {',
    'go func() {',
    'defer span.End() // scope-bound end: survives early return / panic',
    'try: return fn()',
    'finally: otel_context.detach(token)',
    'except requests.RequestException as e:',
    '@app.post("/checkout")',
    '# NOT a child, because produce/consume are decoupled in time / batched.',
    '}',
    '}(ctx)',
    ') as span:',
  ])('is strong for %s', (line) => {
    expect(codeSignal(line)).toBe('strong');
  });

  it.each([
    'ctx = otel_context.get_current() # capture on submitting thread',
    'pool.submit(run)',
    'return err',
    'return error() # ← span never ended: leak on the early-return path',
    'if not req.valid:',
    'with tracer.start_as_current_span(',
    '"process order",',
    'kind=SpanKind.CONSUMER,',
    'logger.With("trace_id", sc.TraceID().String(),',
    '"span_id", sc.SpanID().String()).Info("charge failed")',
    'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'carrier = {k: v for k, v in record.headers} # traceparent lives here',
  ])('is weak for %s', (line) => {
    expect(codeSignal(line)).toBe('weak');
  });

  it.each([
    '',
    'WithSpanKind.',
    'Two distinct problems:',
    'Go, the explicit-context language:',
    'Fix — capture the parent context and pass it into the goroutine:',
    'Before — only the auto SERVER span (Flask) and auto CLIENT span (requests) exist:',
    'Inject = write the current context into an outgoing carrier (serialize the active span context into request headers). Extract = read context.',
    'The early return error() skips span.end(), so the span is never ended (never exported, leaks).',
    '"-") or omit the field, and checksc.IsValid()first. This happens for startup logs, background jobs.',
    '0af7651916cd43dd8448eb211c80319c— 32 hex chars (16 bytes). The whole-request ID; the downstream reuses it.',
    '- version —',
    '00. - trace-id',
    'Q: What is a span? (junior)¶',
    'What if the parent-id is the root? Then it is wrong.',
    'defer the computation until you know it is sampled, which is cheaper for everyone.',
    '); events are harder.',
  ])('is none for %s', (line) => {
    expect(codeSignal(line)).toBe('none');
  });
});

describe('looksLikeProse', () => {
  it('accepts sentences and rejects code with a few words in it', () => {
    expect(looksLikeProse('The fix is to start the server span from the extracted context.')).toBe(true);
    expect(looksLikeProse('carrier = {k: v for k, v in record.headers}')).toBe(false);
    expect(looksLikeProse('span.set_attribute("user.id", user_id) # business attr, not PII-heavy, really a note.')).toBe(false);
    expect(looksLikeProse('Too short.')).toBe(false);
  });
});
