/**
 * Words that never make a concept on their own: function words, and the
 * generic verbs and quantifiers that appear in almost any explanation
 * ("used", "make", "way"). Kept in one place so the suggestion and its tests
 * agree on what "content word" means. Negation cues are stop words too: they
 * shape a concept's polarity, they are not a concept.
 */
// Not exported by the engine's index; imported directly to stay in step with it.
import { FUNCTION_WORDS as ENGINE_FUNCTION_WORDS } from '../engine/function-words';

const FUNCTION_WORDS = `
a about above across after again against all almost along already also although always am among an and another any anyone
anything are around as at be became because become been before being below between both but by can cannot could did do does
doing done down during each either else etc even ever every for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less let like many may me might mine more most much must my
myself neither no nobody none nor not nothing now of off often on one only onto or other others otherwise our ours
ourselves out over own per rather same shall she should since so some someone something such than that the their theirs them
themselves then there therefore these they this those though through thus to too toward towards under until up upon us very
via was we were what whatever when whenever where whereas wherever whether which while who whom whose why will with within
without would yet you your yours yourself yourselves
e.g i.e eg ie vs
`;

/** Generic words that carry no domain meaning in a model answer. */
const GENERIC_WORDS = `
use used uses using make makes made making keep keeps kept keeping way ways thing things lot lots get gets got getting go goes going able
basically simply actually usually generally typically really well example examples mean means say says said
`;

/** Cues that negate the clause they start (matched on lowercase tokens). */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  'cannot',
  "can't",
  "don't",
  "doesn't",
  "isn't",
  "aren't",
  "won't",
  "didn't",
  'neither',
  'nor',
  'none',
  'nothing',
]);

function wordSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));
}

/** Ours plus the engine's function words, so nothing the engine treats as function word becomes a concept. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...wordSet(FUNCTION_WORDS, GENERIC_WORDS), ...ENGINE_FUNCTION_WORDS]);

/** "it's", "you'll", "we've": a contraction of a function word is a function word. */
const CONTRACTION = /^([a-z]+)'(s|ll|ve|re|d|m)$/;

export function isStopWord(lowercaseWord: string): boolean {
  if (STOP_WORDS.has(lowercaseWord) || NEGATION_CUES.has(lowercaseWord)) return true;
  const contraction = CONTRACTION.exec(lowercaseWord);
  return contraction !== null && STOP_WORDS.has(contraction[1]);
}
