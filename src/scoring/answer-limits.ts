/**
 * The largest answer the API and the CLI accept: 100 KB of UTF-8. The engine
 * scores at most its first 32,768 characters (and flags the rest as
 * truncated); this bound only keeps requests and batch lines reasonable.
 */
export const MAX_ANSWER_BYTES = 100 * 1024;

export function answerByteLength(answer: string): number {
  return Buffer.byteLength(answer, 'utf8');
}

export function isAnswerTooLong(answer: string): boolean {
  return answerByteLength(answer) > MAX_ANSWER_BYTES;
}
