import { domainTermMatcher } from './domain-terms';

describe('domainTermMatcher', () => {
  const isDomain = domainTermMatcher(['Sampler', 'span links', 'OTLP']);

  it('matches listed words in any inflection and case', () => {
    expect(isDomain('samplers')).toBe(true);
    expect(isDomain('SPAN')).toBe(true);
    expect(isDomain('link')).toBe(true);
    expect(isDomain('otlp')).toBe(true);
  });

  it('rejects other words', () => {
    expect(isDomain('sample')).toBe(false);
    expect(isDomain('queue')).toBe(false);
  });
});
