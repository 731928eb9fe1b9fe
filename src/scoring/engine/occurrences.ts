/**
 * Where one pattern item (a word, an alternative list, a phrase, a regex)
 * occurs in an answer, as a sorted list of occurrences. Memoised per answer
 * because rubrics repeat the same items across patterns.
 */
import type { AnswerContext, Occurrence } from './analysis';
import type { CompiledItem, Sequence } from './compile';

/** Regexes see at most this much of each sentence, and this much of the answer in total. */
export const REGEX_SENTENCE_CHARS = 500;
export const REGEX_ANSWER_CHARS = 20_000;
const REGEX_MATCHES_PER_SENTENCE = 16;

function occurrence(ctx: AnswerContext, from: number, to: number, start: number, end: number): Occurrence {
  let negated = false;
  let prompt = true;
  for (let p = from; p <= to; p++) {
    if (ctx.wordNegated[p]) negated = true;
    if (!ctx.wordPrompt[p]) prompt = false;
  }
  const tokFrom = ctx.wordToken[from];
  return { from, to, distFrom: ctx.tokenDistance[tokFrom], distTo: ctx.tokenDistance[ctx.wordToken[to]], sentence: ctx.tokens[tokFrom].sentence, negated, prompt, start, end };
}

/** Whether position q directly continues position q - 1 in the same clause. */
function adjacent(ctx: AnswerContext, q: number): boolean {
  if (q >= ctx.positions) return false;
  const tq = ctx.wordToken[q];
  const tp = ctx.wordToken[q - 1];
  if (tq === tp) return true;
  const token = ctx.tokens[tq];
  return !token.breakBefore && token.sentence === ctx.tokens[tp].sentence;
}

/** Occurrences of any of the slot's atoms that start exactly at position q. */
function startingAt(ctx: AnswerContext, slot: readonly number[], q: number): Occurrence[] {
  const found: Occurrence[] = [];
  for (const id of slot) {
    const list = ctx.atomOcc[id];
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].from < q) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i].from === q; i++) found.push(list[i]);
  }
  return found;
}

/**
 * Extends a partial phrase match slot by slot. A slot may match one word or a
 * multi-word unit (a number phrase, an identifier), so the next slot starts
 * right after whatever the previous one covered.
 */
function extendSequence(ctx: AnswerContext, seq: Sequence, k: number, first: Occurrence, last: Occurrence, out: Occurrence[]): void {
  if (k === seq.slots.length) {
    out.push(occurrence(ctx, first.from, last.to, first.start, last.end));
    return;
  }
  const q = last.to + 1;
  if (!adjacent(ctx, q)) return;
  for (const next of startingAt(ctx, seq.slots[k], q)) extendSequence(ctx, seq, k + 1, first, next, out);
}

function sequenceOccurrences(ctx: AnswerContext, seq: Sequence, out: Occurrence[]): void {
  for (const id of seq.slots[0]) {
    const list = ctx.atomOcc[id];
    if (!list) continue;
    if (seq.slots.length === 1) for (const o of list) out.push(o);
    else for (const o of list) extendSequence(ctx, seq, 1, o, o, out);
  }
}

/** First position whose word ends after `offset`. */
function positionAfter(ctx: AnswerContext, offset: number): number {
  let lo = 0;
  let hi = ctx.positions;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.wordEnd[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function regexOccurrences(ctx: AnswerContext, regex: RegExp, out: Occurrence[]): void {
  let budget = REGEX_ANSWER_CHARS;
  for (const sentence of ctx.sentences) {
    if (budget <= 0) break;
    const length = Math.min(sentence.end - sentence.start, REGEX_SENTENCE_CHARS, budget);
    budget -= length;
    const text = ctx.text.slice(sentence.start, sentence.start + length);
    regex.lastIndex = 0;
    for (let found = 0; found < REGEX_MATCHES_PER_SENTENCE; found++) {
      const m = regex.exec(text);
      if (!m) break;
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      const from = positionAfter(ctx, start);
      let to = positionAfter(ctx, end - 1);
      if (from >= ctx.positions || ctx.wordStart[from] >= end) continue;
      if (to >= ctx.positions || ctx.wordStart[to] >= end) to -= 1;
      const occ = occurrence(ctx, from, Math.max(from, to), start, end);
      // A negation written inside the regex is the author's intent; only a cue before the match negates it.
      occ.negated = ctx.wordNegated[from] === 1;
      out.push(occ);
    }
  }
}

function byPosition(a: Occurrence, b: Occurrence): number {
  return a.from - b.from || a.to - b.to || a.start - b.start;
}

export function itemOccurrences(ctx: AnswerContext, item: CompiledItem): Occurrence[] {
  const cached = ctx.itemOcc[item.id];
  if (cached) return cached;
  const out: Occurrence[] = [];
  for (const seq of item.sequences) sequenceOccurrences(ctx, seq, out);
  if (item.regex) regexOccurrences(ctx, item.regex, out);
  out.sort(byPosition);
  const unique = out.filter((o, i) => i === 0 || o.from !== out[i - 1].from || o.to !== out[i - 1].to);
  ctx.itemOcc[item.id] = unique;
  return unique;
}
