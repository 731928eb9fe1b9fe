import { PrismaService } from '../src/database/prisma.service';
import { bearer, createApiKey, signUp, type Account } from './factories/accounts';
import {
  createInterview,
  drawItem,
  explicitItem,
  gradeableQuestion,
  interviewInput,
  LIBRARY,
  previewInterview,
  publishedInterview,
  publishInterview,
  replaceItems,
  SAMPLING_SECTION,
  type InterviewBody,
} from './factories/interviews';
import { createQuestion, libraryQuestion, type QuestionBody } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;

describe('interviews: building, publishing, archiving, duplicating', () => {
  let t: TestApp;
  let owner: Account;
  let whySample: QuestionBody;
  let headVsTail: QuestionBody;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    whySample = await libraryQuestion(t.http, owner, LIBRARY.whySample);
    headVsTail = await libraryQuestion(t.http, owner, LIBRARY.headVsTail);
  });
  afterAll(() => t.close());

  const as = (account: Pick<Account, 'accessToken'>) => ({
    get: (path: string) => t.http().get(path).set(bearer(account.accessToken)),
    post: (path: string) => t.http().post(path).set(bearer(account.accessToken)),
    put: (path: string) => t.http().put(path).set(bearer(account.accessToken)),
    patch: (path: string) => t.http().patch(path).set(bearer(account.accessToken)),
    delete: (path: string) => t.http().delete(path).set(bearer(account.accessToken)),
  });
  const auditOf = (entityId: string) => t.app.get(PrismaService).auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } });

  describe('POST /v1/interviews', () => {
    it('creates a draft with its items, defaults applied and draw levels widened to a range', async () => {
      const body = interviewInput({
        title: '  Senior SRE  ',
        items: [explicitItem(whySample.id, { weight: 2, points: 5, includeProbes: true }), drawItem(2, { section: SAMPLING_SECTION, levels: ['staff', 'middle'], tag: 'sampling' })],
      });
      const response = await as(owner).post('/v1/interviews').send(body);
      expect(response.status).toBe(201);
      const interview = response.body as InterviewBody;
      expect(interview).toMatchObject({
        title: 'Senior SRE',
        description: body.description,
        timeLimitMinutes: 45,
        passingThreshold: 0.6,
        status: 'draft',
        duplicatedFromId: null,
        createdById: owner.user.id,
        publishedAt: null,
        archivedAt: null,
      });
      expect(interview.items).toEqual([
        { id: expect.any(String), position: 1, kind: 'question', questionId: whySample.id, questionVersionId: null, count: null, section: null, levels: [], tag: null, weight: 2, points: 5, includeProbes: true },
        { id: expect.any(String), position: 2, kind: 'draw', questionId: null, questionVersionId: null, count: 2, section: SAMPLING_SECTION, levels: ['middle', 'senior', 'staff'], tag: 'sampling', weight: 1, points: 10, includeProbes: false },
      ]);
      expect((await as(owner).get(`/v1/interviews/${interview.id}`).expect(200)).body).toEqual(interview);

      const [created] = await auditOf(interview.id);
      expect(created).toMatchObject({ action: 'interview.created', entityType: 'interview', actorUserId: owner.user.id, organizationId: owner.organization.id, before: null });
      expect(created.after).toMatchObject({ title: 'Senior SRE', status: 'draft', items: [{ kind: 'question', questionId: whySample.id }, { kind: 'draw', count: 2 }] });
    });

    it('needs only title, time limit and threshold', async () => {
      const response = await as(owner).post('/v1/interviews').send({ title: 'Minimal', timeLimitMinutes: 1, passingThreshold: 0 });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ title: 'Minimal', description: '', items: [], status: 'draft' });
    });

    it('records an API key as the actor', async () => {
      const key = await createApiKey(t.http, owner, 'interviewer');
      const response = await t.http().post('/v1/interviews').set(bearer(key.secret)).send(interviewInput());
      expect(response.status).toBe(201);
      expect(response.body.createdById).toBeNull();
      const [event] = await auditOf(response.body.id);
      expect(event).toMatchObject({ actorUserId: null, actorApiKeyId: key.id, action: 'interview.created' });
    });
  });

  describe('GET /v1/interviews', () => {
    it('lists newest first, filters by status and pages with a cursor', async () => {
      const lister = await signUp(t.http);
      const first = await createInterview(t.http, lister, { title: 'first' });
      const second = await publishedInterview(t.http, lister);
      const third = await createInterview(t.http, lister, { title: 'third' });

      const page1 = (await as(lister).get('/v1/interviews').query({ limit: 2 }).expect(200)).body;
      expect(page1.items.map((i: InterviewBody) => i.id)).toEqual([third.id, second.id]);
      expect(page1.nextCursor).toEqual(expect.any(String));
      const page2 = (await as(lister).get('/v1/interviews').query({ limit: 2, cursor: page1.nextCursor }).expect(200)).body;
      expect(page2.items.map((i: InterviewBody) => i.id)).toEqual([first.id]);
      expect(page2.nextCursor).toBeNull();

      const drafts = (await as(lister).get('/v1/interviews?status=draft').expect(200)).body.items;
      expect(drafts.map((i: InterviewBody) => i.id)).toEqual([third.id, first.id]);
      const published = (await as(lister).get('/v1/interviews?status=published').expect(200)).body.items;
      expect(published.map((i: InterviewBody) => i.id)).toEqual([second.id]);
      expect(published[0].items).toHaveLength(1);
    });

    it.each([
      ['an unknown status', { status: 'live' }],
      ['a zero limit', { limit: 0 }],
      ['a huge limit', { limit: 1000 }],
      ['a non-numeric limit', { limit: 'ten' }],
      ['an unknown parameter', { sort: 'title' }],
    ])('rejects %s with 400', async (_name, query) => {
      const response = await as(owner).get('/v1/interviews').query(query);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
    });

    it('rejects a cursor it did not issue', async () => {
      const response = await as(owner).get('/v1/interviews').query({ cursor: 'bm90LWEtY3Vyc29y' });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('invalid-cursor'));
    });
  });

  describe('PATCH /v1/interviews/{id}', () => {
    it('changes a draft’s fields and audits only what changed', async () => {
      const draft = await createInterview(t.http, owner, { title: 'Before', timeLimitMinutes: 30 });
      const response = await as(owner).patch(`/v1/interviews/${draft.id}`).send({ title: 'After', timeLimitMinutes: 30, passingThreshold: 0.75 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ title: 'After', timeLimitMinutes: 30, passingThreshold: 0.75, description: draft.description, status: 'draft' });
      const events = await auditOf(draft.id);
      expect(events.map((e) => e.action)).toEqual(['interview.created', 'interview.updated']);
      expect(events[1]).toMatchObject({ before: { title: 'Before', passingThreshold: 0.6 }, after: { title: 'After', passingThreshold: 0.75 } });
    });

    it('changes nothing for an empty or identical body', async () => {
      const draft = await createInterview(t.http, owner);
      const empty = await as(owner).patch(`/v1/interviews/${draft.id}`).send({});
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual(draft);
      const same = await as(owner).patch(`/v1/interviews/${draft.id}`).send({ title: draft.title });
      expect(same.body.updatedAt).toBe(draft.updatedAt);
      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['interview.created']);
    });
  });

  describe('PUT /v1/interviews/{id}/items', () => {
    it('replaces the whole item list and audits before and after', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id)] });
      const updated = await replaceItems(t.http, owner, draft.id, [explicitItem(headVsTail.id, { points: 20 }), explicitItem(whySample.id)]);
      expect(updated.items.map((item) => [item.position, item.questionId, item.points])).toEqual([
        [1, headVsTail.id, 20],
        [2, whySample.id, 10],
      ]);
      expect(updated.items[0].id).not.toBe(draft.items[0].id);
      const cleared = await replaceItems(t.http, owner, draft.id, []);
      expect(cleared.items).toEqual([]);
      const events = (await auditOf(draft.id)).filter((e) => e.action === 'interview.items_replaced');
      expect(events).toHaveLength(2);
      expect(events[0].before).toEqual({ items: [expect.objectContaining({ questionId: whySample.id })] });
      expect(events[0].after).toEqual({ items: [expect.objectContaining({ questionId: headVsTail.id, points: 20 }), expect.objectContaining({ questionId: whySample.id })] });
    });

    it('refuses archived questions, questions of other organizations and repeats, naming each item', async () => {
      const archived = await createQuestion(t.http, owner);
      await as(owner).delete(`/v1/questions/${archived.id}`).expect(204);
      const stranger = await signUp(t.http);
      const foreign = await createQuestion(t.http, stranger);
      const traceparent = await libraryQuestion(t.http, owner, LIBRARY.traceparent);
      const fork = await gradeableQuestion(t.http, owner, LIBRARY.traceparent);
      const draft = await createInterview(t.http, owner);

      const response = await as(owner)
        .put(`/v1/interviews/${draft.id}/items`)
        .send({ items: [explicitItem(whySample.id), explicitItem(archived.id), explicitItem(foreign.id), explicitItem('00000000-0000-4000-8000-000000000000')] });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
      expect(response.body.errors).toEqual([
        { pointer: '/items/1/questionId', detail: 'is an archived question' },
        { pointer: '/items/2/questionId', detail: 'is not a question in the library or your organization' },
        { pointer: '/items/3/questionId', detail: 'is not a question in the library or your organization' },
      ]);

      const repeated = await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [explicitItem(whySample.id), explicitItem(whySample.id)] });
      expect(repeated.status).toBe(400);
      expect(repeated.body.errors).toEqual([{ pointer: '/items/1/questionId', detail: expect.stringContaining('repeats the question of item 0') }]);
      // A fork is the same question as its original.
      const forked = await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [explicitItem(traceparent.id), explicitItem(fork.id)] });
      expect(forked.status).toBe(400);
      expect(forked.body.errors[0].pointer).toBe('/items/1/questionId');

      expect((await as(owner).get(`/v1/interviews/${draft.id}`).expect(200)).body.items).toEqual([]);
    });
  });

  describe('lifecycle', () => {
    it('goes draft → published → archived, and a published interview is immutable', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id), drawItem(1, { section: SAMPLING_SECTION, levels: ['senior'] })] });
      const published = await publishInterview(t.http, owner, draft.id);
      expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String), archivedAt: null });
      expect(published.items[0].questionVersionId).toBe(whySample.versionId);
      // Draw rules stay rules: nothing to pin.
      expect(published.items[1]).toMatchObject({ kind: 'draw', questionVersionId: null, count: 1 });

      const patch = await as(owner).patch(`/v1/interviews/${draft.id}`).send({ title: 'Changed' });
      expect(patch.status).toBe(409);
      expect(patch.body.type).toBe(problem('conflict'));
      expect(patch.body.detail).toContain(`/v1/interviews/${draft.id}/duplicate`);
      const items = await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [] });
      expect(items.status).toBe(409);
      expect(items.body.detail).toContain('duplicate');
      const remove = await as(owner).delete(`/v1/interviews/${draft.id}`);
      expect(remove.status).toBe(409);
      expect(remove.body.detail).toContain(`/v1/interviews/${draft.id}/archive`);

      const again = await as(owner).post(`/v1/interviews/${draft.id}/publish`);
      expect(again.status).toBe(200);
      expect(again.body.publishedAt).toBe(published.publishedAt);

      const archived = await as(owner).post(`/v1/interviews/${draft.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String), publishedAt: published.publishedAt });
      const archivedAgain = await as(owner).post(`/v1/interviews/${draft.id}/archive`);
      expect(archivedAgain.status).toBe(200);
      expect(archivedAgain.body.archivedAt).toBe(archived.body.archivedAt);

      for (const response of [
        await as(owner).post(`/v1/interviews/${draft.id}/publish`),
        await as(owner).patch(`/v1/interviews/${draft.id}`).send({ title: 'Changed' }),
        await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [] }),
        await as(owner).delete(`/v1/interviews/${draft.id}`),
      ]) {
        expect(response.status).toBe(409);
        expect(response.body.type).toBe(problem('conflict'));
      }
      const final = (await as(owner).get(`/v1/interviews/${draft.id}`).expect(200)).body as InterviewBody;
      expect(final).toMatchObject({ status: 'archived', title: draft.title });
      expect(final.items).toEqual(published.items);

      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['interview.created', 'interview.published', 'interview.archived']);
    });

    it('deletes a draft, but archives only published interviews', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id)] });
      const archive = await as(owner).post(`/v1/interviews/${draft.id}/archive`);
      expect(archive.status).toBe(409);
      expect(archive.body.detail).toContain('DELETE');
      expect((await as(owner).delete(`/v1/interviews/${draft.id}`)).status).toBe(204);
      expect((await as(owner).get(`/v1/interviews/${draft.id}`)).status).toBe(404);
      const events = await auditOf(draft.id);
      expect(events.map((e) => e.action)).toEqual(['interview.created', 'interview.deleted']);
      expect(events[1].before).toMatchObject({ title: draft.title, status: 'draft' });
    });

    it('refuses to publish an interview without items', async () => {
      const draft = await createInterview(t.http, owner);
      const response = await as(owner).post(`/v1/interviews/${draft.id}/publish`);
      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('no items');
      expect((await as(owner).get(`/v1/interviews/${draft.id}`).expect(200)).body.status).toBe('draft');
    });

    it('refuses to publish while a pinned question has no rubric, listing those questions', async () => {
      const bare = await createQuestion(t.http, owner);
      const alsoBare = await createQuestion(t.http, owner);
      expect(bare.hasRubric).toBe(false);
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id), explicitItem(bare.id), explicitItem(alsoBare.id)] });
      const response = await as(owner).post(`/v1/interviews/${draft.id}/publish`);
      expect(response.status).toBe(409);
      expect(response.body.type).toBe(problem('conflict'));
      expect(response.body.questionsWithoutRubric).toEqual([bare.id, alsoBare.id]);
      expect(response.body.errors).toEqual([
        { pointer: '/items/1/questionId', detail: expect.stringContaining(bare.slug) },
        { pointer: '/items/2/questionId', detail: expect.stringContaining(alsoBare.slug) },
      ]);
      expect(response.body.detail).toContain('rubric');
      const after = (await as(owner).get(`/v1/interviews/${draft.id}`).expect(200)).body as InterviewBody;
      expect(after.status).toBe('draft');
      expect(after.items.every((item) => item.questionVersionId === null)).toBe(true);
    });

    it('refuses to publish when a question was archived after it was added', async () => {
      const fork = await gradeableQuestion(t.http, owner, LIBRARY.spanLink);
      const draft = await createInterview(t.http, owner, { items: [explicitItem(fork.id)] });
      await as(owner).delete(`/v1/questions/${fork.id}`).expect(204);
      const response = await as(owner).post(`/v1/interviews/${draft.id}/publish`);
      expect(response.status).toBe(409);
      expect(response.body.errors).toEqual([{ pointer: '/items/0/questionId', detail: expect.stringContaining('archived') }]);
    });

    it('lets exactly one of two racing publishes do the work', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id)] });
      const [a, b] = await Promise.all([as(owner).post(`/v1/interviews/${draft.id}/publish`), as(owner).post(`/v1/interviews/${draft.id}/publish`)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.publishedAt).toBe(b.body.publishedAt);
      expect((await auditOf(draft.id)).filter((e) => e.action === 'interview.published')).toHaveLength(1);
    });

    it('serialises an item replacement racing a publish: the published items are the ones that were checked', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id)] });
      const [put, publish] = await Promise.all([
        as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [explicitItem(headVsTail.id)] }),
        as(owner).post(`/v1/interviews/${draft.id}/publish`),
      ]);
      expect(publish.status).toBe(200);
      const final = (await as(owner).get(`/v1/interviews/${draft.id}`).expect(200)).body as InterviewBody;
      if (put.status === 200) {
        // The replacement went first: the publish pinned the new item.
        expect(final.items).toEqual([expect.objectContaining({ questionId: headVsTail.id, questionVersionId: headVsTail.versionId })]);
      } else {
        expect(put.status).toBe(409);
        expect(final.items).toEqual([expect.objectContaining({ questionId: whySample.id, questionVersionId: whySample.versionId })]);
      }
      expect(final.status).toBe('published');
    });
  });

  describe('pinning', () => {
    it('pins the version current at publish; later edits of the question do not move the pin', async () => {
      const pinner = await signUp(t.http);
      const fork = await gradeableQuestion(t.http, pinner, LIBRARY.spanLink);
      expect(fork.hasRubric).toBe(true);
      const draft = await createInterview(t.http, pinner, { items: [explicitItem(fork.id)] });
      const published = await publishInterview(t.http, pinner, draft.id);
      expect(published.items[0].questionVersionId).toBe(fork.versionId);

      const edited = await as(pinner).patch(`/v1/questions/${fork.id}`).set('If-Match', `"${fork.versionId}"`).send({ prompt: 'When is a span link better than a parent?' });
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      expect(edited.body.hasRubric).toBe(true);

      const reread = (await as(pinner).get(`/v1/interviews/${draft.id}`).expect(200)).body as InterviewBody;
      expect(reread.items[0].questionVersionId).toBe(fork.versionId);
      expect((await previewInterview(t.http, pinner, draft.id)).items[0].prompt).toBe(fork.prompt);

      // The copy is a draft again: it previews, and then pins, the question's new version.
      const copy = await as(pinner).post(`/v1/interviews/${draft.id}/duplicate`);
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({ status: 'draft', duplicatedFromId: draft.id, title: draft.title, publishedAt: null });
      expect(copy.body.items).toEqual([expect.objectContaining({ questionId: fork.id, questionVersionId: null })]);
      expect((await previewInterview(t.http, pinner, copy.body.id)).items[0].prompt).toBe('When is a span link better than a parent?');
      const republished = await publishInterview(t.http, pinner, copy.body.id);
      expect(republished.items[0].questionVersionId).toBe(edited.body.versionId);
      expect((await as(pinner).get(`/v1/interviews/${draft.id}`).expect(200)).body.items[0].questionVersionId).toBe(fork.versionId);
    });
  });

  describe('POST /v1/interviews/{id}/duplicate', () => {
    it('copies any interview into a new draft with the same items, and audits the copy', async () => {
      const original = await publishedInterview(t.http, owner, [explicitItem(whySample.id, { weight: 3, includeProbes: true }), drawItem(2, { section: SAMPLING_SECTION, tag: 'sampling' })]);
      const response = await as(owner).post(`/v1/interviews/${original.id}/duplicate`);
      expect(response.status).toBe(201);
      const copy = response.body as InterviewBody;
      expect(copy.id).not.toBe(original.id);
      expect(copy).toMatchObject({
        status: 'draft',
        title: original.title,
        description: original.description,
        timeLimitMinutes: original.timeLimitMinutes,
        passingThreshold: original.passingThreshold,
        duplicatedFromId: original.id,
        publishedAt: null,
        archivedAt: null,
      });
      const strip = ({ id: _id, questionVersionId: _pin, ...rest }: InterviewBody['items'][number]) => rest;
      expect(copy.items.map(strip)).toEqual(original.items.map(strip));
      expect(copy.items.every((item) => item.questionVersionId === null)).toBe(true);
      const events = await auditOf(copy.id);
      expect(events.map((e) => e.action)).toEqual(['interview.duplicated']);
      expect(events[0].after).toMatchObject({ duplicatedFromId: original.id });

      // The copy is editable; the original is untouched.
      expect((await as(owner).patch(`/v1/interviews/${copy.id}`).send({ title: 'Copy' })).status).toBe(200);
      expect((await as(owner).get(`/v1/interviews/${original.id}`).expect(200)).body).toMatchObject({ title: original.title, status: 'published' });
      const ofDraft = await as(owner).post(`/v1/interviews/${copy.id}/duplicate`);
      expect(ofDraft.status).toBe(201);
      expect(ofDraft.body.duplicatedFromId).toBe(copy.id);
    });
  });
});
