import { checkRegexSafety } from './regex-safety';

describe('checkRegexSafety', () => {
  it.each(['\\btrace[ _-]?ids?\\b', 'kafka (messages? |records? )?(doesn\'?t|cannot) carry', '\\d{2}-[0-9a-f]{32}', '(?:head|tail) sampl'])(
    'accepts %s',
    (source) => {
      expect(checkRegexSafety(source)).toBeUndefined();
    },
  );

  it.each([
    ['(a+)+', /nested quantifiers/],
    ['(a|aa)*', /nested quantifiers/],
    ['((ab)*c)+', /nested quantifiers/],
    ['(x?){3,}', /nested quantifiers/],
    ['(a)\\1', /back-references/],
    ['a.*b.*c.*d', /unbounded quantifiers/],
    ['a*', /empty text/],
    ['(unclosed', /invalid regex/],
    ['x'.repeat(201), /limit is 200/],
  ])('rejects %s', (source, message) => {
    expect(checkRegexSafety(source)).toMatch(message);
  });
});
