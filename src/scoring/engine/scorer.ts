/**
 * Scores one answer against a rubric: matches every concept and
 * misconception, adds up weights and penalties, applies the caps, and
 * explains itself (evidence for every match, feedback for every miss, flags
 * for anything a human should look at).
 */
import { analyzeAnswer, promptStems, type AnswerContext, type Occurrence } from './analysis';
import { compiledFor, type CompiledPattern, type CompiledRubric } from './compile';
import { looksLikeKeywordStuffing, looksOffTopic, measureShape } from './features';
import { findMatch } from './matcher';
import { itemOccurrences } from './occurrences';
import {
  ENGINE_VERSION,
  type ConceptResult,
  type Evidence,
  type Flag,
  type MisconceptionResult,
  type Rubric,
  type ScoreInput,
  type ScoreResult,
} from './types';

/** Longer answers are scored on their first 32,768 UTF-16 units (and flagged): nobody types more in an interview. */
export const MAX_ANSWER_CHARS = 32_768;

interface PatternHit {
  pattern: CompiledPattern;
  evidence: Evidence[];
}

interface MatchSummary {
  hit: PatternHit | undefined;
  promptOnly: boolean;
}

const NO_PROMPT: ReadonlySet<string> = new Set();
const PROMPT_CACHE_LIMIT = 64;
const promptCache = new Map<string, Set<string>>();

function cachedPromptStems(prompt: string): ReadonlySet<string> {
  if (prompt === '') return NO_PROMPT;
  let stems = promptCache.get(prompt);
  if (!stems) {
    stems = promptStems(prompt);
    if (promptCache.size >= PROMPT_CACHE_LIMIT) promptCache.clear();
    promptCache.set(prompt, stems);
  }
  return stems;
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function toEvidence(answer: string, occurrences: readonly Occurrence[]): Evidence[] {
  const spans = occurrences.map((o) => ({ start: o.start, end: o.end })).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ start: s.start, end: s.end, text: answer.slice(s.start, s.end) }));
}

function matchPatterns(ctx: AnswerContext, patterns: readonly CompiledPattern[], needsNewWord: boolean): MatchSummary {
  let promptOnly = false;
  for (const pattern of patterns) {
    const lists: Occurrence[][] = [];
    // An item that never occurs rules the pattern out; skip computing the rest.
    for (const item of pattern.items) {
      const list = itemOccurrences(ctx, item);
      if (list.length === 0) break;
      lists.push(list);
    }
    if (lists.length < pattern.items.length) continue;
    const outcome = findMatch(lists, { within: pattern.within, ordered: pattern.ordered, polarity: pattern.polarity, needsNewWord });
    if (outcome.occurrences) return { hit: { pattern, evidence: toEvidence(ctx.text, outcome.occurrences) }, promptOnly: false };
    promptOnly ||= outcome.promptOnly;
  }
  return { hit: undefined, promptOnly };
}

