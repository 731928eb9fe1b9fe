/**
 * Factories for the question bank, through the public API.
 *
 *   const question = await createQuestion(t.http, owner, { section: 'Sampling' });
 *   const text = interviewDocument([{ prompt: 'What is a widget?', levels: 'junior', answer: '…' }]);
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Account } from './accounts';
import { bearer } from './accounts';
import type { TestApp } from '../support/test-app';

type Http = TestApp['http'];

export interface QuestionBody {
  id: string;
  slug: string;
  source: 'library' | 'organization';
  section: string;
  kind: 'question' | 'quiz';
  levels: string[];
  tags: string[];
  prompt: string;
  modelAnswer: string;
  probes: { question: string; answer: string }[];
  misconceptions: string[];
  listeningFor: string[];
  version: number;
  versionId: string;
  hasRubric: boolean;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  forkedFromId: string | null;
}

export interface QuestionPage {
  items: QuestionBody[];
  nextCursor: string | null;
}

/** A valid create body whose prompt (and so slug) no other test uses. */
export function questionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    section: 'Widgets',
    levels: ['middle'],
    tags: ['widgets'],
    prompt: `How would you design widget ${randomUUID().slice(0, 8)}?`,
    modelAnswer: 'Start from the requirements.\n\n```go\nfunc main() {}\n```',
    probes: [{ question: 'What if it must scale?', answer: 'Shard it.' }],
    misconceptions: ['widgets never fail'],
    listeningFor: ['trade-offs'],
    ...overrides,
  };
}

export async function createQuestion(http: Http, account: Pick<Account, 'accessToken'>, overrides: Record<string, unknown> = {}): Promise<QuestionBody> {
  const response = await http().post('/v1/questions').set(bearer(account.accessToken)).send(questionInput(overrides));
  expectStatus(response, 201, 'creating a question');
  return response.body as QuestionBody;
}

/** The library question with this slug, as `account` sees it. */
export async function libraryQuestion(http: Http, account: Pick<Account, 'accessToken'>, slug: string): Promise<QuestionBody> {
  const response = await http().get(`/v1/questions/${slug}`).set(bearer(account.accessToken));
  expectStatus(response, 200, `reading ${slug}`);
  const question = response.body as QuestionBody;
  if (question.source !== 'library') throw new Error(`${slug} is not the library's question`);
  return question;
}

/** Every page of a list, following nextCursor. */
export async function listAll(http: Http, account: Pick<Account, 'accessToken'>, query: Record<string, string | number | boolean> = {}): Promise<QuestionBody[]> {
  const items: QuestionBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await http()
      .get('/v1/questions')
      .query({ ...query, limit: 100, ...(cursor ? { cursor } : {}) })
      .set(bearer(account.accessToken));
    expectStatus(response, 200, 'listing questions');
    const page = response.body as QuestionPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export interface DocumentQuestion {
  prompt: string;
  /** e.g. "junior" or "junior → middle"; omitted for none. */
  levels?: string;
  answer: string;
  probes?: { question: string; answer: string }[];
  wrongInstinct?: string;
}

/** A document in the seed bank's format (headings end in ¶). */
export function interviewDocument(sections: Record<string, DocumentQuestion[]>, title = 'Widgets — Interview Questions'): string {
  const lines = [`${title}¶`, 'Topic: Widgets Focus: Questions about widgets.'];
  for (const [section, questions] of Object.entries(sections)) {
    lines.push(`${section}¶`);
    for (const question of questions) {
      lines.push(`Q: ${question.prompt}${question.levels ? ` (${question.levels})` : ''}¶`);
      if (question.wrongInstinct) lines.push(`Wrong instinct: "${question.wrongInstinct}"`);
      lines.push(question.answer);
      for (const probe of question.probes ?? []) lines.push(`What if ${probe.question} ${probe.answer}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
