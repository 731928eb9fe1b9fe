import { ProblemException } from '../common/problem';
import { OtlpTracePipe } from './otlp-trace.pipe';

describe('OtlpTracePipe', () => {
  const pipe = new OtlpTracePipe();

  it('passes valid OTLP/JSON on as review input', () => {
    const input = pipe.transform({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', name: 'x', startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }],
    });
    expect(input.spans.map((span) => span.name)).toEqual(['x']);
  });

  it('answers bad input with a validation-failed problem listing each field by JSON Pointer', () => {
    let thrown: unknown;
    try {
      pipe.transform({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'x', spanId: '00f067aa0ba902b7', name: 'x', kind: 9, startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    const problem = thrown as ProblemException;
    expect(problem.code).toBe('validation-failed');
    expect(problem.extras.errors).toEqual([
      { pointer: '/resourceSpans/0/scopeSpans/0/spans/0/traceId', detail: 'must be a trace id: 32 hex characters' },
      { pointer: '/resourceSpans/0/scopeSpans/0/spans/0/kind', detail: expect.stringContaining('must be one of') },
    ]);
    expect(problem.detail).toMatch(/^The trace is not valid OTLP\/JSON: 2 problem\(s\): \/resourceSpans\/0\/scopeSpans\/0\/spans\/0\/traceId: must be a trace id/);
  });

  it('says "/" for a body that is not an object, and how many issues were left out', () => {
    expect(() => pipe.transform(undefined)).toThrow(/1 problem\(s\): \/: must be an OTLP ExportTraceServiceRequest/);
    const spans = Array.from({ length: 25 }, (_, i) => ({ traceId: 'x', spanId: `${String(i).padStart(2, '0')}f067aa0ba902b7`, name: 'x', startTimeUnixNano: '1', endTimeUnixNano: '2' }));
    expect(() => pipe.transform({ resourceSpans: [{ scopeSpans: [{ spans }] }] })).toThrow(/25 problem\(s\) \(the first 20 shown\)/);
  });
});
