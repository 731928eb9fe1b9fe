import { analyze, contentKeys, safeStem } from './text';

describe('analyze', () => {
  it('stems plain words and keeps code-like terms whole', () => {
    const words = analyze('Call span.End() after sampling.');
    expect(words.map((w) => [w.text, w.key, w.codeLike, w.stop])).toEqual([
      ['call', 'call', false, false],
      ['span.end()', 'span.end()', true, false],
      ['after', 'after', false, true],
      ['sampling', 'sampl', false, false],
    ]);
    expect(words[1].partKeys).toEqual(['span', 'end']);
  });

  it('splits hyphenated plain words into their parts', () => {
    expect(analyze('A doubly-linked list').map((w) => w.text)).toEqual(['a', 'doubly', 'linked', 'list']);
  });

  it('treats function words, contractions of them, negation cues and opaque ids as stop words', () => {
    const stops = analyze("It's not 4bf92f3577b34da6 but you'll see t61rcwk here").filter((w) => w.stop).map((w) => w.text);
    expect(stops).toEqual(["it's", 'not', '4bf92f3577b34da6', 'but', "you'll", 't61rcwk', 'here']);
    expect(analyze('p99 latency, 128 bits').filter((w) => w.stop)).toEqual([]);
  });

  it('marks words inside a negated clause, as the engine reads negation', () => {
    const words = analyze('A leaf has no children, but it has a parent.');
    const negated = (text: string) => words.find((w) => w.text === text)?.negated;
    expect(negated('children')).toBe(true);
    expect(negated('parent')).toBe(false);
    expect(negated('leaf')).toBe(false);
  });

  it('records sentences and clause breaks', () => {
    const words = analyze('First idea here. Second one, then more.');
    expect(words.map((w) => w.sentence)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(words.filter((w) => w.breakBefore).map((w) => w.text)).toEqual(['first', 'second', 'then']);
    expect(words[3].sentenceText).toBe('Second one, then more');
  });
});

describe('safeStem', () => {
  it('always returns a string, even for words that name Object.prototype members', () => {
    expect(safeStem('sampling')).toBe('sampl');
    expect(safeStem('constructor')).toEqual(expect.any(String));
    expect(safeStem('constructors')).toBe('constructor');
  });
});

describe('contentKeys', () => {
  it('holds the stems of content words and the parts of code terms', () => {
    expect([...contentKeys('Why pair recordException with the status?')].sort()).toEqual(['except', 'pair', 'record', 'recordexception', 'status'].sort());
  });
});
