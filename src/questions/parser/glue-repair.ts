/**
 * Repairs prose the scraper damaged around inline code, and marks that code
 * with backticks.
 *
 * The scraper dropped the spaces around inline `<code>` and started a new line
 * at the first code element of a paragraph, giving e.g. "read" ⏎
 * "traceparentfrom the incoming headers" and "Puttinghttp.status_codeas an
 * event". Lines are joined first (with BREAK_MARK where a broken line resumed,
 * i.e. where inline code began); each rule below then splits one kind of glue.
 * Every split needs evidence from the document's own vocabulary (the code term
 * occurs elsewhere on its own) plus an English-looking remainder, so a normal
 * word is never cut.
 */
import { isFunctionWord, isKnownWord, isLeftWord, isPlausibleWord, isRightWord } from './english-words';
import type { ClassifiedLine } from './line-kinds';
import { BREAK_MARK } from './source-lines';
import { SEPARATED_IDENTIFIER, type Vocabulary } from './vocabulary';

type Rule = (plain: string, vocabulary: Vocabulary) => string;

/** Arguments of a call written inline: `(obj)`, `(ERROR)`, `()`; never spaces or prose punctuation. */
const ARGUMENTS = '\\([\\w.,\'"=*&-]*\\)';
const CALL = `(?<![\\w.])[A-Za-z_][\\w.]*${ARGUMENTS}`;
/** Longer "words" are not prose; splitting them would only cost time. */
const MAX_SPLIT_LENGTH = 120;
const WHOLE_SEPARATED_IDENTIFIER = new RegExp(`^${SEPARATED_IDENTIFIER}$`);
const LINE_START_RUN = /^[A-Za-z0-9][A-Za-z0-9_.-]*/;

function countOf(map: ReadonlyMap<string, number>, key: string): number {
  return map.get(key) ?? 0;
}

/** Applies `edit` to the text outside `code spans`, leaving existing spans untouched. */
function outsideCodeSpans(text: string, edit: (plain: string) => string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : edit(part)))
    .join('');
}

/** Term shapes that are code whenever inline code is known to start with them. */
export function isEvidentCode(term: string, vocabulary: Vocabulary): boolean {
  return (
    vocabulary.codeTerms.has(term) ||
    /^\d+$/.test(term) ||
    (/^[0-9a-f]{8,}$/i.test(term) && /\d/.test(term) && /[a-f]/i.test(term)) ||
    /^[a-z]+[A-Z]\w*$/.test(term) || // camelCase
    /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(term) || // PascalCase with several humps
    /^[A-Z][A-Z0-9]{2,}$/.test(term) || // CLIENT, GET
    WHOLE_SEPARATED_IDENTIFIER.test(term)
  );
}

export interface LineStartSplit {
  code: string;
  word: string;
}

/** Code whose extent is unambiguous, so a known word glued after it can be split off. */
function isUnmistakableCode(term: string, vocabulary: Vocabulary): boolean {
  return (
    vocabulary.codeTerms.has(term) ||
    /^\d+$/.test(term) ||
    /^[A-Z][A-Z0-9]{2,}$/.test(term) ||
    WHOLE_SEPARATED_IDENTIFIER.test(term)
  );
}

/**
 * Splits the first token of a broken line ("traceparentfrom", "ctxdown") into
 * the code it starts with and the glued word, trying in order:
 * 1. code that occurs on its own elsewhere in the document + a known word;
 * 2. unmistakable code (http.method, CLIENT) + a known word;
 * 3. a number + a plausible word ("00today").
 * A token that occurs elsewhere is a word of its own and is never split, nor
 * is a split made after a function word ("with|in"). A call ("span.End(") is
 * left to the call rule.
 */
export function splitLineStart(run: string, vocabulary: Vocabulary): LineStartSplit | undefined {
  const ownWord = countOf(vocabulary.chunks, run) >= 2 || countOf(vocabulary.proseWords, run.toLowerCase()) >= 2;
  if (run.length > MAX_SPLIT_LENGTH || ownWord) return undefined;
  const candidates: LineStartSplit[] = [];
  for (let cut = run.length - 2; cut >= 1; cut -= 1) {
    const code = run.slice(0, cut);
    const word = run.slice(cut);
    if (/^[a-z]{2,}$/.test(word) && /[A-Za-z0-9]$/.test(code) && !isFunctionWord(code)) {
      candidates.push({ code, word });
    }
  }
  const attested = (candidate: LineStartSplit) =>
    candidate.code.length >= 2 && countOf(vocabulary.chunks, candidate.code) >= 1;
  const knownWord = (candidate: LineStartSplit) => isKnownWord(candidate.word, vocabulary);
  // Without attestation, a cut right after a capitalised hump would split a camelCase name: getActiveSp|an.
  const insideHump = (candidate: LineStartSplit) => /[A-Z][a-z]+$/.test(candidate.code);
  return (
    candidates.find((candidate) => attested(candidate) && knownWord(candidate)) ??
    candidates.find(
      (candidate) => isUnmistakableCode(candidate.code, vocabulary) && !insideHump(candidate) && knownWord(candidate),
    ) ??
    candidates.find((candidate) => /^\d+$/.test(candidate.code) && isPlausibleWord(candidate.word))
  );
}

