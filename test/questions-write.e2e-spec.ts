import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { createQuestion, libraryQuestion, listAll, questionInput, type QuestionBody } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const problem = (code: string) => `https://assay.dev/problems/${code}`;

describe('writing questions', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const as = (account: Pick<Account, 'accessToken'>) => ({
    get: (path: string) => t.http().get(path).set(bearer(account.accessToken)),
    post: (path: string) => t.http().post(path).set(bearer(account.accessToken)),
    patch: (path: string) => t.http().patch(path).set(bearer(account.accessToken)),
    delete: (path: string) => t.http().delete(path).set(bearer(account.accessToken)),
  });

  describe('POST /v1/questions', () => {
    it('creates version 1 of an organization question, slugged from the prompt', async () => {
      const body = questionInput({ prompt: 'What is a Widget’s “lifecycle”, really?', levels: ['senior', 'middle'] });
      const response = await as(owner).post('/v1/questions').send(body);
      expect(response.status).toBe(201);
      const question = response.body as QuestionBody;
      expect(question).toMatchObject({
        slug: 'what-is-a-widgets-lifecycle-really',
        source: 'organization',
        kind: 'question',
        section: 'Widgets',
        levels: ['middle', 'senior'],
        version: 1,
        hasRubric: false,
        archivedAt: null,
        forkedFromId: null,
        probes: body.probes,
        modelAnswer: body.modelAnswer,
      });
      expect(response.headers.etag).toBe(`"${question.versionId}"`);
      expect((await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body).toEqual(question);
    });

    it('uses a given slug and answers 409 when the organization already has it', async () => {
      const first = await createQuestion(t.http, owner, { slug: 'my-own-slug' });
      expect(first.slug).toBe('my-own-slug');
      const again = await as(owner).post('/v1/questions').send(questionInput({ slug: 'my-own-slug' }));
      expect(again.status).toBe(409);
      expect(again.body.type).toBe(problem('conflict'));
      const derived = await createQuestion(t.http, owner);
      const samePrompt = await as(owner).post('/v1/questions').send(questionInput({ prompt: derived.prompt }));
      expect(samePrompt.status).toBe(409);
      expect(samePrompt.body.detail).toContain(derived.slug);
      // Another organization may use the same slug.
      const other = await signUp(t.http);
      expect((await createQuestion(t.http, other, { slug: 'my-own-slug' })).slug).toBe('my-own-slug');
    });

    it('takes only the required fields and defaults the rest', async () => {
      const response = await as(owner).post('/v1/questions').send({ section: 'Widgets', prompt: 'Minimal widget question?' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ kind: 'question', levels: [], tags: [], modelAnswer: '', probes: [], misconceptions: [], listeningFor: [] });
    });

    it.each<[string, Record<string, unknown>]>([
      ['a missing prompt', { section: 'Widgets' }],
      ['a missing section', { prompt: 'Where is my section?' }],
      ['an unknown field', questionInput({ colour: 'blue' })],
      ['an unknown probe field', questionInput({ probes: [{ question: 'q', answer: 'a', score: 3 }] })],
      ['a probe that is not an object', questionInput({ probes: ['what if?'] })],
      ['a wrong type', questionInput({ levels: 'senior' })],
      ['an unknown level', questionInput({ levels: ['principal'] })],
      ['an unknown kind', questionInput({ kind: 'essay' })],
      ['a malformed slug', questionInput({ slug: 'Not A Slug' })],
      ['a non-string tag', questionInput({ tags: [42] })],
      ['an empty prompt', questionInput({ prompt: '' })],
      ['a null body field', questionInput({ section: null })],
    ])('rejects %s with 400', async (_name, body) => {
      const response = await as(owner).post('/v1/questions').send(body);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
      expect(response.body.errors.length).toBeGreaterThan(0);
    });

    it('rejects malformed JSON, non-JSON and oversized bodies', async () => {
      const badJson = await as(owner).post('/v1/questions').set('Content-Type', 'application/json').send('{"prompt": ');
      expect(badJson.status).toBe(400);
      expect(badJson.body.type).toBe(problem('malformed-json'));
      // A JSON text sent as text/plain is not taken for a JSON body.
      const text = await as(owner).post('/v1/questions').set('Content-Type', 'text/plain').send(JSON.stringify(questionInput()));
      expect(text.status).toBe(415);
      const xml = await as(owner).post('/v1/questions').set('Content-Type', 'application/xml').send('<question/>');
      expect(xml.status).toBe(415);
      const huge = await as(owner)
        .post('/v1/questions')
        .send(questionInput({ modelAnswer: 'x'.repeat(t.config.bodyLimitBytes + 10) }));
      expect(huge.status).toBe(413);
      expect(huge.body.type).toBe(problem('payload-too-large'));
    });
  });

  describe('PATCH /v1/questions/{id}', () => {
    let question: QuestionBody;
    let etag: string;

    beforeAll(async () => {
      question = await createQuestion(t.http, owner);
      etag = `"${question.versionId}"`;
    });

    it('requires If-Match: 428 without it', async () => {
      const response = await as(owner).patch(`/v1/questions/${question.id}`).send({ prompt: 'Changed?' });
      expect(response.status).toBe(428);
      expect(response.body.type).toBe(problem('precondition-required'));
    });

    it('refuses a stale ETag with 412 and tells the current one', async () => {
      const response = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', `"${UNKNOWN_ID}"`).send({ prompt: 'Changed?' });
      expect(response.status).toBe(412);
      expect(response.body.type).toBe(problem('precondition-failed'));
      expect(response.headers.etag).toBe(etag);
    });

    it('creates a new version on change and leaves the old one intact', async () => {
      const response = await as(owner)
        .patch(`/v1/questions/${question.id}`)
        .set('If-Match', etag)
        .send({ prompt: 'How would you redesign the widget?', levels: ['staff'] });
      expect(response.status).toBe(200);
      const updated = response.body as QuestionBody;
      expect(updated).toMatchObject({ id: question.id, slug: question.slug, version: 2, prompt: 'How would you redesign the widget?', levels: ['staff'], modelAnswer: question.modelAnswer });
      expect(updated.versionId).not.toBe(question.versionId);
      expect(response.headers.etag).toBe(`"${updated.versionId}"`);

      const versions = (await as(owner).get(`/v1/questions/${question.id}/versions`).expect(200)).body.items;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(versions[1]).toMatchObject({ versionId: question.versionId, content: { prompt: question.prompt, levels: question.levels } });
      expect(versions[0].content.prompt).toBe('How would you redesign the widget?');

      // The old ETag is now stale.
      const stale = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({ prompt: 'Again?' });
      expect(stale.status).toBe(412);
      etag = response.headers.etag as string;
    });

    it('creates nothing for an unchanged body', async () => {
      const before = (await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body as QuestionBody;
      const response = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({ prompt: before.prompt, tags: before.tags });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(before.version);
      expect(response.body.versionId).toBe(before.versionId);
      const empty = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({});
      expect(empty.body.version).toBe(before.version);
      const versions = (await as(owner).get(`/v1/questions/${question.id}/versions`).expect(200)).body.items;
      expect(versions).toHaveLength(before.version);
    });

    it('lets exactly one of two concurrent edits of the same version win', async () => {
      const target = await createQuestion(t.http, owner);
      const ifMatch = `"${target.versionId}"`;
      const [a, b] = await Promise.all([
        as(owner).patch(`/v1/questions/${target.id}`).set('If-Match', ifMatch).send({ prompt: 'Edit A?' }),
        as(owner).patch(`/v1/questions/${target.id}`).set('If-Match', ifMatch).send({ prompt: 'Edit B?' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const versions = (await as(owner).get(`/v1/questions/${target.id}/versions`).expect(200)).body.items;
      expect(versions).toHaveLength(2);
    });

    it('accepts If-Match: * and a list containing the current tag', async () => {
      const target = await createQuestion(t.http, owner);
      const star = await as(owner).patch(`/v1/questions/${target.id}`).set('If-Match', '*').send({ tags: ['star'] });
      expect(star.status).toBe(200);
      const list = await as(owner)
        .patch(`/v1/questions/${target.id}`)
        .set('If-Match', `"${UNKNOWN_ID}", "${star.body.versionId}"`)
        .send({ tags: ['listed'] });
      expect(list.status).toBe(200);
      expect(list.body.version).toBe(3);
    });

    it('rejects malformed bodies and ids', async () => {
      const unknownField = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({ slug: 'renamed' });
      expect(unknownField.status).toBe(400);
      const wrongType = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({ probes: 'none' });
      expect(wrongType.status).toBe(400);
      const badJson = await as(owner).patch(`/v1/questions/${question.id}`).set('If-Match', etag).set('Content-Type', 'application/json').send('[');
      expect(badJson.status).toBe(400);
      const badId = await as(owner).patch('/v1/questions/nope').set('If-Match', etag).send({ prompt: 'x' });
      expect(badId.status).toBe(400);
      expect(badId.body.type).toBe(problem('validation-failed'));
    });

    it('answers 403 read-only for a library question, pointing to fork', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const response = await as(owner).patch(`/v1/questions/${library.id}`).set('If-Match', `"${library.versionId}"`).send({ prompt: 'Mine now?' });
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(problem('read-only'));
      expect(response.body.detail).toContain('/fork');
      expect((await as(owner).delete(`/v1/questions/${library.id}`)).status).toBe(403);
      expect((await libraryQuestion(t.http, owner, 'why-sample-traces-at-all')).version).toBe(1);
    });
  });

  describe('DELETE /v1/questions/{id}', () => {
    it('archives: hidden from lists unless archived=true, still readable by id', async () => {
      const question = await createQuestion(t.http, owner);
      const response = await as(owner).delete(`/v1/questions/${question.id}`);
      expect(response.status).toBe(204);
      expect(response.text).toBe('');

      const read = (await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body as QuestionBody;
      expect(read.archivedAt).toEqual(expect.any(String));
      expect((await listAll(t.http, owner, { source: 'organization' })).map((q) => q.id)).not.toContain(question.id);
      expect((await listAll(t.http, owner, { source: 'organization', archived: true })).map((q) => q.id)).toContain(question.id);
      // Archiving again is harmless and keeps the first archival time.
      expect((await as(owner).delete(`/v1/questions/${question.id}`)).status).toBe(204);
      expect((await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body.archivedAt).toBe(read.archivedAt);
    });

    it('rejects a malformed id with 400 and an unknown one with 404', async () => {
      expect((await as(owner).delete('/v1/questions/123')).status).toBe(400);
      expect((await as(owner).delete(`/v1/questions/${UNKNOWN_ID}`)).status).toBe(404);
    });
  });

  describe('POST /v1/questions/{id}/fork', () => {
    it('copies a library question into the organization, then under a new slug when taken', async () => {
      const forker = await signUp(t.http);
      const library = await libraryQuestion(t.http, forker, 'when-would-you-use-a-span-link-instead-of-a-parent-child');
      const response = await as(forker).post(`/v1/questions/${library.id}/fork`);
      expect(response.status).toBe(201);
      const fork = response.body as QuestionBody;
      expect(fork).toMatchObject({
        slug: library.slug,
        source: 'organization',
        forkedFromId: library.id,
        version: 1,
        prompt: library.prompt,
        modelAnswer: library.modelAnswer,
        levels: library.levels,
        listeningFor: library.listeningFor,
        hasRubric: library.hasRubric,
      });
      expect(fork.id).not.toBe(library.id);
      expect(response.headers.etag).toBe(`"${fork.versionId}"`);

      // The slug now finds the organization's copy, which is editable.
      expect((await as(forker).get(`/v1/questions/${library.slug}`).expect(200)).body.id).toBe(fork.id);
      const edited = await as(forker).patch(`/v1/questions/${fork.id}`).set('If-Match', `"${fork.versionId}"`).send({ tags: ['mine'] });
      expect(edited.status).toBe(200);
      expect((await libraryQuestion(t.http, owner, library.slug)).tags).toEqual(library.tags);

      const again = await as(forker).post(`/v1/questions/${library.id}/fork`).expect(201);
      expect(again.body.slug).toBe(`${library.slug}-2`);
    });

    it('rejects a malformed id with 400 and an unknown one with 404', async () => {
      expect((await as(owner).post('/v1/questions/xyz/fork')).status).toBe(400);
      expect((await as(owner).post(`/v1/questions/${UNKNOWN_ID}/fork`)).status).toBe(404);
    });
  });

  describe('tenant isolation', () => {
    it('answers 404 on every id route for another organization’s question, and never lists it', async () => {
      const question = await createQuestion(t.http, owner, { slug: 'private-to-owner' });
      const stranger = await signUp(t.http);
      const etag = `"${question.versionId}"`;
      const attempts = [
        as(stranger).get(`/v1/questions/${question.id}`),
        as(stranger).get('/v1/questions/private-to-owner'),
        as(stranger).get(`/v1/questions/${question.id}/versions`),
        as(stranger).patch(`/v1/questions/${question.id}`).set('If-Match', etag).send({ prompt: 'Hijacked?' }),
        as(stranger).delete(`/v1/questions/${question.id}`),
        as(stranger).post(`/v1/questions/${question.id}/fork`),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(404);
        expect(response.body.type).toBe(problem('not-found'));
      }
      const listed = await listAll(t.http, stranger, { archived: true });
      expect(listed.map((q) => q.id)).not.toContain(question.id);
      expect(listed.every((q) => q.source === 'library')).toBe(true);
      const searched = await listAll(t.http, stranger, { q: 'widget' });
      expect(searched.map((q) => q.id)).not.toContain(question.id);

      const untouched = (await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body as QuestionBody;
      expect(untouched).toMatchObject({ version: 1, archivedAt: null, prompt: question.prompt });
    });
  });

  describe('roles', () => {
    let reviewer: Account;
    let question: QuestionBody;

    beforeAll(async () => {
      reviewer = await addMember(t.http, owner, 'reviewer');
      question = await createQuestion(t.http, owner);
    });

    it('lets a reviewer read', async () => {
      expect((await as(reviewer).get(`/v1/questions/${question.id}`)).status).toBe(200);
      expect((await as(reviewer).get('/v1/questions?source=organization')).status).toBe(200);
    });

    it('forbids a reviewer to create, edit, archive, fork or import', async () => {
      const library = await libraryQuestion(t.http, reviewer, 'why-sample-traces-at-all');
      const attempts = [
        as(reviewer).post('/v1/questions').send(questionInput()),
        as(reviewer).patch(`/v1/questions/${question.id}`).set('If-Match', `"${question.versionId}"`).send({ prompt: 'Reviewer edit?' }),
        as(reviewer).delete(`/v1/questions/${question.id}`),
        as(reviewer).post(`/v1/questions/${library.id}/fork`),
        as(reviewer).post('/v1/questions/import').send({ document: 'Q: anything?¶\nAnswer.' }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(403);
        expect(response.body.type).toBe(problem('forbidden'));
      }
      expect((await as(owner).get(`/v1/questions/${question.id}`).expect(200)).body).toMatchObject({ version: 1, archivedAt: null });
    });

    it('lets an interviewer (person or API key) write', async () => {
      const interviewer = await addMember(t.http, owner, 'interviewer');
      expect((await as(interviewer).post('/v1/questions').send(questionInput())).status).toBe(201);
      const key = await createApiKey(t.http, owner, 'interviewer');
      const created = await t.http().post('/v1/questions').set(bearer(key.secret)).send(questionInput());
      expect(created.status).toBe(201);
      expect(created.body.source).toBe('organization');
    });
  });
});
