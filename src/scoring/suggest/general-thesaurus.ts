/**
 * General-purpose synonyms for suggested rubrics: plain English and general
 * computing words that say the same thing ("smallest" = "minimum"). The
 * engine's shared thesaurus already covers tracing vocabulary and the most
 * common plain-English swaps (store/save, delete/remove, start/begin …); this
 * list adds everyday and general-programming words it lacks, which
 * candidates paraphrase.
 * Written from general knowledge, not from any graded data set, and
 * deliberately conservative: a group only holds words that are
 * interchangeable in almost every technical sentence.
 */
import { safeStem as stem } from './text';

const GROUPS: readonly (readonly string[])[] = [
  ['minimum', 'smallest', 'lowest'],
  ['maximum', 'largest', 'biggest', 'highest', 'greatest'],
  ['smaller', 'less', 'lower', 'fewer'],
  ['larger', 'bigger', 'greater', 'higher'],
  ['add', 'insert'],
  ['modify', 'change', 'alter', 'update', 'edit'],
  ['parameter', 'argument'],
  ['error', 'bug', 'defect', 'mistake'],
  ['location', 'position', 'place'],
  ['copy', 'duplicate', 'clone'],
  ['size', 'length'],
  ['run', 'execute'],
  ['object', 'instance'],
  ['element', 'item', 'entry'],
  ['function', 'method', 'procedure', 'routine', 'subroutine'],
  ['program', 'software', 'application'],
  ['unlimited', 'infinite', 'unbounded', 'arbitrary'],
  ['once', 'one time', 'single time'],
  ['twice', 'two times'],
  ['collection', 'group'],
  ['simulate', 'mimic', 'imitate', 'emulate'],
  ['behaviour', 'behavior'],
  ['directly', 'immediately'],
  ['reuse', 'reusable', 'reusability'],
  ['iteration', 'iterative', 'loop'],
  ['memory', 'storage', 'space'],
  ['divide', 'split', 'partition'],
  ['combine', 'merge', 'join'],
  ['sort', 'arrange'],
  ['search', 'find', 'locate', 'look up'],
  ['traverse', 'visit'],
  ['access', 'retrieve', 'reach'],
  ['occur', 'happen'],
  ['contain', 'hold'],
  ['allow', 'permit', 'enable'],
  ['avoid', 'prevent'],
  ['number', 'count', 'amount', 'quantity'],
];

/** Every group a single word belongs to, found by stem so "deleted" finds the "delete" group. */
const GROUPS_BY_STEM: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const index = new Map<string, (readonly string[])[]>();
  for (const group of GROUPS) {
    for (const member of group) {
      if (member.includes(' ')) continue;
      const key = stem(member);
      const list = index.get(key) ?? [];
      if (!list.includes(group)) list.push(group);
      index.set(key, list);
    }
  }
  return index;
})();

/** The general synonyms of each word that has any: `{ smallest: ['minimum', 'lowest'] }`. */
export function generalSynonymsFor(words: Iterable<string>): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const word of words) {
    if (Object.hasOwn(synonyms, word)) continue;
    const key = stem(word);
    const others = (GROUPS_BY_STEM.get(key) ?? [])
      .flat()
      .filter((member) => member.includes(' ') || stem(member) !== key);
    if (others.length > 0) synonyms[word] = [...new Set(others)];
  }
  return synonyms;
}