/**
 * Registers lowercase code terms proven by line-start glue ("traceparentfrom"
 * proves `traceparent`), so the same term can be found glued mid-line too
 * ("owntracestateusage").
 */
export function learnCodeTermsFromLineStarts(lines: readonly ClassifiedLine[], vocabulary: Vocabulary): void {
  for (const line of lines) {
    if (line.kind !== 'text' || !line.continues) continue;
    const token = LINE_START_RUN.exec(line.text)?.[0] ?? '';
    const run = token.replace(/[._-]+$/, '');
    const isCall = run === token && line.text[token.length] === '(';
    const split = run && !isCall ? splitLineStart(run, vocabulary) : undefined;
    if (split && /^[a-z][a-z-]*[a-z]$/.test(split.code)) vocabulary.codeTerms.add(split.code);
  }
}

/** "0af7…319c— 32 hex" → "0af7…319c — 32 hex"; `01= "sampled."` → `01 = "sampled."`. */
const spaceGluedPunctuation: Rule = (plain) =>
  plain.replace(/([A-Za-z0-9)\]])—(?=\s)/g, '$1 —').replace(/([A-Za-z0-9])=(?=\s)/g, '$1 =');

/** "ForceFlush()in" → "ForceFlush() in"; "IsRecording()(or" → "IsRecording() (or". */
const splitAfterCalls: Rule = (plain, vocabulary) =>
  plain
    .replace(new RegExp(`(${CALL})(?=\\([A-Za-z]{2,}\\s)`, 'g'), '$1 ')
    .replace(new RegExp(`(${CALL})([A-Za-z]+)`, 'g'), (match: string, call: string, word: string) =>
      isRightWord(word, vocabulary) ? `${call} ${word}` : match,
    );

/** "tracer.Start,span.SetAttribute" → "tracer.Start, span.SetAttribute". */
const splitIdentifierCommas: Rule = (plain) =>
  plain.replace(
    new RegExp(`(?<![\\w.])(${SEPARATED_IDENTIFIER}(?:${ARGUMENTS})?),(?=${SEPARATED_IDENTIFIER})`, 'g'),
    '$1, ',
  );

function leftGlueLength(firstPart: string, vocabulary: Vocabulary): number {
  for (let cut = 1; cut <= firstPart.length - 2; cut += 1) {
    const word = firstPart.slice(0, cut);
    const part = firstPart.slice(cut);
    if (!/[a-z]$/.test(word) || !/^[a-z]/.test(part)) continue;
    if (countOf(vocabulary.firstParts, part) >= 1 && isLeftWord(word, vocabulary)) return cut;
  }
  return 0;
}

/** Prefers a known glued word ("as", "with") over a merely plausible one ("blob"). */
function rightGlueLength(lastPart: string, vocabulary: Vocabulary): number {
  const cuts: { part: string; word: string }[] = [];
  for (let cut = lastPart.length - 2; cut >= 2; cut -= 1) {
    const part = lastPart.slice(0, cut);
    const word = lastPart.slice(cut);
    if (countOf(vocabulary.lastParts, part) >= 1 && isRightWord(word, vocabulary)) cuts.push({ part, word });
  }
  const best = cuts.find(({ word }) => isKnownWord(word, vocabulary)) ?? cuts[0];
  return best ? best.word.length : 0;
}

/**
 * "Puttinghttp.status_codeas" → "Putting http.status_code as": an identifier whose
 * first (last) part occurs nowhere else, but whose tail (head) is a part other
 * identifiers use, has an English word glued on.
 */
function trimIdentifier(identifier: string, vocabulary: Vocabulary): string {
  if (identifier.length > MAX_SPLIT_LENGTH) return identifier;
  const parts = identifier.split(/[._]/);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === '' || last === '') return identifier;
  const start = countOf(vocabulary.firstParts, first) <= 1 ? leftGlueLength(first, vocabulary) : 0;
  const tail = countOf(vocabulary.lastParts, last) <= 1 ? rightGlueLength(last, vocabulary) : 0;
  if (start === 0 && tail === 0) return identifier;
  const end = identifier.length - tail;
  return [identifier.slice(0, start), identifier.slice(start, end), identifier.slice(end)].filter(Boolean).join(' ');
}

const trimGluedIdentifiers: Rule = (plain, vocabulary) =>
  plain
    .replace(new RegExp(`(?<![\\w.])${SEPARATED_IDENTIFIER}`, 'g'), (identifier) =>
      trimIdentifier(identifier, vocabulary),
    )
    // "unknown_service(often …)" is a parenthetical, not a call.
    .replace(new RegExp(`(?<![\\w.])(${SEPARATED_IDENTIFIER})\\((?=([a-z]{2,}) )`, 'g'), (match: string, id: string, word: string) =>
      isKnownWord(word, vocabulary) ? `${id} (` : match,
    );

