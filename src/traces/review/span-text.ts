import type { ReviewSpan } from './review-input';

/** How findings name a span: its name and id, so a reader can find it in any trace UI. */
export function describeSpan(span: ReviewSpan): string {
  return `'${span.name}' (${span.spanId})`;
}

/** "'a' (id), 'b' (id) and 3 more": details stay readable however many spans a finding covers. */
export function describeSpans(spans: readonly ReviewSpan[], shown = 3): string {
  const listed = spans.slice(0, shown).map(describeSpan);
  const rest = spans.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  if (listed.length <= 1) return listed.join('');
  return `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}

export function durationNanos(span: ReviewSpan): bigint {
  return span.endTimeUnixNano - span.startTimeUnixNano;
}

export function nanosToMs(nanos: bigint): number {
  return Number(nanos) / 1e6;
}

export function durationMs(span: ReviewSpan): number {
  return nanosToMs(durationNanos(span));
}

/** "660 ms", "0.457 ms", "1.25 s": three significant digits at most, for details. */
export function formatMs(ms: number): string {
  if (Math.abs(ms) >= 1000) return `${significant(ms / 1000)} s`;
  return `${significant(ms)} ms`;
}

function significant(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** "1 span", "3 spans". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
