/**
 * The `/regex/` escape hatch runs author-supplied regular expressions over
 * candidate text, so it must not be able to backtrack catastrophically.
 * JavaScript has no regex timeout; instead we refuse the shapes that blow up
 * (a quantified group that itself contains a quantifier or an alternation,
 * such as (a+)+ or (a|aa)*, and back-references), limit unbounded quantifiers
 * to two (at most quadratic), and bound the input length at match time.
 */

export const MAX_REGEX_LENGTH = 200;
export const MAX_UNBOUNDED_QUANTIFIERS = 2;

interface GroupFrame {
  risky: boolean;
}

/** Returns a quantifier's length at i (0 if none) and whether it repeats more than once. */
function quantifierAt(src: string, i: number): { length: number; repeats: boolean; unbounded: boolean } {
  const c = src[i];
  if (c === '*' || c === '+') return { length: 1 + (src[i + 1] === '?' ? 1 : 0), repeats: true, unbounded: true };
  if (c === '?') return { length: 1 + (src[i + 1] === '?' ? 1 : 0), repeats: false, unbounded: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(src.slice(i));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      return { length: m[0].length, repeats: max > 1, unbounded: max === Infinity };
    }
  }
  return { length: 0, repeats: false, unbounded: false };
}

/** Returns a problem description, or undefined when the regex is acceptable. */
export function checkRegexSafety(source: string): string | undefined {
  if (source.length > MAX_REGEX_LENGTH) return `regex is ${source.length} characters; the limit is ${MAX_REGEX_LENGTH}`;
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    return `invalid regex: ${(e as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'regex back-references are not allowed';

  const stack: GroupFrame[] = [{ risky: false }];
  let unbounded = 0;
  let lastAtomRisky = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      lastAtomRisky = false;
    } else if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      lastAtomRisky = false;
    } else if (c === '(') {
      stack.push({ risky: false });
      i++;
      if (source[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(source.slice(i));
        i += m ? m[0].length : 1;
      }
      continue;
    } else if (c === ')') {
      const frame = stack.pop() ?? { risky: false };
      if (stack.length === 0) stack.push({ risky: false });
      lastAtomRisky = frame.risky;
      if (frame.risky) stack[stack.length - 1].risky = true;
      i++;
    } else if (c === '|') {
      stack[stack.length - 1].risky = true;
      i++;
      continue;
    } else {
      i++;
      lastAtomRisky = false;
    }
    const q = quantifierAt(source, i);
    if (q.length > 0) {
      if (lastAtomRisky && q.repeats) return 'regex has nested quantifiers (like (a+)+), which can take exponential time';
      if (q.unbounded) unbounded++;
      stack[stack.length - 1].risky = true;
      i += q.length;
      lastAtomRisky = false;
    }
  }
  if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) {
    return `regex has ${unbounded} unbounded quantifiers (* + {n,}); the limit is ${MAX_UNBOUNDED_QUANTIFIERS}`;
  }
  if (new RegExp(source, 'iu').test('')) return 'regex matches empty text, so it would match every sentence';
  return undefined;
}
