import { bearer, signUp, type Account } from './factories/accounts';
import { createQuestion } from './factories/questions';
import { putRubric, widgetRubric, type RubricView } from './factories/rubrics';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;
const LIMIT = 100 * 1024;

type Method = 'get' | 'put' | 'post';
interface Route {
  name: string;
  method: Method;
  path: (id: string) => string;
  /** A body the route accepts, for the routes that take one. */
  body?: (view: RubricView) => object;
  ifMatch?: boolean;
}

const ROUTES: Route[] = [
  { name: 'GET rubric', method: 'get', path: (id) => `/v1/questions/${id}/rubric` },
  { name: 'PUT rubric', method: 'put', path: (id) => `/v1/questions/${id}/rubric`, body: (view) => view.rubric, ifMatch: true },
  { name: 'preview', method: 'post', path: (id) => `/v1/questions/${id}/rubric/preview`, body: () => ({ answer: 'cache' }) },
  { name: 'suggest', method: 'post', path: (id) => `/v1/questions/${id}/rubric/suggest`, body: () => ({}) },
  { name: 'list tests', method: 'get', path: (id) => `/v1/questions/${id}/rubric/tests` },
  { name: 'add test', method: 'post', path: (id) => `/v1/questions/${id}/rubric/tests`, body: () => ({ name: 'extra', answer: 'cache', expect: {} }), ifMatch: true },
  { name: 'run tests', method: 'post', path: (id) => `/v1/questions/${id}/rubric/tests/run`, body: () => ({}) },
];
const WITH_BODY = ROUTES.filter((route) => route.body);

