/**
 * Factories for rubrics, through the public API.
 *
 *   const question = await createQuestion(t.http, owner);
 *   const view = await putRubric(t.http, owner, question, widgetRubric(question.slug));
 *   // view.versionId is the new ETag's id
 */
import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app';
import { bearer, type Account } from './accounts';

type Http = TestApp['http'];

export interface RubricView {
  questionId: string;
  version: number;
  versionId: string;
  source: 'curated' | 'suggested' | 'custom';
  rubric: Record<string, unknown> & { concepts: { id: string; label: string; patterns: unknown[] }[]; tests?: RubricTestCase[] };
}

export interface RubricTestCase {
  name: string;
  answer: string;
  expect: Record<string, unknown>;
}

/**
 * A small valid rubric for a widget-design question: a required concept
 * (caching), an optional one (sharding), a misconception and three bands,
 * with one passing test case.
 */
export function widgetRubric(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    question: slug,
    concepts: [
      { id: 'cache-layer', label: 'Puts a cache in front', weight: 2, required: true, feedback: 'Say where a cache goes.', patterns: ['[cache*|memoiz*]'] },
      { id: 'shard-data', label: 'Shards the data', weight: 1, feedback: 'Say how the data is split.', patterns: [{ match: '[shard*|partition*]', within: 5 }] },
    ],
    misconceptions: [{ id: 'never-fail', label: 'Widgets never fail', penalty: 1, feedback: 'Everything fails eventually.', patterns: [{ match: 'widgets never fail', polarity: 'any' }] }],
    bands: [
      { label: 'strong', minFraction: 0.75 },
      { label: 'partial', minFraction: 0.35 },
      { label: 'weak', minFraction: 0 },
    ],
    tests: [{ name: 'strong', answer: 'Put a cache in front of the store and shard the data by tenant.', expect: { band: 'strong', concepts: ['cache-layer', 'shard-data'] } }],
    ...overrides,
  };
}

export async function getRubric(http: Http, account: Pick<Account, 'accessToken'>, questionId: string): Promise<RubricView> {
  const response = await http().get(`/v1/questions/${questionId}/rubric`).set(bearer(account.accessToken));
  expectStatus(response, 200, 'reading a rubric');
  return response.body as RubricView;
}

/** What names a question version: a question as read, or a rubric view. */
export type VersionRef = { id: string; versionId: string } | Pick<RubricView, 'questionId' | 'versionId'>;

export const questionIdOf = (ref: VersionRef): string => ('questionId' in ref ? ref.questionId : ref.id);

/** PUTs a rubric with the ETag of the version `ref` names. */
export async function putRubric(http: Http, account: Pick<Account, 'accessToken'>, ref: VersionRef, rubric: unknown): Promise<RubricView> {
  const question = { id: questionIdOf(ref), versionId: ref.versionId };
  const response = await http().put(`/v1/questions/${question.id}/rubric`).set(bearer(account.accessToken)).set('If-Match', `"${question.versionId}"`).send(rubric as object);
  expectStatus(response, 200, 'replacing a rubric');
  return response.body as RubricView;
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
