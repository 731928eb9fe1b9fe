import { compileRubric, scoreAnswer, type Rubric } from '../../scoring/engine';
import { scoreBatch, type BatchLine } from './batch';
import type { QuestionSource } from './question-sources';

const rubric: Rubric = {
  schemaVersion: 1,
  question: 'caching',
  concepts: [{ id: 'cache', label: 'Uses a cache', weight: 1, patterns: ['cache*'] }],
};
const compiled = compileRubric(rubric);
const lookups: string[] = [];
const source: QuestionSource = {
  async find(slug) {
    lookups.push(slug);
    if (slug === 'caching') return { ok: true, question: { slug, prompt: 'How would you speed it up?', rubric: compiled, rubricSource: 'custom', origin: 'test' } };
    return { ok: false, error: `no question "${slug}"` };
  },
};

async function run(text: string): Promise<{ lines: BatchLine[]; summary: { scored: number; failed: number } }> {
  const lines: BatchLine[] = [];
  const summary = await scoreBatch(text, source, (line) => lines.push(line));
  return { lines, summary };
}

describe('scoreBatch', () => {
  it('scores each line as the engine does and numbers the lines of the file, skipping blank ones', async () => {
    const { lines, summary } = await run(`\n${JSON.stringify({ question: 'caching', answer: 'Add a cache.' })}\r\n   \n${JSON.stringify({ answer: 'no', question: 'caching' })}\n`);
    expect(summary).toEqual({ scored: 2, failed: 0 });
    expect(lines).toEqual([
      { line: 2, question: 'caching', result: scoreAnswer(compiled, { prompt: 'How would you speed it up?', answer: 'Add a cache.' }) },
      { line: 4, question: 'caching', result: scoreAnswer(compiled, { prompt: 'How would you speed it up?', answer: 'no' }) },
    ]);
    expect((lines[0] as { result: { score: number } }).result.score).toBe(1);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"question": "caching"', /^not valid JSON/],
    ['an array', '["caching", "cache"]', /expected a JSON object/],
    ['a string', '"cache"', /expected a JSON object/],
    ['null', 'null', /expected a JSON object/],
    ['an unknown field', JSON.stringify({ question: 'caching', answer: 'x', score: 5 }), /unknown field\(s\): score/],
    ['a missing question', JSON.stringify({ answer: 'x' }), /"question" must be a question slug/],
    ['a question that is a number', JSON.stringify({ question: 7, answer: 'x' }), /"question" must be a question slug/],
    ['a missing answer', JSON.stringify({ question: 'caching' }), /"answer" must be a string/],
    ['an answer over 100 KB', JSON.stringify({ question: 'caching', answer: 'x'.repeat(100 * 1024 + 1) }), /longer than 102400 bytes/],
    ['an unknown question', JSON.stringify({ question: 'nope', answer: 'x' }), /no question "nope"/],
  ])('reports %s as an error for that line and keeps going', async (_name, bad, message) => {
    const good = JSON.stringify({ question: 'caching', answer: 'cache' });
    const { lines, summary } = await run(`${good}\n${bad}\n${good}`);
    expect(summary).toEqual({ scored: 2, failed: 1 });
    expect(lines.map((line) => line.line)).toEqual([1, 2, 3]);
    expect(lines[1]).toEqual(expect.objectContaining({ line: 2, error: expect.stringMatching(message) }));
    expect('result' in lines[2]).toBe(true);
  });

  it('prints nothing for an empty file', async () => {
    expect(await run('')).toEqual({ lines: [], summary: { scored: 0, failed: 0 } });
  });
});
