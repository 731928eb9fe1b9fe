import { porter2, stem } from './stemmer';

/**
 * Word → stem pairs from the Snowball reference vocabulary for English
 * (snowballstem.org: the classic consign…/knack… sample and
 * snowball-data/english voc.txt → output.txt, current algorithm).
 */
const REFERENCE: ReadonlyArray<readonly [string, string]> = [
  ['consign', 'consign'], ['consigned', 'consign'], ['consigning', 'consign'], ['consignment', 'consign'],
  ['consist', 'consist'], ['consisted', 'consist'], ['consistency', 'consist'], ['consistent', 'consist'],
  ['consistently', 'consist'], ['consisting', 'consist'], ['consists', 'consist'], ['consolation', 'consol'],
  ['consolations', 'consol'], ['consolatory', 'consolatori'], ['console', 'consol'], ['consoled', 'consol'],
  ['consoles', 'consol'], ['consolidate', 'consolid'], ['consolidated', 'consolid'], ['consolidating', 'consolid'],
  ['consoling', 'consol'], ['consolingly', 'consol'], ['consols', 'consol'], ['consonant', 'conson'],
  ['consort', 'consort'], ['consorted', 'consort'], ['consorting', 'consort'], ['conspicuous', 'conspicu'],
  ['conspicuously', 'conspicu'], ['conspiracy', 'conspiraci'], ['conspirator', 'conspir'], ['conspirators', 'conspir'],
  ['conspire', 'conspir'], ['conspired', 'conspir'], ['conspiring', 'conspir'], ['constable', 'constabl'],
  ['constables', 'constabl'], ['constance', 'constanc'], ['constancy', 'constanc'], ['constant', 'constant'],
  ['knack', 'knack'], ['knackeries', 'knackeri'], ['knacks', 'knack'], ['knag', 'knag'], ['knave', 'knave'],
  ['knaves', 'knave'], ['knavish', 'knavish'], ['kneaded', 'knead'], ['kneading', 'knead'], ['knee', 'knee'],
  ['kneel', 'kneel'], ['kneeled', 'kneel'], ['kneeling', 'kneel'], ['kneels', 'kneel'], ['knees', 'knee'],
  ['knell', 'knell'], ['knelt', 'knelt'], ['knew', 'knew'], ['knick', 'knick'], ['knif', 'knif'], ['knife', 'knife'],
  ['knight', 'knight'], ['knightly', 'knight'], ['knights', 'knight'], ['knit', 'knit'], ['knits', 'knit'],
  ['knitted', 'knit'], ['knitting', 'knit'], ['knives', 'knive'], ['knob', 'knob'], ['knobs', 'knob'],
  ['knock', 'knock'], ['knocked', 'knock'], ['knocker', 'knocker'], ['knockers', 'knocker'], ['knocking', 'knock'],
  ['knocks', 'knock'], ['knopp', 'knopp'], ['knot', 'knot'], ['knots', 'knot'],
  ['abandoned', 'abandon'], ['abandonment', 'abandon'], ['abasement', 'abas'], ['abilities', 'abil'], ['ability', 'abil'],
  ['abnormally', 'abnorm'], ['abomination', 'abomin'], ['accompanied', 'accompani'], ['accompaniment', 'accompani'],
  ['accountability', 'account'], ['accuracy', 'accuraci'], ['acknowledgement', 'acknowledg'],
  ['administration', 'administr'], ['adjustment', 'adjust'], ['advantageous', 'advantag'],
  ['added', 'add'], ['adding', 'add'], ['addiction', 'addict'], ['agreed', 'agre'], ['agree', 'agre'],
  ['arsenal', 'arsenal'], ['generously', 'generous'], ['communication', 'communic'],
];

/** Snowball's hard-coded exceptions. */
const EXCEPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['skies', 'sky'], ['skis', 'ski'], ['dying', 'die'], ['lying', 'lie'], ['tying', 'tie'], ['news', 'news'],
  ['early', 'earli'], ['only', 'onli'], ['gently', 'gentl'], ['atlas', 'atlas'], ['bias', 'bias'],
  ['inning', 'inning'], ['outing', 'outing'], ['proceed', 'proceed'], ['exceed', 'exceed'], ['succeed', 'succeed'],
];

/** The forms rubric authors care about in this domain. */
const DOMAIN: ReadonlyArray<readonly [string, string]> = [
  ['sampling', 'sampl'], ['sampled', 'sampl'], ['samples', 'sampl'], ['propagation', 'propag'], ['propagate', 'propag'],
  ['propagated', 'propag'], ['decides', 'decid'], ['decided', 'decid'], ['traces', 'trace'], ['tracing', 'trace'],
  ['spans', 'span'], ['parenting', 'parent'], ['parented', 'parent'], ['consumers', 'consum'], ['consumer', 'consum'],
  ['headers', 'header'], ['identifiers', 'identifi'], ['caller\'s', 'caller'],
];

describe('porter2 (Snowball English)', () => {
  it.each(REFERENCE)('stems %s to %s like the Snowball reference', (word, expected) => {
    expect(porter2(word)).toBe(expected);
  });

  it.each(EXCEPTIONS)('applies the exception %s → %s', (word, expected) => {
    expect(porter2(word)).toBe(expected);
  });

  it.each(DOMAIN)('stems the domain word %s to %s', (word, expected) => {
    expect(porter2(word)).toBe(expected);
  });

  it('has at least 60 reference pairs', () => {
    expect(REFERENCE.length).toBeGreaterThanOrEqual(60);
  });

  it('leaves words of one or two letters alone', () => {
    expect(porter2('is')).toBe('is');
    expect(porter2('a')).toBe('a');
  });

  it('does not stem non-English or code-like input', () => {
    expect(porter2('données')).toBe('données');
    expect(porter2('b3')).toBe('b3');
    expect(porter2('http.request')).toBe('http.request');
    expect(porter2('16')).toBe('16');
  });

  it('treats y after a vowel as a consonant and restores it', () => {
    expect(porter2('saying')).toBe('say');
    expect(porter2('enjoyed')).toBe('enjoy');
    expect(porter2('cry')).toBe('cri');
  });

  it('memoises without changing results', () => {
    expect(stem('sampling')).toBe('sampl');
    expect(stem('sampling')).toBe(porter2('sampling'));
  });
});

describe('porter2 on words that are also Object properties', () => {
  it.each([
    ['constructor', 'constructor'],
    ['tostring', 'tostr'],
    ['valueof', 'valueof'],
    ['hasownproperty', 'hasownproperti'],
  ])('stems %s to the string %s', (word, stem) => {
    expect(porter2(word)).toBe(stem);
  });
});
