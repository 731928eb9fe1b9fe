import { etagFor, ifMatchSatisfied } from './etag';

const ID = '5f0c2a1e-0000-4000-8000-000000000001';

describe('If-Match', () => {
  const current = etagFor(ID);

  it('quotes the version id', () => {
    expect(current).toBe(`"${ID}"`);
  });

  it.each([
    ['the exact tag', `"${ID}"`, true],
    ['the tag in a list', `"other", "${ID}"`, true],
    ['a wildcard', '*', true],
    ['a stale tag', '"00000000-0000-4000-8000-000000000000"', false],
    ['the weak form (If-Match compares strongly)', `W/"${ID}"`, false],
    ['the id without quotes', ID, false],
    ['garbage', 'not an etag', false],
  ])('%s → %s', (_name, header, expected) => {
    expect(ifMatchSatisfied(header, current)).toBe(expected);
  });
});
