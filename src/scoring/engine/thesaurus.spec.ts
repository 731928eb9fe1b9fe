import { entryKey } from './synonyms';
import { THESAURUS } from './thesaurus';

describe('thesaurus', () => {
  it('is curated: between 80 and 150 groups of at least two entries', () => {
    expect(THESAURUS.length).toBeGreaterThanOrEqual(80);
    expect(THESAURUS.length).toBeLessThanOrEqual(150);
    for (const group of THESAURUS) expect(group.length).toBeGreaterThanOrEqual(2);
  });

  it('has no entry twice in a group (by stem) and only plain words or phrases', () => {
    for (const group of THESAURUS) {
      const keys = group.map(entryKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const entry of group) expect(entry).toMatch(/^=?[\p{L}\p{N}%=][\p{L}\p{N} %=-]*$/u);
    }
  });

  it.each([
    ['id', 'identifier'],
    ['propagate', 'carry'],
    ['propagate', 'pass along'],
    ['header', 'metadata'],
    ['decouple', 'asynchronous'],
    ['parent', 'caller'],
    ['drop', 'discard'],
    ['cost', 'expensive'],
    ['store', 'save'],
    ['fast', 'quick'],
    ['big', 'large'],
  ])('groups %s with %s', (a, b) => {
    const has = (entry: string, word: string): boolean => entry.replace(/^=/, '') === word;
    expect(THESAURUS.some((g) => g.some((e) => has(e, a)) && g.some((e) => has(e, b)))).toBe(true);
  });
});