/** "aCLIENTspan" → "a `CLIENT` span"; "downstream'sSERVERspan" → "downstream's `SERVER` span". */
const splitGluedCapitals: Rule = (plain, vocabulary) =>
  plain.replace(
    /(?<![a-z])([a-z]*)([A-Z]{3,})([a-z]*)/g,
    (match: string, left: string, capitals: string, right: string, offset: number, whole: string) => {
      if ((!left && !right) || countOf(vocabulary.chunks, capitals) < 1) return match;
      const before = whole[offset - 1] ?? '';
      if (/[A-Za-z0-9_]/.test(before)) return match;
      const possessive = left === 's' && /['’]/.test(before);
      if (left && !possessive && !isLeftWord(left, vocabulary)) return match;
      if (right && !isRightWord(right, vocabulary)) return match;
      return `${left}${left ? ' ' : ''}\`${capitals}\`${right ? ' ' : ''}${right}`;
    },
  );

/** The token where a broken line resumed starts with inline code: split off the glued word, mark the code. */
const repairLineStarts: Rule = (plain, vocabulary) =>
  plain.replace(
    new RegExp(`${BREAK_MARK}([A-Za-z0-9][A-Za-z0-9_.\\-]*)`, 'g'),
    (match: string, token: string, offset: number, whole: string) => {
      const run = token.replace(/[._-]+$/, '');
      const rest = token.slice(run.length);
      if (rest === '' && whole[offset + match.length] === '(') return match;
      const split = splitLineStart(run, vocabulary);
      if (split) return `${BREAK_MARK}\`${split.code}\` ${split.word}${rest}`;
      if (isEvidentCode(run, vocabulary)) return `${BREAK_MARK}\`${run}\`${rest}`;
      return match;
    },
  );

/** "owntracestateusage" → "own `tracestate` usage", for code terms proven by line-start glue. */
const splitGluedCodeTerms: Rule = (plain, vocabulary) => {
  const terms = [...vocabulary.codeTerms]
    .filter((term) => /^[a-z]{3,}$/.test(term))
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (terms.length === 0) return plain;
  return plain.replace(/(?<![\w`.-])[a-z]{4,}(?![\w`.-])/g, (word) => {
    if (word.length > MAX_SPLIT_LENGTH || countOf(vocabulary.chunks, word) > 1) return word;
    for (const term of terms) {
      const at = word.indexOf(term);
      if (at < 0 || word === term) continue;
      const left = word.slice(0, at);
      const right = word.slice(at + term.length);
      if ((left && !isLeftWord(left, vocabulary)) || (right && !isRightWord(right, vocabulary))) continue;
      return [left, `\`${term}\``, right].filter(Boolean).join(' ');
    }
    return word;
  });
};

const SPAN_CANDIDATE = new RegExp(
  `(?<![\\w\`./:@-])(${SEPARATED_IDENTIFIER}(?:${ARGUMENTS})?(?:=[^\\s,;)]*[^\\s,;).:])?)(?![\\w\`])` +
    `|(?<![\\w\`.-])(${CALL})(?![\\w\`])`,
  'g',
);

/**
 * Marks unmistakable code in prose: dotted/underscored identifiers
 * (http.request.method=POST, trace_id) and calls (span.End(), recordException(e)).
 * Abbreviations like "e.g." are left alone (every part needs two characters).
 */
const markCodeSpans: Rule = (plain) =>
  plain.replace(SPAN_CANDIDATE, (match: string, identifier: string | undefined, call: string | undefined) => {
    if (identifier) {
      const name = identifier.split(/[(=]/)[0];
      return name.split(/[._]/).every((part) => part.length >= 2) ? `\`${match}\`` : match;
    }
    if (call && !/\(s\)$/.test(call)) return `\`${match}\``;
    return match;
  });

const RULES: readonly Rule[] = [
  spaceGluedPunctuation,
  splitAfterCalls,
  splitIdentifierCommas,
  trimGluedIdentifiers,
  splitGluedCapitals,
  repairLineStarts,
  splitGluedCodeTerms,
  markCodeSpans,
];

/**
 * Repairs one paragraph of joined prose (BREAK_MARK where a broken line
 * resumed) and returns clean Markdown text.
 */
export function repairProse(text: string, vocabulary: Vocabulary): string {
  let result = text.replace(/[ \t\r\n]+/g, ' ');
  for (const rule of RULES) result = outsideCodeSpans(result, (plain) => rule(plain, vocabulary));
  return result
    .split(BREAK_MARK)
    .join('')
    // A request line marked word by word ("`GET` /users/:id") reads better as one span.
    .replace(/`([A-Z]{3,7})` (\/[^\s,;)`]*)/g, '`$1 $2`')
    .replace(/ {2,}/g, ' ')
    .trim();
}
