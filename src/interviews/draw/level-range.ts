import { LEVELS, type Level } from '../../questions/parser/document.types';

/**
 * A draw rule's levels are a range: the lowest and highest level given bound
 * it, so ["middle", "staff"] means middle, senior and staff. Empty means any level.
 */
export function levelRange(levels: readonly Level[]): Level[] {
  const indexes = levels.map((level) => LEVELS.indexOf(level)).filter((index) => index >= 0);
  if (indexes.length === 0) return [];
  return LEVELS.slice(Math.min(...indexes), Math.max(...indexes) + 1);
}

