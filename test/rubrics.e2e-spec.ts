import { PrismaService } from '../src/database/prisma.service';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { createQuestion, libraryQuestion, type QuestionBody } from './factories/questions';
import { getRubric, putRubric, questionIdOf, widgetRubric, type RubricView, type VersionRef } from './factories/rubrics';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;

describe('question rubrics: GET and PUT /v1/questions/{id}/rubric', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const put = (account: Pick<Account, 'accessToken'>, ref: VersionRef, etag?: string) => {
    const request = t.http().put(`/v1/questions/${questionIdOf(ref)}/rubric`).set(bearer(account.accessToken));
    return etag === undefined ? request : request.set('If-Match', etag);
  };
  const etagOf = (question: Pick<QuestionBody, 'versionId'>) => `"${question.versionId}"`;

  describe('GET', () => {
    it('reads a library question’s curated rubric, with the question’s ETag', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const response = await t.http().get(`/v1/questions/${library.id}/rubric`).set(bearer(owner.accessToken));
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBe(etagOf(library));
      const view = response.body as RubricView;
      expect(view).toMatchObject({ questionId: library.id, version: library.version, versionId: library.versionId, source: 'curated' });
      expect(view.rubric).toMatchObject({ schemaVersion: 1, question: 'why-sample-traces-at-all' });
      expect(view.rubric.concepts.map((concept) => concept.id)).toContain('volume-cost-at-scale');
    });

    it('lets every role of every organization read library rubrics', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const stranger = await signUp(t.http);
      const reviewer = await addMember(t.http, stranger, 'reviewer');
      const key = await createApiKey(t.http, stranger, 'reviewer');
      for (const token of [stranger.accessToken, reviewer.accessToken, key.secret]) {
        expect((await t.http().get(`/v1/questions/${library.id}/rubric`).set(bearer(token))).body.source).toBe('curated');
      }
    });

    it('answers 404 for a question without a rubric, and says how to get one', async () => {
      const question = await createQuestion(t.http, owner);
      const response = await t.http().get(`/v1/questions/${question.id}/rubric`).set(bearer(owner.accessToken));
      expect(response.status).toBe(404);
      expect(response.body.type).toBe(problem('not-found'));
      expect(response.body.detail).toContain('no rubric');
      expect(response.body.detail).toContain('/rubric/suggest');
    });

    it('answers 404 for another organization’s question, rubric or not', async () => {
      const question = await createQuestion(t.http, owner);
      await putRubric(t.http, owner, question, widgetRubric(question.slug));
      const stranger = await signUp(t.http);
      const response = await t.http().get(`/v1/questions/${question.id}/rubric`).set(bearer(stranger.accessToken));
      expect(response.status).toBe(404);
      expect(response.body.detail).not.toContain('rubric');
    });
  });

  describe('PUT', () => {
    it('stores a valid rubric as a new custom version and answers with it and the new ETag', async () => {
      const question = await createQuestion(t.http, owner);
      const rubric = widgetRubric(question.slug, { $comment: 'kept as written' });
      const response = await put(owner, question, etagOf(question)).send(rubric);
      expect(response.status).toBe(200);
      const view = response.body as RubricView;
      expect(view).toMatchObject({ questionId: question.id, version: 2, source: 'custom', rubric });
      expect(view.versionId).not.toBe(question.versionId);
      expect(response.headers.etag).toBe(`"${view.versionId}"`);
      expect(await getRubric(t.http, owner, question.id)).toEqual(view);
      const current = (await t.http().get(`/v1/questions/${question.id}`).set(bearer(owner.accessToken)).expect(200)).body as QuestionBody;
      expect(current).toMatchObject({ version: 2, versionId: view.versionId, hasRubric: true, prompt: question.prompt, modelAnswer: question.modelAnswer });
    });

    it('keeps every older version’s rubric as it was', async () => {
      const question = await createQuestion(t.http, owner);
      const first = await putRubric(t.http, owner, question, widgetRubric(question.slug));
      const heavier = widgetRubric(question.slug);
      (heavier.concepts as { weight: number }[])[0].weight = 5;
      const second = await putRubric(t.http, owner, first, heavier);
      expect(second.version).toBe(3);
      const versions = (await t.http().get(`/v1/questions/${question.id}/versions`).set(bearer(owner.accessToken)).expect(200)).body.items as {
        version: number;
        content: { hasRubric: boolean; rubricSource: string | null };
      }[];
      expect(versions.map((v) => [v.version, v.content.hasRubric, v.content.rubricSource])).toEqual([
        [3, true, 'custom'],
        [2, true, 'custom'],
        [1, false, null],
      ]);
      const preview = (id: string) =>
        t
          .http()
          .post(`/v1/questions/${id}/rubric/preview`)
          .set(bearer(owner.accessToken))
          .send({ answer: 'Put a cache in front.' })
          .expect(200)
          .then((r) => r.body as { version: number; maxScore: number });
      // The current version scores with the heavier rubric; the stored versions keep theirs.
      expect(await preview(question.id)).toMatchObject({ version: 3, maxScore: 6 });
      const stored = await t.app.get(PrismaService).questionVersion.findMany({ where: { questionId: question.id }, orderBy: { version: 'asc' } });
      expect(stored.map((v) => v.rubric)).toEqual([null, widgetRubric(question.slug), heavier]);
      expect(stored[1].id).toBe(first.versionId);
    });

    it('creates no version for an unchanged rubric, even with its keys reordered', async () => {
      const question = await createQuestion(t.http, owner);
      const view = await putRubric(t.http, owner, question, widgetRubric(question.slug));
      const reordered = Object.fromEntries(Object.entries(widgetRubric(question.slug)).reverse());
      const again = await put(owner, view, etagOf(view)).send(reordered);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: view.version, versionId: view.versionId, source: 'custom' });
      expect(again.headers.etag).toBe(etagOf(view));
    });

    it('answers 428 without If-Match and 412 with a stale one, naming the current ETag', async () => {
      const question = await createQuestion(t.http, owner);
      const missing = await put(owner, question).send(widgetRubric(question.slug));
      expect(missing.status).toBe(428);
      expect(missing.body.type).toBe(problem('precondition-required'));
      expect(missing.body.detail).toContain(etagOf(question));

      const view = await putRubric(t.http, owner, question, widgetRubric(question.slug));
      const stale = await put(owner, question, etagOf(question)).send(widgetRubric(question.slug, { synonyms: { widget: ['gadget'] } }));
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problem('precondition-failed'));
      expect(stale.headers.etag).toBe(etagOf(view));
      expect((await getRubric(t.http, owner, question.id)).version).toBe(view.version);
    });

    it('reports every problem of an invalid rubric at once, as JSON Pointers, and writes nothing', async () => {
      const question = await createQuestion(t.http, owner);
      const rubric = widgetRubric(question.slug);
      const concepts = rubric.concepts as Record<string, unknown>[];
      concepts.push({ id: 'third', label: 'Third', weight: 1, patterns: ['ok'] });
      concepts[2].patterns = ['[unbalanced', 'fine'];
      concepts[1].weight = -1;
      const response = await put(owner, question, etagOf(question)).send({ ...rubric, colour: 'blue' });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { pointer: '/concepts/2/patterns/0', detail: expect.stringContaining('unbalanced [') },
          { pointer: '/concepts/1/weight', detail: 'must be a number > 0' },
          { pointer: '/colour', detail: expect.stringContaining('unknown key "colour"') },
        ]),
      );
      expect(response.body.detail).toContain('/concepts/2/patterns/0');
      expect((await t.http().get(`/v1/questions/${question.id}`).set(bearer(owner.accessToken))).body.version).toBe(1);
    });

    it('answers 403 read-only for a library question, even for the owner', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const response = await put(owner, library, etagOf(library)).send(widgetRubric('why-sample-traces-at-all'));
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(problem('read-only'));
      expect(response.body.detail).toContain('/fork');
      expect((await getRubric(t.http, owner, library.id)).source).toBe('curated');
    });

    it('edits a forked library question’s rubric in the organization’s copy only', async () => {
      const library = await libraryQuestion(t.http, owner, 'what-is-a-span-what-is-a-trace');
      const fork = (await t.http().post(`/v1/questions/${library.id}/fork`).set(bearer(owner.accessToken)).expect(201)).body as QuestionBody;
      const curated = await getRubric(t.http, owner, fork.id);
      expect(curated.source).toBe('curated');
      const view = await putRubric(t.http, owner, fork, widgetRubric(fork.slug));
      expect(view.source).toBe('custom');
      expect((await getRubric(t.http, owner, library.id)).rubric).toEqual(curated.rubric);
    });

    it('answers 404 for another organization’s question', async () => {
      const question = await createQuestion(t.http, owner);
      const stranger = await signUp(t.http);
      const response = await put(stranger, question, etagOf(question)).send(widgetRubric(question.slug));
      expect(response.status).toBe(404);
    });

    it('lets interviewers and admins write, not reviewers', async () => {
      const question = await createQuestion(t.http, owner);
      const reviewer = await addMember(t.http, owner, 'reviewer');
      const denied = await put(reviewer, question, etagOf(question)).send(widgetRubric(question.slug));
      expect(denied.status).toBe(403);
      expect(denied.body.type).toBe(problem('forbidden'));
      const interviewer = await addMember(t.http, owner, 'interviewer');
      const written = await putRubric(t.http, interviewer, question, widgetRubric(question.slug));
      const admin = await addMember(t.http, owner, 'admin');
      expect((await putRubric(t.http, admin, written, widgetRubric(question.slug, { synonyms: { store: ['database'] } }))).version).toBe(3);
      // Reviewers can still read it.
      expect((await getRubric(t.http, reviewer, question.id)).version).toBe(3);
    });
  });
});
