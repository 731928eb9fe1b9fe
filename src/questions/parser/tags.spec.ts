import { TOPIC_TAGS, tagQuestion } from './tags';

describe('tagQuestion', () => {
  it('always includes the section tag and returns sorted, unique tags', () => {
    const tags = tagQuestion({ section: 'Sampling', prompt: 'Head vs tail sampling?', body: 'Tail sampling keeps errors.' });
    expect(tags).toEqual(['head-sampling', 'sampling', 'tail-sampling']);
    expect(tagQuestion({ section: 'Tricky / Trap Questions', prompt: 'x', body: '' })).toEqual(['tricky']);
  });

  it('tags from a single mention in the prompt', () => {
    expect(tagQuestion({ section: 'S', prompt: 'Why does Kafka break traces?', body: '' })).toContain('kafka');
  });

  it('needs two mentions in the body, counting overlapping patterns once', () => {
    expect(tagQuestion({ section: 'S', prompt: 'x', body: 'Baggage once.' })).not.toContain('baggage');
    expect(tagQuestion({ section: 'S', prompt: 'x', body: 'Baggage twice, baggage.' })).toContain('baggage');
    expect(tagQuestion({ section: 'S', prompt: 'x', body: 'clock skew' })).not.toContain('clock-skew');
    expect(tagQuestion({ section: 'S', prompt: 'x', body: 'clock skew, and skewed again' })).toContain('clock-skew');
    expect(tagQuestion({ section: 'S', prompt: 'x', body: 'Baggage once.' }, 1)).toContain('baggage');
  });

  it('matches capitalised span kinds case-sensitively', () => {
    expect(tagQuestion({ section: 'S', prompt: 'A CLIENT span?', body: '' })).toContain('span-kind');
    expect(tagQuestion({ section: 'S', prompt: 'The client?', body: '' })).not.toContain('span-kind');
  });

  it('has a kebab-case, unique, alphabetical dictionary', () => {
    const names = TOPIC_TAGS.map((entry) => entry.tag);
    expect(names).toEqual([...new Set(names)].sort());
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
