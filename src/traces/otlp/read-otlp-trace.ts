/**
 * Validates an OTLP/JSON ExportTraceServiceRequest and normalizes it into
 * the reviewer's input. Pure; never throws on bad input: every problem
 * becomes a FieldIssue with a JSON Pointer into the body. Unknown fields are
 * ignored, as OTLP receivers must; fields proto3 JSON omits when empty
 * (kind, status, attributes, events, links) are optional.
 */
import type { ReviewEvent, ReviewInput, ReviewLink, ReviewResource, ReviewSpan } from '../review/review-input';
import { readAttributes } from './any-value';
import { childPointer, type FieldIssue, Issues, isRecord, optionalArray } from './issues';
import { readId, readKind, readNanos, readParentIsRemote, readStatusCode } from './scalars';

export type ReadOtlpResult = { ok: true; input: ReviewInput } | { ok: false; issues: FieldIssue[]; issueCount: number };

export function readOtlpTrace(body: unknown): ReadOtlpResult {
  const issues = new Issues();
  const input = readRequest(body, issues);
  if (issues.count > 0 || !input) return { ok: false, issues: issues.list, issueCount: issues.count };
  return { ok: true, input };
}

function readRequest(body: unknown, issues: Issues): ReviewInput | undefined {
  if (!isRecord(body)) {
    issues.add('', 'must be an OTLP ExportTraceServiceRequest: a JSON object with a resourceSpans array');
    return undefined;
  }
  if (!Array.isArray(body.resourceSpans)) {
    issues.add('/resourceSpans', body.resourceSpans === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const input: ReviewInput = { resources: [], spans: [] };
  const seen = new Map<string, string>();
  body.resourceSpans.forEach((resourceSpans, i) => readResourceSpans(resourceSpans, childPointer('/resourceSpans', i), input, seen, issues));
  if (issues.count === 0 && input.spans.length === 0) issues.add('/resourceSpans', 'holds no spans: there is nothing to review');
  return input;
}

function readResourceSpans(value: unknown, pointer: string, input: ReviewInput, seen: Map<string, string>, issues: Issues): void {
  if (!isRecord(value)) return issues.add(pointer, 'must be an object');
  const resourceIndex = input.resources.length;
  input.resources.push(readResource(value.resource, childPointer(pointer, 'resource'), issues));
  const scopesAt = childPointer(pointer, 'scopeSpans');
  optionalArray(value.scopeSpans, scopesAt, issues).forEach((scopeSpans, j) => {
    const scopeAt = childPointer(scopesAt, j);
    if (!isRecord(scopeSpans)) return issues.add(scopeAt, 'must be an object');
    if (scopeSpans.scope !== undefined && scopeSpans.scope !== null && !isRecord(scopeSpans.scope)) issues.add(childPointer(scopeAt, 'scope'), 'must be an object');
    const spansAt = childPointer(scopeAt, 'spans');
    optionalArray(scopeSpans.spans, spansAt, issues).forEach((span, k) => {
      const spanAt = childPointer(spansAt, k);
      const read = readSpan(span, spanAt, resourceIndex, issues);
      if (!read) return;
      const key = `${read.traceId}/${read.spanId}`;
      const first = seen.get(key);
      if (first !== undefined) return issues.add(childPointer(spanAt, 'spanId'), `repeats the span id of ${first} in the same trace`);
      seen.set(key, spanAt);
      input.spans.push(read);
    });
  });
}

function readResource(value: unknown, pointer: string, issues: Issues): ReviewResource {
  if (value === undefined || value === null) return { attributes: {} };
  if (!isRecord(value)) {
    issues.add(pointer, 'must be an object');
    return { attributes: {} };
  }
  return { attributes: readAttributes(value.attributes, childPointer(pointer, 'attributes'), issues) };
}

function readSpan(value: unknown, pointer: string, resourceIndex: number, issues: Issues): ReviewSpan | undefined {
  if (!isRecord(value)) {
    issues.add(pointer, 'must be an object');
    return undefined;
  }
  const at = (field: string) => childPointer(pointer, field);
  const before = issues.count;
  const traceId = readId(value.traceId, 16, at('traceId'), issues);
  const spanId = readId(value.spanId, 8, at('spanId'), issues);
  // proto3 JSON writes an unset parent as "" (or leaves it out).
  const hasParent = value.parentSpanId !== undefined && value.parentSpanId !== null && value.parentSpanId !== '';
  const parentSpanId = hasParent ? readId(value.parentSpanId, 8, at('parentSpanId'), issues) : undefined;
  if (spanId !== undefined && parentSpanId === spanId) issues.add(at('parentSpanId'), 'must differ from spanId: a span cannot be its own parent');
  const name = typeof value.name === 'string' ? value.name : undefined;
  if (name === undefined) issues.add(at('name'), value.name === undefined ? 'is required' : 'must be a string');
  const kind = readKind(value.kind, at('kind'), issues);
  const start = readNanos(value.startTimeUnixNano, at('startTimeUnixNano'), issues);
  const end = readNanos(value.endTimeUnixNano, at('endTimeUnixNano'), issues);
  if (start !== undefined && end !== undefined && end < start) issues.add(at('endTimeUnixNano'), 'must not be before startTimeUnixNano');
  const attributes = readAttributes(value.attributes, at('attributes'), issues);
  const events = readEvents(value.events, at('events'), issues);
  const links = readLinks(value.links, at('links'), issues);
  const status = readStatus(value.status, at('status'), issues);
  const parentIsRemote = readParentIsRemote(value.flags, at('flags'), issues);
  if (issues.count > before || traceId === undefined || spanId === undefined || name === undefined || start === undefined || end === undefined) return undefined;
  const span: ReviewSpan = { traceId, spanId, name, kind, startTimeUnixNano: start, endTimeUnixNano: end, attributes, events, links, status, resourceIndex };
  if (parentSpanId !== undefined) span.parentSpanId = parentSpanId;
  if (parentIsRemote !== undefined) span.parentIsRemote = parentIsRemote;
  return span;
}

function readEvents(value: unknown, pointer: string, issues: Issues): ReviewEvent[] {
  return optionalArray(value, pointer, issues).flatMap((event, i): ReviewEvent[] => {
    const at = childPointer(pointer, i);
    if (!isRecord(event)) {
      issues.add(at, 'must be an object');
      return [];
    }
    if (typeof event.name !== 'string') issues.add(childPointer(at, 'name'), event.name === undefined ? 'is required' : 'must be a string');
    const time = readNanos(event.timeUnixNano, childPointer(at, 'timeUnixNano'), issues);
    const attributes = readAttributes(event.attributes, childPointer(at, 'attributes'), issues);
    return typeof event.name === 'string' && time !== undefined ? [{ name: event.name, timeUnixNano: time, attributes }] : [];
  });
}

function readLinks(value: unknown, pointer: string, issues: Issues): ReviewLink[] {
  return optionalArray(value, pointer, issues).flatMap((link, i): ReviewLink[] => {
    const at = childPointer(pointer, i);
    if (!isRecord(link)) {
      issues.add(at, 'must be an object');
      return [];
    }
    const traceId = readId(link.traceId, 16, childPointer(at, 'traceId'), issues);
    const spanId = readId(link.spanId, 8, childPointer(at, 'spanId'), issues);
    return traceId !== undefined && spanId !== undefined ? [{ traceId, spanId }] : [];
  });
}

function readStatus(value: unknown, pointer: string, issues: Issues): ReviewSpan['status'] {
  if (value === undefined || value === null) return { code: 'unset' };
  if (!isRecord(value)) {
    issues.add(pointer, 'must be an object');
    return { code: 'unset' };
  }
  const status: ReviewSpan['status'] = { code: readStatusCode(value.code, childPointer(pointer, 'code'), issues) };
  if (typeof value.message === 'string' && value.message !== '') status.message = value.message;
  else if (value.message !== undefined && value.message !== null && typeof value.message !== 'string') issues.add(childPointer(pointer, 'message'), 'must be a string');
  return status;
}
