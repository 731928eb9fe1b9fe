import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rubricsFromDirectory } from './rubric-files';

describe('rubricsFromDirectory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-rubrics-'));
  writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ schemaVersion: 1, question: 'good', concepts: [], tests: [] }));
  writeFileSync(path.join(dir, 'anonymous.json'), JSON.stringify({ schemaVersion: 1, concepts: [] }));
  writeFileSync(path.join(dir, 'broken.json'), '{ "schemaVersion": 1,');
  writeFileSync(path.join(dir, 'list.json'), '[1, 2]');
  writeFileSync(path.join(dir, 'mislabelled.json'), JSON.stringify({ question: 'something-else' }));
  const rubricFor = rubricsFromDirectory(dir);

  it('attaches a rubric that names its question, as curated', () => {
    expect(rubricFor('good')).toEqual({ rubric: { schemaVersion: 1, question: 'good', concepts: [], tests: [] }, source: 'curated' });
  });

  it('attaches a rubric that names no question (the file name says which)', () => {
    expect(rubricFor('anonymous')).toEqual({ rubric: { schemaVersion: 1, concepts: [] }, source: 'curated' });
  });

  it('has nothing for a question without a file', () => {
    expect(rubricFor('missing')).toBeUndefined();
  });

  it.each([
    ['broken', /not valid JSON/],
    ['list', /not a JSON object/],
    ['mislabelled', /grades "something-else", not "mislabelled"/],
  ])('reports %s.json instead of attaching it', (slug, message) => {
    const result = rubricFor(slug);
    expect(result).toEqual({ problem: expect.stringMatching(message) });
  });

  it('reads every seed rubric as attachable', () => {
    const seedRubrics = rubricsFromDirectory(path.resolve(__dirname, '../../../seed/rubrics'));
    const result = seedRubrics('why-sample-traces-at-all');
    expect(result && 'rubric' in result && result.rubric.question).toBe('why-sample-traces-at-all');
  });
});
