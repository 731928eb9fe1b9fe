import { scoreAnswer, type Rubric } from '../../scoring/engine';
import { formatScore } from './format-score';

const rubric: Rubric = {
  schemaVersion: 1,
  question: 'caching',
  concepts: [
    { id: 'cache', label: 'Uses a cache', weight: 2, required: true, feedback: 'Say where the cache goes.', patterns: ['cache*'] },
    { id: 'evict', label: 'Plans eviction', weight: 1.5, feedback: 'Say how entries leave the cache.', patterns: ['[evict*|ttl|expir*]'] },
  ],
  misconceptions: [{ id: 'free', label: 'Caches are free', penalty: 1, feedback: 'Memory costs money.', patterns: [{ match: 'cache* free', within: 4 }] }],
  bands: [
    { label: 'good', minFraction: 0.7 },
    { label: 'poor', minFraction: 0 },
  ],
};

describe('formatScore', () => {
  it('quotes the evidence of matched concepts and misconceptions, and gives feedback for what was missed', () => {
    const answer = 'Put a cache in front; caches are free anyway.';
    const result = scoreAnswer(rubric, { prompt: 'How would you speed it up?', answer });
    const text = formatScore('caching (test)', result);
    const cacheEvidence = result.concepts[0].evidence[0];
    expect(text).toContain('caching (test)\nScore: 1 / 3.5 (29%), band: poor  [engine ');
    expect(text).toContain(`Matched concepts:\n  + cache: Uses a cache (+2)\n      "${cacheEvidence.text}" (characters ${cacheEvidence.start}–${cacheEvidence.end})`);
    expect(text).toContain('Missed concepts:\n  - evict: Plans eviction (weight 1.5)\n      Say how entries leave the cache.');
    expect(text).toMatch(/Misconceptions:\n {2}! free: Caches are free \(-1\)\n {6}"caches?"/);
    expect(text).toContain('      Memory costs money.');
    // Stating a concept and a misconception that shares its words asks for a reviewer.
    expect(text).toMatch(/\nFlags:\n {2}contradiction: .+\n$/);
  });

  it('says "none" for empty sections and lists flags with their messages', () => {
    const result = scoreAnswer(rubric, { prompt: '', answer: '' });
    const text = formatScore('caching', result);
    expect(text).toContain('Matched concepts: none');
    expect(text).toContain('Misconceptions: none');
    expect(text).toContain('  - cache: Uses a cache (weight 2, required)');
    for (const flag of result.flags) expect(text).toContain(`  ${flag.code}: ${flag.message}`);
    expect(result.flags.map((flag) => flag.code)).toContain('empty');
  });
});
