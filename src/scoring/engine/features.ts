/**
 * Shape of an answer as text, for the anti-gaming flags: is it prose, or a
 * bag of rubric terms? is it about the question at all?
 */
import type { AnswerContext } from './analysis';
import { FUNCTION_WORD } from './word-flags';

export interface AnswerShape {
  /** Word tokens (symbols excluded). */
  tokens: number;
  functionTokens: number;
  contentTokens: number;
  /** Content tokens that match some rubric atom. */
  matchedContent: number;
  /** Clause segments: sentences and comma/colon/newline-separated pieces. */
  segments: number;
  /** Segments that read like prose: at least 3 words, one of them a function word. */
  proseSegments: number;
}

export function measureShape(ctx: AnswerContext): AnswerShape {
  let tokens = 0;
  let functionTokens = 0;
  let matchedContent = 0;
  let segments = 0;
  let proseSegments = 0;
  let segmentWords = 0;
  let segmentFunctionWords = 0;
  const closeSegment = (): void => {
    if (segmentWords >= 3 && segmentFunctionWords > 0) proseSegments++;
    segmentWords = 0;
    segmentFunctionWords = 0;
  };
  let pos = 0;
  for (let t = 0; t < ctx.tokens.length; t++) {
    const token = ctx.tokens[t];
    const partCount = token.parts.length;
    if (token.breakBefore) {
      closeSegment();
      segments++;
    }
    if (token.kind !== 'symbol') {
      tokens++;
      segmentWords++;
      if (ctx.tokenFlags[t] & FUNCTION_WORD) {
        functionTokens++;
        segmentFunctionWords++;
      } else {
        for (let p = pos; p < pos + partCount; p++) {
          if (ctx.posAtoms[p].length > 0) {
            matchedContent++;
            break;
          }
        }
      }
    }
    pos += partCount;
  }
  closeSegment();
  return { tokens, functionTokens, contentTokens: tokens - functionTokens, matchedContent, segments, proseSegments };
}

export const STUFFING_MIN_CONTENT = 6;

/**
 * Keyword stuffing: mostly rubric terms and almost no function words, or a
 * list of short fragments of which few read like prose. Ordinary prose runs at
 * 30–50% function words; even dense expert prose ("Attribute discipline. Span
 * attributes carry references and outcomes, never sensitive values …") stays
 * above 20% with most fragments containing one. A false positive caps a good
 * answer, so the thresholds err on the side of not flagging.
 */
export function looksLikeKeywordStuffing(shape: AnswerShape): boolean {
  if (shape.contentTokens < STUFFING_MIN_CONTENT) return false;
  if (shape.matchedContent / shape.contentTokens < 0.4) return false;
  const functionRatio = shape.functionTokens / shape.tokens;
  if (functionRatio < 0.1) return true;
  const segments = Math.max(1, shape.segments);
  return functionRatio < 0.2 && shape.tokens / segments <= 4 && shape.proseSegments / segments < 0.5;
}

export const OFF_TOPIC_MIN_CONTENT = 5;

/**
 * Off topic: a real answer (several content words) that shares almost no
 * vocabulary with the rubric or the prompt. Only asked when nothing matched.
 */
export function looksOffTopic(ctx: AnswerContext, shape: AnswerShape, vocabulary: ReadonlySet<string>, prompt: ReadonlySet<string>): boolean {
  if (shape.contentTokens < OFF_TOPIC_MIN_CONTENT) return false;
  let related = 0;
  let pos = 0;
  for (let t = 0; t < ctx.tokens.length; t++) {
    const token = ctx.tokens[t];
    const end = pos + token.parts.length;
    if (token.kind !== 'symbol' && !(ctx.tokenFlags[t] & FUNCTION_WORD)) {
      for (let p = pos; p < end; p++) {
        const s = ctx.wordStem[p];
        if (ctx.posAtoms[p].length > 0 || vocabulary.has(s) || prompt.has(s)) {
          related++;
          break;
        }
      }
    }
    pos = end;
  }
  return related / shape.contentTokens < 0.1;
}
