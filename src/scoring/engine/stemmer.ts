/**
 * Porter2 ("Snowball English") stemmer, transcribed from the reference
 * algorithm (snowballstem.org, english.sbl, including the 2020s refinement
 * that keeps `add`/`egg`/`off` whole: adding → add).
 *
 * Only plain lower-case ASCII words are stemmed; anything else (other scripts,
 * digits, identifiers) is returned unchanged, because English suffix rules
 * would only damage it.
 */

const VOWELS = 'aeiouy';
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const VALID_LI = 'cdeghkmnrt';

const EXCEPTION1: Readonly<Record<string, string>> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};

const EXCEPTION2 = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'evening', 'proceed', 'exceed', 'succeed']);

const REGION_PREFIXES = ['gener', 'commun', 'arsen'];

/** Suffix tables, longest first: Snowball picks the longest suffix, then tests its condition. */
const STEP2: ReadonlyArray<readonly [string, string]> = sortByLength([
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['entli', 'ent'],
  ['izer', 'ize'],
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['alli', 'al'],
  ['fulness', 'ful'],
  ['ousli', 'ous'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['fulli', 'ful'],
  ['lessli', 'less'],
  ['li', ''],
]);

const STEP3: ReadonlyArray<readonly [string, string]> = sortByLength([
  ['tional', 'tion'],
  ['ational', 'ate'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
  ['ative', ''],
]);

const STEP4: readonly string[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement',
  'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion',
].sort((a, b) => b.length - a.length);

function sortByLength(table: Array<readonly [string, string]>): Array<readonly [string, string]> {
  return table.sort((a, b) => b[0].length - a[0].length);
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.includes(c);
}

/** Short syllable ending at `end` (exclusive) — Snowball's `shortv`. */
function endsWithShortSyllable(w: string, end: number): boolean {
  if (end >= 3) {
    const last = w[end - 1];
    if (!isVowel(last) && last !== 'w' && last !== 'x' && last !== 'Y' && isVowel(w[end - 2]) && !isVowel(w[end - 3])) {
      return true;
    }
  }
  return end === 2 && isVowel(w[0]) && !isVowel(w[1]);
}

function hasVowel(w: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isVowel(w[i])) return true;
  return false;
}

/** Index after the first non-vowel that follows a vowel, searching from `from`. */
function regionAfter(w: string, from: number): number {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

function markY(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    out += c === 'y' && (i === 0 || isVowel(out[i - 1])) ? 'Y' : c;
  }
  return out;
}

function step1a(w: string): string {
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);

  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ied') || w.endsWith('ies')) return w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  if (w.endsWith('us') || w.endsWith('ss')) return w;
  if (w.endsWith('s') && w.length >= 2 && hasVowel(w, 0, w.length - 2)) return w.slice(0, -1);
  return w;
}

function step1b(w: string, p1: number): string {
  const eed = w.endsWith('eedly') ? 5 : w.endsWith('eed') ? 3 : 0;
  if (eed) return w.length - eed >= p1 ? w.slice(0, -eed) + 'ee' : w;
  const suffix = ['ingly', 'edly', 'ing', 'ed'].find((s) => w.endsWith(s));
  if (!suffix) return w;
  const base = w.slice(0, -suffix.length);
  if (!hasVowel(base, 0, base.length)) return w;
  if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) return base + 'e';
  if (DOUBLES.some((d) => base.endsWith(d))) {
    return base.length === 3 && 'aeo'.includes(base[0]) ? base : base.slice(0, -1);
  }
  if (p1 === base.length && endsWithShortSyllable(base, base.length)) return base + 'e';
  return base;
}

function step1c(w: string): string {
  const last = w[w.length - 1];
  if ((last === 'y' || last === 'Y') && w.length > 2 && !isVowel(w[w.length - 2])) return w.slice(0, -1) + 'i';
  return w;
}

function step2(w: string, p1: number): string {
  const hit = STEP2.find(([s]) => w.endsWith(s));
  if (!hit) return w;
  const [suffix, replacement] = hit;
  const start = w.length - suffix.length;
  if (start < p1) return w;
  if (suffix === 'ogi' && w[start - 1] !== 'l') return w;
  if (suffix === 'li' && !VALID_LI.includes(w[start - 1] ?? '')) return w;
  return w.slice(0, start) + replacement;
}

function step3(w: string, p1: number, p2: number): string {
  const hit = STEP3.find(([s]) => w.endsWith(s));
  if (!hit) return w;
  const [suffix, replacement] = hit;
  const start = w.length - suffix.length;
  if (start < p1) return w;
  if (suffix === 'ative' && start < p2) return w;
  return w.slice(0, start) + replacement;
}

function step4(w: string, p2: number): string {
  const suffix = STEP4.find((s) => w.endsWith(s));
  if (!suffix) return w;
  const start = w.length - suffix.length;
  if (start < p2) return w;
  if (suffix === 'ion' && w[start - 1] !== 's' && w[start - 1] !== 't') return w;
  return w.slice(0, start);
}

function step5(w: string, p1: number, p2: number): string {
  const at = w.length - 1;
  if (w[at] === 'e') {
    if (at >= p2 || (at >= p1 && !endsWithShortSyllable(w, at))) return w.slice(0, at);
  } else if (w[at] === 'l') {
    if (at >= p2 && w[at - 1] === 'l') return w.slice(0, at);
  }
  return w;
}

const STEMMABLE = /^[a-z']+$/;

export function porter2(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  // Own properties only: "constructor" or "toString" must not find Object's.
  if (Object.hasOwn(EXCEPTION1, word)) return EXCEPTION1[word];
  if (word.length < 3) return word;

  let w = word.startsWith("'") ? word.slice(1) : word;
  w = markY(w);

  const prefix = REGION_PREFIXES.find((p) => w.startsWith(p));
  const p1 = prefix ? prefix.length : regionAfter(w, 0);
  const p2 = regionAfter(w, p1);

  w = step1a(w);
  if (!EXCEPTION2.has(w)) {
    w = step1b(w, p1);
    w = step1c(w);
    w = step2(w, p1);
    w = step3(w, p1, p2);
    w = step4(w, p2);
    w = step5(w, p1, p2);
  }
  return w.replace(/Y/g, 'y');
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Memoised porter2: answers repeat the same few hundred words endlessly. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porter2(word);
    // A full reset keeps memory bounded without LRU bookkeeping; results never depend on it.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
