/**
 * Every slug a rule cites must be a question of the real seed bank, and the
 * prompt the API returns must be the bank's own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInterviewDocument } from '../../questions/parser/parse-interview-document';
import type { ParsedDocument } from '../../questions/parser/document.types';
import type { ReviewRule } from './finding';
import { ReviewQuestions } from './review-questions';
import { REVIEW_RULES } from './rules/catalogue';

const SEED = readFileSync(path.join(__dirname, '../../../seed/tracing-interview-questions.txt'), 'utf8');
const bank = parseInterviewDocument(SEED);
const promptsBySlug = new Map(bank.questions.map((question) => [question.slug, question.prompt]));

describe('the bank questions the review rules cite', () => {
  describe.each(REVIEW_RULES.map((rule) => [rule.code, rule] as const))('%s', (_code, rule) => {
    it('cites at least one question', () => {
      expect(rule.questionSlugs.length).toBeGreaterThan(0);
    });

    it.each(rule.questionSlugs.map((slug) => [slug]))('%s is a question of the seed bank', (slug) => {
      expect(promptsBySlug.has(slug)).toBe(true);
    });
  });

  it('returns each question with the bank’s own prompt', () => {
    const questions = ReviewQuestions.fromDocument(bank);
    expect(questions.get('your-client-span-says-500ms-but-the-downstream-server-span')).toEqual({
      slug: 'your-client-span-says-500ms-but-the-downstream-server-span',
      prompt: 'Your CLIENT span says 500ms but the downstream SERVER span says 50ms. Where did the 450ms go?',
    });
    for (const slug of REVIEW_RULES.flatMap((rule) => rule.questionSlugs)) {
      expect(questions.get(slug).prompt).toBe(promptsBySlug.get(slug));
    }
  });

  it('refuses a bank that lacks a cited question, naming the slug', () => {
    const withoutOne: ParsedDocument = { ...bank, questions: bank.questions.filter((q) => q.slug !== 'what-is-span-kind-and-why-does-it-matter') };
    expect(() => ReviewQuestions.fromDocument(withoutOne)).toThrow(/what-is-span-kind-and-why-does-it-matter/);
  });

  it('refuses a slug no rule declared, so a rule cannot cite a question it did not list', () => {
    const rule: ReviewRule = { ...REVIEW_RULES[0], questionSlugs: ['why-sample-traces-at-all'] };
    const questions = ReviewQuestions.fromDocument(bank, [rule]);
    expect(questions.get('why-sample-traces-at-all').prompt).toBe('Why sample traces at all?');
    expect(() => questions.get('what-is-span-kind-and-why-does-it-matter')).toThrow(/what-is-span-kind-and-why-does-it-matter/);
  });
});
