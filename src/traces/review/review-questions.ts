import type { ParsedDocument } from '../../questions/parser/document.types';
import type { ReviewRule } from './finding';
import { REVIEW_RULES } from './rules/catalogue';

export interface BankQuestion {
  slug: string;
  prompt: string;
}

/**
 * The bank questions the review rules cite, with their prompts, taken from a
 * parsed bank. Building it fails loudly when a rule cites a slug the bank
 * does not have, so a renamed question breaks startup, not a response.
 */
export class ReviewQuestions {
  private constructor(private readonly bySlug: ReadonlyMap<string, BankQuestion>) {}

  static fromDocument(document: ParsedDocument, rules: readonly ReviewRule[] = REVIEW_RULES): ReviewQuestions {
    const prompts = new Map(document.questions.map((question) => [question.slug, question.prompt]));
    const cited = [...new Set(rules.flatMap((rule) => rule.questionSlugs))];
    const missing = cited.filter((slug) => !prompts.has(slug));
    if (missing.length > 0) throw new Error(`The question bank has no question for review rule slug(s): ${missing.join(', ')}`);
    return new ReviewQuestions(new Map(cited.map((slug) => [slug, { slug, prompt: prompts.get(slug)! }])));
  }

  get(slug: string): BankQuestion {
    const question = this.bySlug.get(slug);
    if (!question) throw new Error(`No review question with slug ${slug}: every rule's slugs must be listed in its questionSlugs`);
    return question;
  }
}
