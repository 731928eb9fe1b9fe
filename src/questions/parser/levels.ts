/**
 * The level annotation at the end of a question line: "(junior)", "(middle → senior)".
 * A range spans every level between its ends, so "(junior → senior)" also
 * includes middle; a list ("junior / senior") gives exactly the levels named.
 */
import { LEVELS, type Level } from './document.types';

export interface LevelSuffix {
  /** The question text without the annotation. */
  prompt: string;
  levels: Level[];
  /** Words in the level position that are not levels (reported as warnings). */
  unknownWords: string[];
}

const ALIASES: Readonly<Record<string, Level>> = { mid: 'middle', 'mid-level': 'middle' };
const TRAILING_PARENS = /\s*\(([^()]*)\)\s*$/;
const RANGE_SEPARATOR = /\s*(?:→|->|–|—|\bto\b)\s*/i;
const LIST_SEPARATOR = /\s*[/,]\s*/;
/** Only a parenthesis of one to four bare words is read as a level annotation. */
const LEVEL_EXPRESSION = /^[A-Za-z-]+(?:\s*(?:→|->|–|—|\bto\b|\/|,)\s*[A-Za-z-]+){0,3}$/i;

function toLevel(word: string): Level | undefined {
  const lower = word.toLowerCase();
  if ((LEVELS as readonly string[]).includes(lower)) return lower as Level;
  return ALIASES[lower];
}

function spanning(levels: readonly Level[]): Level[] {
  const indexes = levels.map((level) => LEVELS.indexOf(level));
  const from = Math.min(...indexes);
  const to = Math.max(...indexes);
  return LEVELS.slice(from, to + 1);
}

function inDocumentOrder(levels: readonly Level[]): Level[] {
  return LEVELS.filter((level) => levels.includes(level));
}

export function splitLevelSuffix(questionText: string): LevelSuffix {
  const text = questionText.trim();
  const match = TRAILING_PARENS.exec(text);
  if (!match || !LEVEL_EXPRESSION.test(match[1].trim())) return { prompt: text, levels: [], unknownWords: [] };

  const expression = match[1].trim();
  const isRange = RANGE_SEPARATOR.test(expression);
  const words = expression.split(isRange ? RANGE_SEPARATOR : LIST_SEPARATOR).filter(Boolean);
  const known: Level[] = [];
  const unknownWords: string[] = [];
  for (const word of words) {
    const level = toLevel(word);
    if (level) known.push(level);
    else unknownWords.push(word);
  }
  const prompt = text.slice(0, match.index).trim();
  if (known.length === 0) return { prompt, levels: [], unknownWords };
  return { prompt, levels: isRange ? spanning(known) : inDocumentOrder(known), unknownWords };
}