function truncate(answer: string): string {
  if (answer.length <= MAX_ANSWER_CHARS) return answer;
  let cut = MAX_ANSWER_CHARS;
  const c = answer.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  return answer.slice(0, cut);
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

function labels(items: ReadonlyArray<{ label: string }>): string {
  return items.map((i) => `"${i.label}"`).join(', ');
}

function checkInput(input: ScoreInput): { answer: string; prompt: string } {
  if (typeof input !== 'object' || input === null) throw new TypeError('scoreAnswer expects { prompt, answer }');
  if (typeof input.answer !== 'string') throw new TypeError('answer must be a string');
  if (input.prompt !== undefined && typeof input.prompt !== 'string') throw new TypeError('prompt must be a string');
  return { answer: input.answer, prompt: input.prompt ?? '' };
}

export function scoreAnswer(rubric: Rubric | CompiledRubric, input: ScoreInput): ScoreResult {
  const { answer, prompt } = checkInput(input);
  const compiled = compiledFor(rubric);
  const text = truncate(answer);
  const promptSet = compiled.options.demotePromptWords ? cachedPromptStems(prompt) : NO_PROMPT;
  const ctx = analyzeAnswer(compiled, text, promptSet);
  const demote = promptSet.size > 0;

  const promptOnlyConcepts: Array<{ label: string }> = [];
  const concepts: ConceptResult[] = compiled.concepts.map((c) => {
    const { hit, promptOnly } = matchPatterns(ctx, c.patterns, demote);
    if (!hit && promptOnly) promptOnlyConcepts.push(c);
    const result: ConceptResult = { id: c.id, label: c.label, weight: c.weight, required: c.required, matched: !!hit, earned: hit ? c.weight : 0, evidence: hit?.evidence ?? [] };
    if (hit) result.matchedPattern = hit.pattern.source;
    return result;
  });

  const misconceptions: MisconceptionResult[] = [];
  const contradictions: Flag[] = [];
  for (const m of compiled.misconceptions) {
    const { hit } = matchPatterns(ctx, m.patterns, false);
    if (!hit) continue;
    const result: MisconceptionResult = { id: m.id, label: m.label, penalty: m.penalty, evidence: hit.evidence, matchedPattern: hit.pattern.source };
    if (m.feedback !== undefined) result.feedback = m.feedback;
    misconceptions.push(result);
    const clashing = concepts.filter((c) => c.matched && m.contradicts.includes(c.id));
    if (clashing.length > 0) {
      contradictions.push({
        code: 'contradiction',
        message: `The answer states ${labels(clashing)} and also the misconception "${m.label}": needs review.`,
        evidence: [...clashing.flatMap((c) => c.evidence), ...hit.evidence].sort((a, b) => a.start - b.start),
      });
    }
  }

  const maxScore = compiled.maxScore;
  const earned = concepts.reduce((s, c) => s + c.earned, 0) - misconceptions.reduce((s, m) => s + m.penalty, 0);
  let score = Math.min(maxScore, Math.max(0, earned));
  let fraction = maxScore > 0 ? score / maxScore : 0;

  const flags: Flag[] = [];
  const empty = ctx.tokens.length === 0;
  if (empty) flags.push({ code: 'empty', message: 'The answer is empty.' });
  if (text.length < answer.length) {
    flags.push({ code: 'truncated', message: `The answer is ${answer.length} characters long; only the first ${text.length} were scored.` });
  }
  const missingRequired = concepts.filter((c) => c.required && !c.matched);
  if (missingRequired.length > 0 && !empty) {
    fraction = Math.min(fraction, compiled.options.requiredCap);
    flags.push({ code: 'required_missing', message: `Required concept missing: ${labels(missingRequired)}; the score is capped at ${percent(compiled.options.requiredCap)}.` });
  }
  const shape = measureShape(ctx);
  if (looksLikeKeywordStuffing(shape)) {
    fraction = Math.min(fraction, compiled.options.stuffingCap);
    flags.push({ code: 'keyword_stuffing', message: `The answer is a list of terms rather than sentences; the score is capped at ${percent(compiled.options.stuffingCap)}.` });
  }
  flags.push(...contradictions);
  if (promptOnlyConcepts.length > 0) {
    flags.push({ code: 'repeats_prompt', message: `No credit for ${labels(promptOnlyConcepts)}: the answer only repeats words of the question.` });
  }
  const anyMatch = concepts.some((c) => c.matched) || misconceptions.length > 0;
  if (!anyMatch && looksOffTopic(ctx, shape, compiled.vocabulary, promptSet)) flags.push({ code: 'off_topic', message: 'The answer does not seem to be about the question.' });

  if (maxScore > 0) score = Math.min(score, fraction * maxScore);
  fraction = round4(fraction);
  const result: ScoreResult = {
    engineVersion: ENGINE_VERSION,
    score: round4(score),
    maxScore: round4(maxScore),
    fraction,
    concepts,
    misconceptions,
    missed: compiled.concepts.filter((_, i) => !concepts[i].matched).map((c) => ({ id: c.id, label: c.label, feedback: c.feedback })),
    flags,
  };
  const band = compiled.bands.find((b) => fraction >= b.minFraction);
  if (band) result.band = band.label;
  return result;
}
