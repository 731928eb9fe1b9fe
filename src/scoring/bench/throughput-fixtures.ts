/**
 * Deterministic inputs for the scoring throughput benchmark: a 10-concept
 * tracing rubric and generated answers that read like (rambling) interview
 * prose: function words, rubric terms, unrelated filler, negations and
 * sentence breaks, all drawn from a seeded PRNG.
 */
import type { Rubric } from '../engine';

/** mulberry32: tiny, fast, good enough to make varied but reproducible text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_RUBRIC: Rubric = {
  schemaVersion: 1,
  question: 'bench-head-vs-tail-sampling',
  synonyms: { collector: ['gateway'] },
  concepts: [
    { id: 'head-decides-early', label: 'Head sampling decides at the root', weight: 2, required: true, patterns: [{ match: 'head [decid*|decision|sampl*] [start|root|beginning|upfront]', within: 8, ordered: true }] },
    { id: 'tail-decides-late', label: 'Tail sampling decides after completion', weight: 2, required: true, patterns: [{ match: 'tail [decid*|sampl*] after [complet*|finish*|end*]', ordered: true }] },
    { id: 'head-cheap', label: 'Head sampling is cheap', weight: 1, patterns: ['head [cheap|stateless|"low overhead"]'] },
    { id: 'tail-buffers', label: 'Tail sampling buffers whole traces', weight: 1, patterns: ['tail [buffer*|memory|stateful] [span*|trace*]'] },
    { id: 'keeps-errors', label: 'Tail keeps errors and slow traces', weight: 1, patterns: ['keep* [error*|slow|latency|interesting]'] },
    { id: 'propagated-flag', label: 'The decision travels in the sampled flag', weight: 1, patterns: ['[decision|flag] propagat* [downstream|traceparent|header*]', '"sampled flag"'] },
    { id: 'route-by-trace-id', label: 'Route spans by trace id', weight: 1, patterns: ['[route*|load-balanc*|"load balance"] "trace id"'] },
    { id: 'parent-based', label: 'Children follow the parent decision', weight: 1, patterns: ['[child*|downstream] [follow*|respect*|honor*] parent*'] },
    { id: 'cost-tradeoff', label: 'Cost versus completeness', weight: 1, patterns: ['[cost*|expensive|bill*] [complete*|coverage|visibility]', '/\\b(cost|price)s?\\b.{0,40}\\btrade-?off\\b/'] },
    { id: 'ratio', label: 'Sampling ratio', weight: 1, patterns: ['[ratio|rate|percent*|%] [sampl*|keep*]'] },
  ],
  misconceptions: [
    { id: 'tail-decides-early', label: 'Tail decides at the start', penalty: 1, patterns: [{ match: 'tail [decid*|sampl*] [start|begin*|before]', ordered: true }] },
    { id: 'head-sees-errors', label: 'Head sampling sees errors', penalty: 1, patterns: ['head [know*|see*] error*'] },
  ],
  bands: [
    { label: 'strong', minFraction: 0.75 },
    { label: 'partial', minFraction: 0.35 },
    { label: 'weak', minFraction: 0 },
  ],
};

export const BENCH_PROMPT = 'Head sampling vs tail sampling: explain the difference and when you would pick each.';

const FUNCTION = 'the a an of to in and is it that for on with as this by at be are from or but not so which when'.split(' ');
const DOMAIN = (
  'head tail sampling sampled sampler decides decision start root trace traces span spans collector buffer memory ' +
  'stateful stateless cheap keep keeps error errors slow latency flag propagated propagates downstream traceparent header ' +
  'route load balance trace ID child children follow parent cost expensive complete coverage ratio rate percent ' +
  'after completes finished end before beginning'
).split(' ');
const FILLER = (
  'service request database queue kafka team dashboard incident production deploy cluster region customer checkout ' +
  'payment latency budget week engineers vendor pipeline config default attribute event resource exporter batch ' +
  'processor network retry timeout handler endpoint graph alert runbook owner migration rollout canary'
).split(' ');
/** Clauses a real answer would contain, so that concepts (and a misconception) actually match. */
const CLAUSES = [
  'head sampling decides at the root',
  'tail sampling decides after the trace completes',
  'head sampling is cheap and stateless',
  'the tail sampler has to buffer spans in memory',
  'we keep errors and slow traces',
  'the decision propagates downstream in the traceparent header',
  'you route spans by trace ID',
  'children follow the parent decision',
  'it is a cost versus completeness trade-off',
  'tail sampling does not decide at the start',
  'head sampling cannot see errors',
];
const CODE = ['traceparent', 'http.request.method', 'span.End()', 'X-B3-TraceId', 'traceId', 'WithSpanKind', '0.25', '10%'];

/**
 * A `words`-word answer: about a third of its sentences open with a clause a
 * real answer would contain; the rest is ~45% function words, ~25% rubric
 * terms, and filler, code and numbers.
 */
export function generateAnswer(words: number, seed: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const out: string[] = [];
  let sentenceLength = 0;
  let clause: string[] = [];
  for (let i = 0; i < words; i++) {
    if (sentenceLength === 0 && clause.length === 0 && rnd() < 0.35) clause = pick(CLAUSES).split(' ');
    const r = rnd();
    let word = clause.length > 0 ? (clause.shift() as string) : r < 0.45 ? pick(FUNCTION) : r < 0.7 ? pick(DOMAIN) : r < 0.95 ? pick(FILLER) : pick(CODE);
    if (sentenceLength === 0) word = word[0].toUpperCase() + word.slice(1);
    out.push(word);
    sentenceLength++;
    if (sentenceLength > 8 && rnd() < 0.12) {
      out[out.length - 1] += rnd() < 0.85 ? '.' : '?';
      sentenceLength = 0;
    } else if (rnd() < 0.05) {
      out[out.length - 1] += ',';
    }
  }
  return out.join(' ') + '.';
}

/** Keywords per concept for the naive baseline: the literal words of the first pattern, wildcards and syntax stripped. */
export function baselineKeywords(rubric: Rubric): string[][] {
  return rubric.concepts.map((c) => {
    const first = c.patterns[0];
    const source = typeof first === 'string' ? first : first.match;
    if (source.startsWith('/')) return ['cost', 'trade'];
    return source
      .replace(/\[([^\]|]*)[^\]]*\]/g, '$1')
      .replace(/[*"=]/g, '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
  });
}
