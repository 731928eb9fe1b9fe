import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { createInterview, drawItem, explicitItem, interviewInput, LIBRARY, publishedInterview, SAMPLING_SECTION, type InterviewBody } from './factories/interviews';
import { libraryQuestion, type QuestionBody } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: (id: string) => string;
  body?: () => Record<string, unknown>;
}

describe('interviews: roles, tenant isolation and malformed input', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let interviewer: Account;
  let stranger: Account;
  let question: QuestionBody;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer');
    interviewer = await addMember(t.http, owner, 'interviewer');
    stranger = await signUp(t.http);
    question = await libraryQuestion(t.http, owner, LIBRARY.whySample);
  });
  afterAll(() => t.close());

  const call = (token: string | undefined, method: Method, path: string, body?: unknown) => {
    const request = t.http()[method](path);
    if (token) request.set(bearer(token));
    return body === undefined ? request : request.send(body as object);
  };

  const ID_ROUTES: Route[] = [
    { method: 'get', path: (id) => `/v1/interviews/${id}` },
    { method: 'patch', path: (id) => `/v1/interviews/${id}`, body: () => ({ title: 'Hijacked' }) },
    { method: 'put', path: (id) => `/v1/interviews/${id}/items`, body: () => ({ items: [] }) },
    { method: 'post', path: (id) => `/v1/interviews/${id}/publish` },
    { method: 'post', path: (id) => `/v1/interviews/${id}/archive` },
    { method: 'post', path: (id) => `/v1/interviews/${id}/duplicate` },
    { method: 'get', path: (id) => `/v1/interviews/${id}/preview` },
    { method: 'delete', path: (id) => `/v1/interviews/${id}` },
  ];

  describe('roles', () => {
    it('lets a reviewer read, list and preview', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(question.id)] });
      expect((await call(reviewer.accessToken, 'get', `/v1/interviews/${draft.id}`)).status).toBe(200);
      expect((await call(reviewer.accessToken, 'get', '/v1/interviews')).body.items.map((i: InterviewBody) => i.id)).toContain(draft.id);
      expect((await call(reviewer.accessToken, 'get', `/v1/interviews/${draft.id}/preview`)).status).toBe(200);
    });

    it('forbids a reviewer (person or API key) to create, edit, publish, archive, duplicate or delete', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(question.id)] });
      const published = await publishedInterview(t.http, owner);
      const key = await createApiKey(t.http, owner, 'reviewer');
      for (const token of [reviewer.accessToken, key.secret]) {
        const attempts = [
          call(token, 'post', '/v1/interviews', interviewInput()),
          call(token, 'patch', `/v1/interviews/${draft.id}`, { title: 'Reviewer edit' }),
          call(token, 'put', `/v1/interviews/${draft.id}/items`, { items: [] }),
          call(token, 'post', `/v1/interviews/${draft.id}/publish`),
          call(token, 'post', `/v1/interviews/${published.id}/archive`),
          call(token, 'post', `/v1/interviews/${published.id}/duplicate`),
          call(token, 'delete', `/v1/interviews/${draft.id}`),
        ];
        for (const response of await Promise.all(attempts)) {
          expect(response.status).toBe(403);
          expect(response.body.type).toBe(problem('forbidden'));
        }
      }
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${draft.id}`)).body).toEqual(draft);
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${published.id}`)).body.status).toBe('published');
      const listed = (await call(owner.accessToken, 'get', '/v1/interviews')).body.items as InterviewBody[];
      expect(listed.filter((i) => i.duplicatedFromId === published.id)).toEqual([]);
    });

    it('lets an interviewer (person or API key) and an admin build, publish and archive', async () => {
      const admin = await addMember(t.http, owner, 'admin');
      const key = await createApiKey(t.http, owner, 'interviewer');
      for (const token of [interviewer.accessToken, key.secret, admin.accessToken]) {
        const created = await call(token, 'post', '/v1/interviews', interviewInput({ items: [explicitItem(question.id)] }));
        expect(created.status).toBe(201);
        expect((await call(token, 'post', `/v1/interviews/${created.body.id}/publish`)).status).toBe(200);
        expect((await call(token, 'post', `/v1/interviews/${created.body.id}/duplicate`)).status).toBe(201);
        expect((await call(token, 'post', `/v1/interviews/${created.body.id}/archive`)).status).toBe(200);
      }
    });

    it('answers 401 on every route without credentials', async () => {
      const draft = await createInterview(t.http, owner);
      const responses = await Promise.all([
        call(undefined, 'post', '/v1/interviews', interviewInput()),
        call(undefined, 'get', '/v1/interviews'),
        ...ID_ROUTES.map((route) => call(undefined, route.method, route.path(draft.id), route.body?.())),
      ]);
      for (const response of responses) expect(response.status).toBe(401);
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${draft.id}`)).status).toBe(200);
    });
  });

  describe('tenant isolation', () => {
    it('answers 404 on every route for another organization’s interview, draft or published, and changes nothing', async () => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(question.id), drawItem(1, { section: SAMPLING_SECTION })] });
      const published = await publishedInterview(t.http, owner);
      for (const target of [draft, published]) {
        for (const route of ID_ROUTES) {
          const response = await call(stranger.accessToken, route.method, route.path(target.id), route.body?.());
          expect({ route: `${route.method} ${route.path(':id')}`, status: response.status }).toEqual({ route: `${route.method} ${route.path(':id')}`, status: 404 });
          expect(response.body.type).toBe(problem('not-found'));
          expect(JSON.stringify(response.body)).not.toContain(target.title);
        }
      }
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${draft.id}`)).body).toEqual(draft);
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${published.id}`)).body).toEqual(published);
      const theirs = (await call(stranger.accessToken, 'get', '/v1/interviews')).body.items as InterviewBody[];
      expect(theirs).toEqual([]);
    });

    it('answers 404 for an unknown id on every route', async () => {
      for (const route of ID_ROUTES) {
        const response = await call(owner.accessToken, route.method, route.path(UNKNOWN_ID), route.body?.());
        expect(response.status).toBe(404);
      }
    });
  });

  describe('malformed input', () => {
    it('rejects a malformed id with 400 on every route', async () => {
      for (const route of ID_ROUTES) {
        const response = await call(owner.accessToken, route.method, route.path('not-a-uuid'), route.body?.());
        expect(response.status).toBe(400);
        expect(response.body.type).toBe(problem('validation-failed'));
        expect(response.body.errors).toEqual([{ pointer: 'path:id', detail: expect.any(String) }]);
      }
    });

    const item = explicitItem(UNKNOWN_ID);
    it.each<[string, Record<string, unknown>, string]>([
      ['a missing title', { timeLimitMinutes: 10, passingThreshold: 0.5 }, '/title'],
      ['a blank title', interviewInput({ title: '   ' }), '/title'],
      ['a too long title', interviewInput({ title: 'x'.repeat(201) }), '/title'],
      ['a null description', interviewInput({ description: null }), '/description'],
      ['a zero time limit', interviewInput({ timeLimitMinutes: 0 }), '/timeLimitMinutes'],
      ['a time limit over 600', interviewInput({ timeLimitMinutes: 601 }), '/timeLimitMinutes'],
      ['a fractional time limit', interviewInput({ timeLimitMinutes: 1.5 }), '/timeLimitMinutes'],
      ['a time limit as a string', interviewInput({ timeLimitMinutes: '60' }), '/timeLimitMinutes'],
      ['a negative threshold', interviewInput({ passingThreshold: -0.1 }), '/passingThreshold'],
      ['a threshold over 1', interviewInput({ passingThreshold: 1.01 }), '/passingThreshold'],
      ['an unknown field', interviewInput({ status: 'published' }), '/status'],
      ['items that are not a list', interviewInput({ items: { kind: 'question' } }), '/items'],
      ['null items', interviewInput({ items: null }), '/items'],
      ['an item that is not an object', interviewInput({ items: ['question'] }), '/items/0'],
      ['an unknown item kind', interviewInput({ items: [{ kind: 'essay' }] }), '/items/0/kind'],
      ['a question item without questionId', interviewInput({ items: [{ kind: 'question' }] }), '/items/0/questionId'],
      ['a malformed questionId', interviewInput({ items: [explicitItem('abc')] }), '/items/0/questionId'],
      ['a question item with a count', interviewInput({ items: [{ ...item, count: 2 }] }), '/items/0/count'],
      ['a question item with a section', interviewInput({ items: [{ ...item, section: 'Sampling' }] }), '/items/0/section'],
      ['a draw without a count', interviewInput({ items: [{ kind: 'draw', section: 'Sampling' }] }), '/items/0/count'],
      ['a draw of 0', interviewInput({ items: [drawItem(0)] }), '/items/0/count'],
      ['a draw of 21', interviewInput({ items: [drawItem(21)] }), '/items/0/count'],
      ['a draw with a questionId', interviewInput({ items: [drawItem(1, { questionId: UNKNOWN_ID })] }), '/items/0/questionId'],
      ['an unknown level', interviewInput({ items: [drawItem(1, { levels: ['principal'] })] }), '/items/0/levels'],
      ['an empty level range', interviewInput({ items: [drawItem(1, { levels: [] })] }), '/items/0/levels'],
      ['a blank tag', interviewInput({ items: [drawItem(1, { tag: ' ' })] }), '/items/0/tag'],
      ['a zero weight', interviewInput({ items: [{ ...item, weight: 0 }] }), '/items/0/weight'],
      ['a huge weight', interviewInput({ items: [{ ...item, weight: 1e6 }] }), '/items/0/weight'],
      ['negative points', interviewInput({ items: [{ ...item, points: -1 }] }), '/items/0/points'],
      ['points as text', interviewInput({ items: [{ ...item, points: 'ten' }] }), '/items/0/points'],
      ['includeProbes as text', interviewInput({ items: [{ ...item, includeProbes: 'yes' }] }), '/items/0/includeProbes'],
      ['an unknown item field', interviewInput({ items: [{ ...item, rubric: {} }] }), '/items/0/rubric'],
      ['too many items', interviewInput({ items: Array.from({ length: 51 }, () => item) }), '/items'],
    ])('POST /v1/interviews rejects %s with 400', async (_name, body, pointer) => {
      const response = await call(owner.accessToken, 'post', '/v1/interviews', body);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    });

    it('rejects a number too large for JSON doubles', async () => {
      const response = await t.http().post('/v1/interviews').set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"title":"x","timeLimitMinutes":10,"passingThreshold":1e400}');
      expect(response.status).toBe(400);
    });

    it('rejects bad bodies on PATCH and PUT …/items', async () => {
      const draft = await createInterview(t.http, owner);
      const cases: [Method, string, unknown][] = [
        ['patch', `/v1/interviews/${draft.id}`, { title: null }],
        ['patch', `/v1/interviews/${draft.id}`, { passingThreshold: 2 }],
        ['patch', `/v1/interviews/${draft.id}`, { items: [] }],
        ['patch', `/v1/interviews/${draft.id}`, { status: 'published' }],
        ['put', `/v1/interviews/${draft.id}/items`, {}],
        ['put', `/v1/interviews/${draft.id}/items`, { items: null }],
        ['put', `/v1/interviews/${draft.id}/items`, [explicitItem(question.id)]],
        ['put', `/v1/interviews/${draft.id}/items`, { items: [drawItem(2, { levels: 'senior' })] }],
      ];
      for (const [method, path, body] of cases) {
        const response = await call(owner.accessToken, method, path, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.type).toBe(problem('validation-failed'));
      }
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${draft.id}`)).body).toEqual(draft);
    });

    it('rejects malformed JSON, non-JSON and oversized bodies', async () => {
      const draft = await createInterview(t.http, owner);
      for (const [method, path] of [
        ['post', '/v1/interviews'],
        ['patch', `/v1/interviews/${draft.id}`],
        ['put', `/v1/interviews/${draft.id}/items`],
        ['post', `/v1/interviews/${draft.id}/publish`],
        ['post', `/v1/interviews/${draft.id}/archive`],
        ['post', `/v1/interviews/${draft.id}/duplicate`],
      ] as [Method, string][]) {
        const badJson = await t.http()[method](path).set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"title": ');
        expect({ path, status: badJson.status }).toEqual({ path, status: 400 });
        expect(badJson.body.type).toBe(problem('malformed-json'));
      }
      const text = await t.http().post('/v1/interviews').set(bearer(owner.accessToken)).set('Content-Type', 'text/plain').send(JSON.stringify(interviewInput()));
      expect(text.status).toBe(415);
      const huge = await call(owner.accessToken, 'post', '/v1/interviews', interviewInput({ description: 'x'.repeat(t.config.bodyLimitBytes + 10) }));
      expect(huge.status).toBe(413);
      const hugeItems = await call(owner.accessToken, 'put', `/v1/interviews/${draft.id}/items`, { items: [{ kind: 'draw', count: 1, section: 'x'.repeat(t.config.bodyLimitBytes + 10) }] });
      expect(hugeItems.status).toBe(413);
      expect((await call(owner.accessToken, 'get', `/v1/interviews/${draft.id}`)).body).toEqual(draft);
    });

    it.each([
      ['an empty seed', { seed: '' }],
      ['a too long seed', { seed: 'x'.repeat(201) }],
      ['two seeds', { seed: ['a', 'b'] }],
      ['an unknown parameter', { draw: 'all' }],
    ])('GET …/preview rejects %s with 400', async (_name, query) => {
      const draft = await createInterview(t.http, owner, { items: [explicitItem(question.id)] });
      const response = await t.http().get(`/v1/interviews/${draft.id}/preview`).query(query).set(bearer(owner.accessToken));
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
    });
  });
});
