/**
 * Bounded misspelling tolerance. Optimal-string-alignment Damerau-Levenshtein
 * (adjacent transpositions count as one edit: "smaple" → "sample"), computed
 * with an early exit so a comparison never costs more than the bound needs.
 */

/** Edits allowed for a rubric word of this length: none below 5 letters, one up to 8, two beyond. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length <= 8 ? 1 : 2;
}

/** Distance between a and b, or max + 1 as soon as it must exceed max. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= max ? Math.max(la, lb) : max + 1;
  let prevPrev = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prevPrev[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[lb] <= max ? prev[lb] : max + 1;
}

/**
 * Whether an answer word is a tolerable misspelling of a rubric word: same
 * first letter (cuts most false positives) and within the length-based bound,
 * on the surface form or on the stems.
 */
export function isNearMiss(answerText: string, answerStem: string, rubricText: string, rubricStem: string): boolean {
  const max = allowedEdits(rubricText.length);
  if (max === 0 || answerText.length < 4) return false;
  if (answerText.charCodeAt(0) !== rubricText.charCodeAt(0)) return false;
  return damerauLevenshtein(answerText, rubricText, max) <= max || damerauLevenshtein(answerStem, rubricStem, max) <= max;
}
