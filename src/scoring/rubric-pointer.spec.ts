import { validateRubric } from './engine';
import { rubricPathToPointer } from './rubric-pointer';

describe('rubricPathToPointer', () => {
  it.each([
    ['', ''],
    ['schemaVersion', '/schemaVersion'],
    ['concepts[2].patterns[0]', '/concepts/2/patterns/0'],
    ['concepts[0].patterns[1].match', '/concepts/0/patterns/1/match'],
    ['tests[3].expect.concepts[0]', '/tests/3/expect/concepts/0'],
    ['synonyms["two words"]', '/synonyms/two words'],
    ['synonyms["a/b~c"][1]', '/synonyms/a~1b~0c/1'],
    ['synonyms["say \\"hi\\""]', '/synonyms/say "hi"'],
    ['$comment', '/$comment'],
  ])('%s → %s', (path, pointer) => {
    expect(rubricPathToPointer(path)).toBe(pointer);
  });

  it('puts a prefix in front, for a rubric nested in a request body', () => {
    expect(rubricPathToPointer('concepts[0].id', '/rubric')).toBe('/rubric/concepts/0/id');
    expect(rubricPathToPointer('', '/rubric')).toBe('/rubric');
  });

  it('keeps a path it cannot read instead of dropping it', () => {
    expect(rubricPathToPointer('concepts[x]')).toBe('/concepts/[x]');
  });

  it('translates every path the validator reports for a broken rubric', () => {
    const result = validateRubric({
      schemaVersion: 2,
      question: 'Not Kebab',
      synonyms: { 'two words': [] },
      concepts: [{ id: 'a', label: 'A', weight: 1, patterns: ['[unbalanced'] }],
      colour: 'blue',
    });
    expect(result.ok).toBe(false);
    const pointers = result.ok ? [] : result.errors.map((error) => rubricPathToPointer(error.path));
    expect(pointers).toEqual(expect.arrayContaining(['/schemaVersion', '/question', '/synonyms/two words', '/concepts/0/patterns/0', '/colour']));
    for (const pointer of pointers) expect(pointer).toMatch(/^(\/[^/]+)+$/);
  });
});