describe('rubric routes: malformed input, authentication and tenant isolation', () => {
  let t: TestApp;
  let owner: Account;
  let view: RubricView;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    const question = await createQuestion(t.http, owner, { modelAnswer: 'Put a cache in front and shard the widgets.' });
    view = await putRubric(t.http, owner, question, widgetRubric(question.slug));
  });
  afterAll(() => t.close());

  const call = (route: Route, token: string | undefined, id = view.questionId) => {
    const request = t.http()[route.method](route.path(id));
    if (token) void request.set(bearer(token));
    if (route.ifMatch) void request.set('If-Match', `"${view.versionId}"`);
    return request;
  };
  const expectValidationProblem = (response: { status: number; body: { type: string; errors?: { pointer: string }[] } }, pointer?: string) => {
    expect(response.status).toBe(400);
    expect(response.body.type).toBe(problem('validation-failed'));
    if (pointer !== undefined) expect(response.body.errors?.map((e) => e.pointer)).toContain(pointer);
  };

  describe.each(ROUTES)('$name', (route) => {
    it('answers 400 naming the parameter for an id that is not a UUID', async () => {
      const response = await call(route, owner.accessToken, 'not-a-uuid').send(route.body?.(view));
      expectValidationProblem(response, 'path:id');
    });

    it('answers 404 for another organization’s question (no existence leak)', async () => {
      const stranger = await signUp(t.http);
      const response = await call(route, stranger.accessToken).send(route.body?.(view));
      expect(response.status).toBe(404);
      expect(response.body.type).toBe(problem('not-found'));
    });

    it('answers 404 for an unknown question', async () => {
      const response = await call(route, owner.accessToken, '00000000-0000-4000-8000-000000000000').send(route.body?.(view));
      expect(response.status).toBe(404);
    });

    it('answers 401 without credentials', async () => {
      expect((await call(route, undefined).send(route.body?.(view))).status).toBe(401);
    });
  });

  describe.each(WITH_BODY)('$name body', (route) => {
    it('answers 400 malformed-json for a body that is not JSON', async () => {
      const response = await call(route, owner.accessToken).set('Content-Type', 'application/json').send('{"answer":');
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('malformed-json'));
    });

    it('answers 415 for a body that is not sent as JSON', async () => {
      const response = await call(route, owner.accessToken).set('Content-Type', 'text/plain').send('cache');
      expect(response.status).toBe(415);
    });

    it('answers 400 for an unknown field, pointing at it', async () => {
      const response = await call(route, owner.accessToken).send({ ...route.body!(view), colour: 'blue' });
      expectValidationProblem(response, '/colour');
    });

    it('answers 413 for a body over the request size limit', async () => {
      const response = await call(route, owner.accessToken).send({ ...route.body!(view), padding: 'x'.repeat(t.config.bodyLimitBytes) });
      expect(response.status).toBe(413);
    });
  });

  describe('wrong types and limits', () => {
    const preview = () => t.http().post(`/v1/questions/${view.questionId}/rubric/preview`).set(bearer(owner.accessToken));
    const addTest = () => t.http().post(`/v1/questions/${view.questionId}/rubric/tests`).set(bearer(owner.accessToken)).set('If-Match', `"${view.versionId}"`);
    const put = () => t.http().put(`/v1/questions/${view.questionId}/rubric`).set(bearer(owner.accessToken)).set('If-Match', `"${view.versionId}"`);

    it.each<[string, object, string]>([
      ['a missing answer', {}, '/answer'],
      ['an answer that is a number', { answer: 42 }, '/answer'],
      ['an answer that is null', { answer: null }, '/answer'],
      ['an answer over 100 KB', { answer: 'a'.repeat(LIMIT + 1) }, '/answer'],
      ['an answer over 100 KB of UTF-8 though under 100 K characters', { answer: 'é'.repeat(LIMIT / 2 + 1) }, '/answer'],
      ['a draft rubric that is a string', { answer: 'cache', rubric: 'use the usual one' }, '/rubric'],
      ['a draft rubric that is an array', { answer: 'cache', rubric: [] }, '/rubric'],
      ['a draft rubric with a wrong type', { answer: 'cache', rubric: { ...widgetRubric('x'), concepts: 'all of them' } }, '/rubric/concepts'],
    ])('preview rejects %s', async (_name, body, pointer) => {
      expectValidationProblem(await preview().send(body), pointer);
    });

    it('preview takes a lone surrogate in an answer without failing', async () => {
      const response = await preview().set('Content-Type', 'application/json').send('{"answer":"cache \\ud800 here"}');
      expect(response.status).toBe(200);
      expect(response.body.concepts[0].evidence[0].text).toBe('cache');
    });

    it.each<[string, unknown, string]>([
      ['an array', [widgetRubric('x')], ''],
      ['a wrong schema version', { ...widgetRubric('x'), schemaVersion: '1' }, '/schemaVersion'],
      ['concepts that are not a list', { ...widgetRubric('x'), concepts: { id: 'a' } }, '/concepts'],
      ['a weight that is a string', { ...widgetRubric('x'), concepts: [{ id: 'a', label: 'A', weight: '2', patterns: ['a'] }] }, '/concepts/0/weight'],
      ['a pattern that is a number', { ...widgetRubric('x'), concepts: [{ id: 'a', label: 'A', weight: 2, patterns: [7] }] }, '/concepts/0/patterns/0'],
      ['an unknown pattern field', { ...widgetRubric('x'), concepts: [{ id: 'a', label: 'A', weight: 2, patterns: [{ match: 'a', near: 3 }] }] }, '/concepts/0/patterns/0/near'],
      ['a null body', null, ''],
    ])('PUT rejects %s', async (_name, body, pointer) => {
      const request = put().set('Content-Type', 'application/json');
      expectValidationProblem(await request.send(JSON.stringify(body)), pointer);
    });

    it.each<[string, object, string]>([
      ['a missing name', { answer: 'a', expect: {} }, '/name'],
      ['a blank name', { name: '   ', answer: 'a', expect: {} }, '/name'],
      ['a name that is a number', { name: 3, answer: 'a', expect: {} }, '/name'],
      ['a missing expect', { name: 'n', answer: 'a' }, '/expect'],
      ['an expect that is a string', { name: 'n', answer: 'a', expect: 'strong' }, '/expect'],
      ['an unknown expect field', { name: 'n', answer: 'a', expect: { grade: 'A' } }, '/expect/grade'],
      ['a fraction that is a string', { name: 'n', answer: 'a', expect: { minFraction: 'high' } }, '/expect/minFraction'],
      ['a fraction over 1', { name: 'n', answer: 'a', expect: { maxFraction: 2 } }, '/expect/maxFraction'],
      ['an unknown flag', { name: 'n', answer: 'a', expect: { flags: ['wobbly'] } }, '/expect/flags'],
      ['concept ids that are not strings', { name: 'n', answer: 'a', expect: { concepts: [1] } }, '/expect/concepts'],
      ['an answer over 100 KB', { name: 'n', answer: 'a'.repeat(LIMIT + 1), expect: {} }, '/answer'],
    ])('adding a test rejects %s', async (_name, body, pointer) => {
      expectValidationProblem(await addTest().send(body), pointer);
    });

    it('suggest rejects a model answer that is not a string', async () => {
      expectValidationProblem(await t.http().post(`/v1/questions/${view.questionId}/rubric/suggest`).set(bearer(owner.accessToken)).send({ modelAnswer: ['a'] }), '/modelAnswer');
    });

    it('run rejects a draft rubric that is not an object', async () => {
      expectValidationProblem(await t.http().post(`/v1/questions/${view.questionId}/rubric/tests/run`).set(bearer(owner.accessToken)).send({ rubric: 5 }), '/rubric');
    });

    it('none of the rejected writes created a version', async () => {
      const current = await t.http().get(`/v1/questions/${view.questionId}`).set(bearer(owner.accessToken)).expect(200);
      expect(current.body.versionId).toBe(view.versionId);
    });
  });
});
