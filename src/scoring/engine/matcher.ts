/**
 * Finds one way to satisfy a pattern: one occurrence per item, all in the
 * same sentence, not overlapping, within `within` words of each other, in
 * order if `ordered`, with the right polarity, and (for concepts) not made
 * only of words the prompt already contains.
 *
 * A depth-first search over the items' occurrence lists, visiting only
 * occurrences inside the current window (binary search) and stopping after a
 * fixed number of steps, so adversarial answers stay bounded.
 */
import type { Occurrence } from './analysis';
import type { Polarity } from './types';

export const MAX_SEARCH_STEPS = 20_000;

export interface MatchConstraints {
  within: number;
  ordered: boolean;
  polarity: Polarity;
  /** At least one occurrence must contain a word the prompt does not. */
  needsNewWord: boolean;
}

export interface MatchOutcome {
  /** Occurrences in item order, or null when the pattern does not match. */
  occurrences: Occurrence[] | null;
  /** A match existed but was made only of prompt words. */
  promptOnly: boolean;
}

/** Index of the first occurrence whose token index is >= tok. */
function firstAtOrAfter(list: readonly Occurrence[], tok: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].distFrom < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class Search {
  private steps = 0;
  promptOnly = false;
  private readonly chosen: Occurrence[];

  constructor(
    private readonly lists: readonly Occurrence[][],
    private readonly order: readonly number[],
    private readonly c: MatchConstraints,
  ) {
    this.chosen = new Array<Occurrence>(lists.length);
  }

  run(): Occurrence[] | null {
    const anchorList = this.lists[this.order[0]];
    for (const anchor of anchorList) {
      if (this.steps++ > MAX_SEARCH_STEPS) return null;
      this.chosen[this.order[0]] = anchor;
      if (this.extend(1, anchor.distFrom, anchor.distTo, anchor.sentence)) return [...this.chosen];
    }
    return null;
  }

  private extend(depth: number, minTok: number, maxTok: number, sentence: number): boolean {
    if (depth === this.order.length) return this.acceptLeaf();
    const item = this.order[depth];
    const list = this.lists[item];
    const within = this.c.within;
    let i = firstAtOrAfter(list, maxTok - within);
    for (; i < list.length; i++) {
      const o = list[i];
      if (o.distFrom > minTok + within || o.sentence > sentence) break;
      if (++this.steps > MAX_SEARCH_STEPS) return false;
      if (o.sentence !== sentence) continue;
      const lo = Math.min(minTok, o.distFrom);
      const hi = Math.max(maxTok, o.distTo);
      if (hi - lo > within || this.overlaps(o, depth)) continue;
      if (this.c.ordered && !this.inOrder(o, item, depth)) continue;
      this.chosen[item] = o;
      if (this.extend(depth + 1, lo, hi, sentence)) return true;
    }
    return false;
  }

  private overlaps(o: Occurrence, depth: number): boolean {
    for (let d = 0; d < depth; d++) {
      const other = this.chosen[this.order[d]];
      if (o.from <= other.to && other.from <= o.to) return true;
    }
    return false;
  }

  /** With ordered search the order is the item order, so only the previous item needs checking. */
  private inOrder(o: Occurrence, item: number, depth: number): boolean {
    if (depth === 0) return true;
    return this.chosen[item - 1].to < o.from;
  }

  private acceptLeaf(): boolean {
    const chosen = this.chosen;
    if (this.c.polarity === 'negative' && !chosen.some((o) => o.negated)) return false;
    if (this.c.needsNewWord && chosen.every((o) => o.prompt)) {
      this.promptOnly = true;
      return false;
    }
    return true;
  }
}

export function findMatch(itemLists: readonly Occurrence[][], constraints: MatchConstraints): MatchOutcome {
  const lists = constraints.polarity === 'affirmative' ? itemLists.map((l) => l.filter((o) => !o.negated)) : itemLists;
  if (lists.length === 0 || lists.some((l) => l.length === 0)) return { occurrences: null, promptOnly: false };
  if (constraints.polarity === 'negative' && !lists.some((l) => l.some((o) => o.negated))) return { occurrences: null, promptOnly: false };
  const order = lists.map((_, i) => i);
  // Unordered: start from the rarest item, it prunes the most.
  if (!constraints.ordered) order.sort((a, b) => lists[a].length - lists[b].length || a - b);
  const search = new Search(lists, order, constraints);
  const occurrences = search.run();
  return { occurrences, promptOnly: occurrences === null && search.promptOnly };
}
