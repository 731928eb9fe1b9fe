/**
 * Factories for interviews, through the public API.
 *
 *   const draft = await createInterview(t.http, owner, { items: [explicitItem(question.id)] });
 *   const published = await publishInterview(t.http, owner, draft.id);
 *   const preview = await previewInterview(t.http, owner, draft.id, 'candidate-1');
 *
 * Library questions carry curated rubrics; questions created through the API
 * do not (use `gradeableQuestion`, a fork of a library question, when an
 * organization question must be publishable).
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Account } from './accounts';
import { bearer } from './accounts';
import { libraryQuestion, type QuestionBody } from './questions';
import type { TestApp } from '../support/test-app';

type Http = TestApp['http'];
type Caller = Pick<Account, 'accessToken'>;

export interface InterviewItemBody {
  id: string;
  position: number;
  kind: 'question' | 'draw';
  questionId: string | null;
  questionVersionId: string | null;
  count: number | null;
  section: string | null;
  levels: string[];
  tag: string | null;
  weight: number;
  points: number;
  includeProbes: boolean;
}

export interface InterviewBody {
  id: string;
  title: string;
  description: string;
  timeLimitMinutes: number;
  passingThreshold: number;
  status: 'draft' | 'published' | 'archived';
  items: InterviewItemBody[];
  duplicatedFromId: string | null;
  createdById: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CandidateItemBody {
  position: number;
  prompt: string;
  section: string;
  isProbe: boolean;
  points: number;
}

export interface PreviewBody {
  interviewId: string;
  status: InterviewBody['status'];
  title: string;
  description: string;
  timeLimitMinutes: number;
  seed: string;
  items: CandidateItemBody[];
}

/** Library questions the tests lean on (all have curated rubrics). */
export const LIBRARY = {
  whySample: 'why-sample-traces-at-all',
  headVsTail: 'head-sampling-vs-tail-sampling-explain-the-difference-and',
  spanLink: 'when-would-you-use-a-span-link-instead-of-a-parent-child',
  traceparent: 'walk-me-through-the-traceparent-header-field-by-field',
} as const;

/** The library's Sampling section: 5 questions, 4 of them senior (one senior → staff) and one middle. */
export const SAMPLING_SECTION = 'Sampling';

export const explicitItem = (questionId: string, extra: Record<string, unknown> = {}) => ({ kind: 'question', questionId, ...extra });
export const drawItem = (count: number, extra: Record<string, unknown> = {}) => ({ kind: 'draw', count, ...extra });

export function interviewInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: `Tracing interview ${randomUUID().slice(0, 8)}`, description: 'Distributed tracing fundamentals.', timeLimitMinutes: 45, passingThreshold: 0.6, ...overrides };
}

export async function createInterview(http: Http, account: Caller, overrides: Record<string, unknown> = {}): Promise<InterviewBody> {
  const response = await http().post('/v1/interviews').set(bearer(account.accessToken)).send(interviewInput(overrides));
  expectStatus(response, 201, 'creating an interview');
  return response.body as InterviewBody;
}

export async function replaceItems(http: Http, account: Caller, id: string, items: unknown[]): Promise<InterviewBody> {
  const response = await http().put(`/v1/interviews/${id}/items`).set(bearer(account.accessToken)).send({ items });
  expectStatus(response, 200, 'replacing items');
  return response.body as InterviewBody;
}

export async function publishInterview(http: Http, account: Caller, id: string): Promise<InterviewBody> {
  const response = await http().post(`/v1/interviews/${id}/publish`).set(bearer(account.accessToken));
  expectStatus(response, 200, 'publishing an interview');
  return response.body as InterviewBody;
}

/** A published interview of one library question (why-sample-traces-at-all unless `items` says otherwise). */
export async function publishedInterview(http: Http, account: Caller, items?: unknown[]): Promise<InterviewBody> {
  const itemList = items ?? [explicitItem((await libraryQuestion(http, account, LIBRARY.whySample)).id)];
  const draft = await createInterview(http, account, { items: itemList });
  return publishInterview(http, account, draft.id);
}

export async function previewInterview(http: Http, account: Caller, id: string, seed?: string): Promise<PreviewBody> {
  const response = await http()
    .get(`/v1/interviews/${id}/preview`)
    .query(seed === undefined ? {} : { seed })
    .set(bearer(account.accessToken));
  expectStatus(response, 200, 'previewing an interview');
  return response.body as PreviewBody;
}

/** An organization question with a rubric: a fork of a library question (forks keep the rubric). */
export async function gradeableQuestion(http: Http, account: Caller, librarySlug: string = LIBRARY.spanLink): Promise<QuestionBody> {
  const library = await libraryQuestion(http, account, librarySlug);
  const response = await http().post(`/v1/questions/${library.id}/fork`).set(bearer(account.accessToken));
  expectStatus(response, 201, 'forking a library question');
  return response.body as QuestionBody;
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
