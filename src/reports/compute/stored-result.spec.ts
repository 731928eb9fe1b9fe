import { scoreAnswer } from '../../scoring/engine';
import { seedRubric, rubricTestAnswer } from '../testing/report-fixture';
import { readStoredResult } from './stored-result';

describe('readStoredResult', () => {
  it('reads a real engine result, stored as JSON, without losing anything the report shows', () => {
    const rubric = seedRubric('a-span-never-shows-up-but-span-end-definitely-ran-name-three');
    const result = scoreAnswer(rubric, { prompt: 'A span never shows up', answer: rubricTestAnswer(rubric, 'partial') });
    const read = readStoredResult(JSON.parse(JSON.stringify(result)));
    expect(read.band).toBe(result.band);
    expect(read.concepts.map((c) => [c.id, c.matched, c.earned, c.evidence])).toEqual(result.concepts.map((c) => [c.id, c.matched, c.earned, c.evidence]));
    expect(read.missed).toEqual(result.missed);
    expect(read.flags.map((f) => f.code)).toEqual(result.flags.map((f) => f.code));
  });

  it('survives garbage: not an object, wrong types, malformed evidence', () => {
    expect(readStoredResult(null)).toEqual({ band: null, concepts: [], misconceptions: [], missed: [], flags: [] });
    expect(readStoredResult('text')).toEqual({ band: null, concepts: [], misconceptions: [], missed: [], flags: [] });
    const read = readStoredResult({
      band: 7,
      concepts: [null, 'x', { id: 'a', matched: true, evidence: [{ start: 0, end: 2, text: 'hi' }, { start: 3, end: 1, text: 'bad' }, { start: 0.5, end: 1, text: 'x' }, 'e'] }, { label: 'no id' }],
      misconceptions: { not: 'an array' },
      missed: [{ id: 'm' }],
      flags: [{ code: 'empty', message: 'Empty.', evidence: 'nope' }, { message: 'no code' }],
    });
    expect(read.band).toBeNull();
    expect(read.concepts).toEqual([{ id: 'a', label: 'a', weight: 0, earned: 0, required: false, matched: true, evidence: [{ start: 0, end: 2, text: 'hi' }] }]);
    expect(read.misconceptions).toEqual([]);
    expect(read.missed).toEqual([{ id: 'm', label: 'm', feedback: '' }]);
    expect(read.flags).toEqual([{ code: 'empty', message: 'Empty.', evidence: [] }]);
  });
});
