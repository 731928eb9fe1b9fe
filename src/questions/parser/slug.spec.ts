import { slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it('lowercases, drops apostrophes and accents, and joins words with dashes', () => {
    expect(slugify("What's the difference between W3C Trace Context and B3 propagation?")).toBe(
      'whats-the-difference-between-w3c-trace-context-and-b3',
    );
    expect(slugify('Café — naïve `code`')).toBe('cafe-naive-code');
  });

  it('cuts at a word boundary within 60 characters', () => {
    const slug = slugify('Design tracing for a 200-service mesh. Where do you start and what are the hard parts?');
    expect(slug).toBe('design-tracing-for-a-200-service-mesh-where-do-you-start-and');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('falls back to "question" when nothing is left', () => {
    expect(slugify('?!')).toBe('question');
  });
});

describe('uniqueSlug', () => {
  it('numbers repeats from 2 and records what it hands out', () => {
    const taken = new Set<string>();
    expect([uniqueSlug('a', taken), uniqueSlug('a', taken), uniqueSlug('a', taken)]).toEqual(['a', 'a-2', 'a-3']);
    expect(taken).toEqual(new Set(['a', 'a-2', 'a-3']));
  });
});
