/**
 * Which words of a model answer sit in a negated clause ("a node that has no
 * children"), NegEx-style like the engine: a cue negates what follows it in
 * the same clause, up to a scope ender ("but", "because" …), clause
 * punctuation, or a fixed number of words. The engine's own marker is
 * internal to it, so this mirrors its rules; if the two ever disagree on a
 * model answer, the suggestion tests (model answer scores 1) catch it.
 */
import type { tokenize } from '../engine';

type Token = ReturnType<typeof tokenize>['tokens'][number];

const CUES = new Set([
  'not', 'no', 'never', 'none', 'neither', 'nor', 'nothing', 'nobody', 'nowhere', 'without',
  'cannot', 'lack', 'lacks', 'lacking',
  'dont', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'wont', 'shouldnt', 'didnt',
  'hasnt', 'havent', 'hadnt', 'wouldnt', 'couldnt', 'mustnt', 'neednt',
]);

const PAIR_CUES: ReadonlyArray<readonly [string, string]> = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['opposed', 'to'],
  ['fail', 'to'],
  ['fails', 'to'],
  ['failed', 'to'],
  ['failing', 'to'],
];

/** A cue followed by one of these is not a negation ("not only X but also Y"). */
const PSEUDO_NEGATIONS: ReadonlyArray<readonly [string, string]> = [
  ['not', 'only'],
  ['not', 'just'],
  ['not', 'merely'],
  ['not', 'simply'],
  ['no', 'doubt'],
  ['no', 'matter'],
  ['nothing', 'but'],
];

const SCOPE_ENDERS = new Set([
  'but', 'however', 'although', 'though', 'whereas', 'yet', 'unless', 'except', 'because', 'since',
  'so', 'which', 'who', 'while', 'instead', 'otherwise', 'therefore', 'thus', 'hence',
]);

export const NEGATION_SCOPE_WORDS = 12;

export interface NegationMarks {
  negated: boolean[];
  cue: boolean[];
}

function cueLength(tokens: readonly Token[], i: number): number {
  const word = tokens[i].text;
  const next = tokens[i + 1];
  const sameClause = next !== undefined && next.sentence === tokens[i].sentence && !next.breakBefore;
  if (sameClause && PSEUDO_NEGATIONS.some(([a, b]) => a === word && b === next.text)) return 0;
  if (CUES.has(word) || word.endsWith("n't")) return 1;
  if (sameClause && PAIR_CUES.some(([a, b]) => a === word && b === next.text)) return 2;
  return 0;
}

export function markNegation(tokens: readonly Token[]): NegationMarks {
  const negated = new Array<boolean>(tokens.length).fill(false);
  const cue = new Array<boolean>(tokens.length).fill(false);
  let remaining = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].breakBefore) remaining = 0;
    const length = cueLength(tokens, i);
    if (length > 0) {
      for (let k = i; k < i + length; k += 1) cue[k] = true;
      i += length - 1;
      remaining = NEGATION_SCOPE_WORDS;
      continue;
    }
    if (remaining > 0 && SCOPE_ENDERS.has(tokens[i].text)) remaining = 0;
    if (remaining > 0) {
      negated[i] = true;
      remaining -= 1;
    }
  }
  return { negated, cue };
}
