/**
 * The trace reviewer: reads spans (already validated, see otlp/read-otlp-trace)
 * and reports, in the question bank's terms, what is wrong with how they were
 * instrumented. Pure and deterministic: no I/O, no framework.
 */
import { DEFAULT_REVIEW_OPTIONS, type Finding, type ReviewOptions, type ReviewRule, SEVERITIES } from './finding';
import type { ReviewInput } from './review-input';
import { REVIEW_RULES } from './rules/catalogue';
import { nanosToMs } from './span-text';
import { TraceIndex } from './trace-index';

export interface TraceSummary {
  traces: number;
  spans: number;
  services: number;
  /** Spans without a parent span id (entry spans continuing a remote trace are not roots). */
  rootSpans: number;
  /** From the earliest span start to the latest span end. */
  durationMs: number;
}

export interface TraceReview {
  summary: TraceSummary;
  findings: Finding[];
}

export function reviewTrace(input: ReviewInput, options: Partial<ReviewOptions> = {}, rules: readonly ReviewRule[] = REVIEW_RULES): TraceReview {
  const settings = { ...DEFAULT_REVIEW_OPTIONS, ...options };
  const trace = new TraceIndex(input);
  const findings = rules.flatMap((rule) =>
    rule.check(trace, settings).map((hit): Finding => ({ code: rule.code, severity: rule.severity, title: rule.title, ...hit })),
  );
  // Stable sort: by severity, then in rule order, then in the order each rule reported.
  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  return { summary: summarize(trace), findings };
}

function summarize(trace: TraceIndex): TraceSummary {
  if (trace.spans.length === 0) return { traces: 0, spans: 0, services: 0, rootSpans: 0, durationMs: 0 };
  let start = trace.spans[0].startTimeUnixNano;
  let end = trace.spans[0].endTimeUnixNano;
  for (const span of trace.spans) {
    if (span.startTimeUnixNano < start) start = span.startTimeUnixNano;
    if (span.endTimeUnixNano > end) end = span.endTimeUnixNano;
  }
  return {
    traces: trace.traceIds.length,
    spans: trace.spans.length,
    services: trace.services.length,
    rootSpans: trace.spans.filter((span) => span.parentSpanId === undefined).length,
    durationMs: Math.round(nanosToMs(end - start) * 1000) / 1000,
  };
}
