/**
 * Case and compatibility folding for matching. Answers arrive from any
 * keyboard: full-width letters, ligatures, accents, curly apostrophes. Both
 * rubric patterns and answers go through the same fold, so matching only has
 * to compare plain strings.
 */

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function fold(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  let t = text.normalize('NFKC').toLowerCase();
  // Accents on Latin letters are dropped (naïve = naive); marks in other scripts carry meaning and stay.
  t = t.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
  return t.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}
