import { parsePattern } from '../engine';
import type { PhraseCandidate, WordCandidate } from './candidate-types';
import { DEFAULT_SUGGEST_PARAMETERS } from './parameters';
import { phrasePattern, wordItem, wordPattern } from './patterns';

function word(overrides: Partial<WordCandidate>): WordCandidate {
  return {
    kind: 'word',
    key: 'sampl',
    forms: ['sampling'],
    label: 'sampling',
    count: 1,
    firstPosition: 0,
    codeLike: false,
    negated: false,
    inPrompt: false,
    sentenceText: '',
    salience: 1,
    ...overrides,
  };
}

const params = DEFAULT_SUGGEST_PARAMETERS;

describe('wordItem', () => {
  it('is the bare form for a single form whose stem cuts little', () => {
    expect(wordItem(word({}), params)).toBe('sampling');
  });

  it('lists every surface form as alternatives', () => {
    expect(wordItem(word({ forms: ['sampling', 'sampled'] }), params)).toBe('[sampling|sampled]');
  });

  it('adds a prefix wildcard when a long stem cut a real suffix from every form', () => {
    expect(wordItem(word({ key: 'initi', forms: ['initializer'] }), { ...params, wildcardMinLength: 5 })).toBe('[initializer|initi*]');
    expect(wordItem(word({ key: 'dereferenc', forms: ['dereferencing'] }), params)).toBe('[dereferencing|dereferenc*]');
    // Too short to be specific: `list*` would match "listen".
    expect(wordItem(word({ key: 'list', forms: ['listing'] }), params)).toBe('listing');
    // The stem only dropped a plural: stemming already covers it.
    expect(wordItem(word({ key: 'structure', forms: ['structures'] }), params)).toBe('structures');
  });

  it('never wildcards code-like terms and keeps them whole', () => {
    expect(wordItem(word({ key: 'span.end()', forms: ['span.end()'], codeLike: true }), params)).toBe('span.end()');
  });

  it('always produces syntax the engine parses', () => {
    for (const forms of [['sampling'], ['sampling', 'sampled'], ['http.request.method'], ["span's"]]) {
      expect(() => parsePattern(wordItem(word({ forms, key: forms[0] }), params))).not.toThrow();
    }
  });
});

describe('wordPattern', () => {
  it('uses the affirmative polarity parameter for plain statements and "negative" for negated ones', () => {
    expect(wordPattern(word({}), params)).toEqual({ match: 'sampling', polarity: params.affirmativePolarity });
    expect(wordPattern(word({ negated: true }), params)).toEqual({ match: 'sampling', polarity: 'negative' });
    expect(wordPattern(word({}), { ...params, affirmativePolarity: 'affirmative' })).toBe('sampling');
  });
});

describe('phrasePattern', () => {
  it('puts both words within a short window', () => {
    const phrase: PhraseCandidate = {
      kind: 'phrase',
      key: 'link list',
      members: [word({ key: 'link', forms: ['linked'] }), word({ key: 'list', forms: ['list', 'lists'] })],
      label: 'linked list',
      firstPosition: 0,
      sentenceText: '',
      salience: 1,
    };
    expect(phrasePattern(phrase, params)).toEqual({ match: 'linked [list|lists]', within: params.phraseWithin, polarity: params.affirmativePolarity });
    expect(() => parsePattern('linked [list|lists]')).not.toThrow();
  });
});
