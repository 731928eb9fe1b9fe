import { splitLevelSuffix } from './levels';

describe('splitLevelSuffix', () => {
  it.each([
    ['What is a span? (junior)', 'What is a span?', ['junior']],
    ['Kind? (junior → middle)', 'Kind?', ['junior', 'middle']],
    ['Kafka? (senior → staff)', 'Kafka?', ['senior', 'staff']],
    ['Mesh? (staff)', 'Mesh?', ['staff']],
    ['Wide? (junior → senior)', 'Wide?', ['junior', 'middle', 'senior']],
    ['Reversed? (senior → junior)', 'Reversed?', ['junior', 'middle', 'senior']],
    ['Ascii arrow? (junior -> middle)', 'Ascii arrow?', ['junior', 'middle']],
    ['Word range? (middle to staff)', 'Word range?', ['middle', 'senior', 'staff']],
    ['List? (junior / senior)', 'List?', ['junior', 'senior']],
    ['Alias? (mid)', 'Alias?', ['middle']],
    ['Case? (Senior)', 'Case?', ['senior']],
    ['Live coding, no level.', 'Live coding, no level.', []],
  ])('%s', (text, prompt, levels) => {
    expect(splitLevelSuffix(text)).toEqual({ prompt, levels, unknownWords: [] });
  });

  it('reports words in the level position that are no level, and strips them', () => {
    expect(splitLevelSuffix('Odd? (principal)')).toEqual({ prompt: 'Odd?', levels: [], unknownWords: ['principal'] });
    expect(splitLevelSuffix('Half? (junior → guru)')).toEqual({
      prompt: 'Half?',
      levels: ['junior'],
      unknownWords: ['guru'],
    });
  });

  it('leaves a parenthesis that is part of the question alone', () => {
    expect(splitLevelSuffix('Why pair recordException with setStatus(ERROR)? Isn\'t one enough? (middle → senior)')).toEqual({
      prompt: "Why pair recordException with setStatus(ERROR)? Isn't one enough?",
      levels: ['middle', 'senior'],
      unknownWords: [],
    });
    expect(splitLevelSuffix('What does it do (e.g. in Go)')).toEqual({
      prompt: 'What does it do (e.g. in Go)',
      levels: [],
      unknownWords: [],
    });
  });

  it('trims and copes with an annotation alone', () => {
    expect(splitLevelSuffix('  (junior)  ')).toEqual({ prompt: '', levels: ['junior'], unknownWords: [] });
  });
});
