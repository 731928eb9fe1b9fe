import { ENGINE_VERSION, validateRubric } from '../src/scoring/engine';
import { addMember, bearer, signUp, type Account } from './factories/accounts';
import { createQuestion, libraryQuestion, listAll } from './factories/questions';
import { getRubric, putRubric, widgetRubric } from './factories/rubrics';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;

interface Evidence {
  start: number;
  end: number;
  text: string;
}
interface Preview {
  questionId: string;
  version: number;
  draft: boolean;
  engineVersion: string;
  score: number;
  maxScore: number;
  fraction: number;
  band?: string;
  concepts: { id: string; label: string; weight: number; required: boolean; matched: boolean; earned: number; evidence: Evidence[] }[];
  misconceptions: { id: string; penalty: number; feedback?: string; evidence: Evidence[] }[];
  missed: { id: string; label: string; feedback: string }[];
  flags: { code: string; message: string }[];
}

/** Every evidence span of a result, from concepts and misconceptions alike. */
const allEvidence = (result: Preview) => [...result.concepts.flatMap((c) => c.evidence), ...result.misconceptions.flatMap((m) => m.evidence)];

describe('rubric scoring: preview, suggest and test cases', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const post = (account: Pick<Account, 'accessToken'>, path: string) => t.http().post(path).set(bearer(account.accessToken));

  /** An organization question with the widget rubric. */
  async function widgetQuestion(account: Account = owner) {
    const question = await createQuestion(t.http, account);
    return putRubric(t.http, account, question, widgetRubric(question.slug));
  }

  describe('POST /v1/questions/{id}/rubric/preview', () => {
    it('explains a library question’s score with evidence offsets that point at the words', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const answer = 'Honestly, tracing every single request is unaffordable at our traffic. We keep all the errors and the slow requests.';
      const response = await post(owner, `/v1/questions/${library.id}/rubric/preview`).send({ answer });
      expect(response.status).toBe(200);
      const result = response.body as Preview;
      expect(result).toMatchObject({ questionId: library.id, version: library.version, draft: false, engineVersion: ENGINE_VERSION });

      const volume = result.concepts.find((c) => c.id === 'volume-cost-at-scale')!;
      expect(volume).toMatchObject({ matched: true, earned: volume.weight, required: true });
      expect(volume.evidence.map((e) => e.text)).toContain('unaffordable');
      const interesting = result.concepts.find((c) => c.id === 'keep-interesting')!;
      expect(interesting.matched).toBe(true);
      expect(interesting.evidence.map((e) => e.text)).toContain('errors');
      for (const evidence of allEvidence(result)) expect(answer.slice(evidence.start, evidence.end)).toBe(evidence.text);

      expect(result.missed.map((m) => m.id)).toContain('representative-subset');
      expect(result.missed.every((m) => m.feedback.length > 0)).toBe(true);
      expect(result.concepts.filter((c) => !c.matched).map((c) => c.id).sort()).toEqual(result.missed.map((m) => m.id).sort());
      expect(result.score).toBe(result.concepts.reduce((sum, c) => sum + c.earned, 0));
      expect(result.fraction).toBeCloseTo(result.score / result.maxScore, 4);
      expect(result.band).toBeDefined();
    });

    it('counts offsets in UTF-16 code units, past emoji and accents', async () => {
      const question = await widgetQuestion();
      const answer = 'Café 🚀🚀 ideas: we put a cache in front, then partition by tenant.';
      const result = (await post(owner, `/v1/questions/${question.questionId}/rubric/preview`).send({ answer }).expect(200)).body as Preview;
      const cache = result.concepts.find((c) => c.id === 'cache-layer')!;
      expect(cache.evidence).toEqual([{ start: answer.indexOf('cache'), end: answer.indexOf('cache') + 5, text: 'cache' }]);
      const shard = result.concepts.find((c) => c.id === 'shard-data')!;
      expect(shard.evidence.map((e) => e.text)).toEqual(['partition']);
      expect(answer.slice(shard.evidence[0].start, shard.evidence[0].end)).toBe('partition');
      expect(result).toMatchObject({ score: 3, maxScore: 3, fraction: 1, band: 'strong', missed: [], misconceptions: [] });
    });

    it('reports a triggered misconception with its evidence and feedback, and the missed concepts with theirs', async () => {
      const question = await widgetQuestion();
      const answer = 'Widgets never fail, so a cache is all you need.';
      const result = (await post(owner, `/v1/questions/${question.questionId}/rubric/preview`).send({ answer }).expect(200)).body as Preview;
      expect(result.misconceptions).toHaveLength(1);
      expect(result.misconceptions[0]).toMatchObject({ id: 'never-fail', penalty: 1, feedback: 'Everything fails eventually.' });
      expect(result.misconceptions[0].evidence.map((e) => e.text).join(' ')).toContain('never');
      for (const evidence of allEvidence(result)) expect(answer.slice(evidence.start, evidence.end)).toBe(evidence.text);
      expect(result.missed).toEqual([{ id: 'shard-data', label: 'Shards the data', feedback: 'Say how the data is split.' }]);
      expect(result.score).toBe(1);
    });

    it('scores with a draft rubric instead, without saving it', async () => {
      const question = await createQuestion(t.http, owner);
      const draft = widgetRubric(question.slug, { concepts: [{ id: 'replicas', label: 'Adds replicas', weight: 4, patterns: ['replica*'] }], tests: [] });
      const result = (await post(owner, `/v1/questions/${question.id}/rubric/preview`).send({ answer: 'Add read replicas.', rubric: draft }).expect(200)).body as Preview;
      expect(result).toMatchObject({ questionId: question.id, version: 1, draft: true, score: 4, maxScore: 4 });
      expect(result.concepts.map((c) => c.id)).toEqual(['replicas']);
      expect((await t.http().get(`/v1/questions/${question.id}/rubric`).set(bearer(owner.accessToken))).status).toBe(404);
    });

    it('reports a broken draft with pointers into the request body', async () => {
      const question = await widgetQuestion();
      const draft = widgetRubric('x', { concepts: [{ id: 'c', label: 'C', weight: 1, patterns: ['[open'] }] });
      const response = await post(owner, `/v1/questions/${question.questionId}/rubric/preview`).send({ answer: 'cache', rubric: draft });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([{ pointer: '/rubric/concepts/0/patterns/0', detail: expect.stringContaining('unbalanced [') }]));
    });

    it('answers 404 when the question has no rubric and no draft is given', async () => {
      const question = await createQuestion(t.http, owner);
      const response = await post(owner, `/v1/questions/${question.id}/rubric/preview`).send({ answer: 'cache' });
      expect(response.status).toBe(404);
      expect(response.body.detail).toContain('no rubric');
    });

    it('lets a reviewer preview, and flags an empty answer', async () => {
      const question = await widgetQuestion();
      const reviewer = await addMember(t.http, owner, 'reviewer');
      const result = (await post(reviewer, `/v1/questions/${question.questionId}/rubric/preview`).send({ answer: '' }).expect(200)).body as Preview;
      expect(result.score).toBe(0);
      expect(result.flags.map((f) => f.code)).toContain('empty');
    });

    it('accepts an answer of exactly 100 KB and flags it as truncated', async () => {
      const question = await widgetQuestion();
      const answer = 'We cache it. '.repeat(8000).slice(0, 100 * 1024);
      const result = (await post(owner, `/v1/questions/${question.questionId}/rubric/preview`).send({ answer }).expect(200)).body as Preview;
      expect(result.flags.map((f) => f.code)).toContain('truncated');
    });
  });

  describe('POST /v1/questions/{id}/rubric/suggest', () => {
    const modelAnswer = 'Put a Redis cache in front of the widget store, shard the widgets by tenant, and replicate every shard across zones.';

    it('suggests a valid rubric from the model answer, weighed against the caller’s whole bank, without saving it', async () => {
      const organization = await signUp(t.http);
      const question = await createQuestion(t.http, organization, { modelAnswer });
      const response = await post(organization, `/v1/questions/${question.id}/rubric/suggest`);
      expect(response.status).toBe(200);
      const { rubric, corpusSize, questionId, version } = response.body as { rubric: { question: string; concepts: { label: string }[] }; corpusSize: number; questionId: string; version: number };
      expect({ questionId, version }).toEqual({ questionId: question.id, version: 1 });
      expect(validateRubric(rubric).ok).toBe(true);
      expect(rubric.question).toBe(question.slug);
      const words = new Set(modelAnswer.toLowerCase().match(/[a-z]+/g));
      expect(rubric.concepts.length).toBeGreaterThan(0);
      for (const concept of rubric.concepts) for (const word of concept.label.toLowerCase().split(/\s+/)) expect(words).toContain(word);
      expect(rubric.concepts.map((c) => c.label.toLowerCase())).toEqual(expect.arrayContaining(['redis']));
      const library = await listAll(t.http, organization, { source: 'library', archived: true });
      expect(corpusSize).toBe(library.length + 1);
      expect((await t.http().get(`/v1/questions/${question.id}/rubric`).set(bearer(organization.accessToken))).status).toBe(404);

      // The suggestion is a rubric the API accepts as is.
      expect((await putRubric(t.http, organization, question, rubric)).source).toBe('custom');
    });

    it('sees a question the organization adds (the corpus cache follows the bank)', async () => {
      const organization = await signUp(t.http);
      const question = await createQuestion(t.http, organization, { modelAnswer });
      const before = (await post(organization, `/v1/questions/${question.id}/rubric/suggest`).expect(200)).body.corpusSize as number;
      await createQuestion(t.http, organization, { modelAnswer: 'Sharding splits data across nodes.' });
      const after = (await post(organization, `/v1/questions/${question.id}/rubric/suggest`).expect(200)).body.corpusSize as number;
      expect(after).toBe(before + 1);
      // Another organization's questions are not in this one's corpus.
      const other = await signUp(t.http);
      const theirs = await createQuestion(t.http, other, { modelAnswer });
      expect((await post(other, `/v1/questions/${theirs.id}/rubric/suggest`).expect(200)).body.corpusSize).toBe(before);
    });

    it('weighs words again when another question’s model answer is edited (the cache sees new versions)', async () => {
      const organization = await signUp(t.http);
      const question = await createQuestion(t.http, organization, { modelAnswer });
      const other = await createQuestion(t.http, organization, { modelAnswer: 'Sharding splits data across nodes.' });
      const weightOf = async (label: string) => {
        const body = (await post(organization, `/v1/questions/${question.id}/rubric/suggest`).expect(200)).body as { rubric: { concepts: { label: string; weight: number }[] } };
        return body.rubric.concepts.find((concept) => concept.label.toLowerCase() === label)?.weight;
      };
      const before = await weightOf('redis');
      expect(before).toBeDefined();
      // Now Redis is common in this bank, so it says less about this question.
      await t
        .http()
        .patch(`/v1/questions/${other.id}`)
        .set(bearer(organization.accessToken))
        .set('If-Match', `"${other.versionId}"`)
        .send({ modelAnswer: 'Use a Redis cluster; Redis replicates across zones.' })
        .expect(200);
      const after = await weightOf('redis');
      expect(after ?? 0).toBeLessThan(before!);
    });

    it('suggests from a draft model answer when one is given', async () => {
      const question = await createQuestion(t.http, owner, { modelAnswer });
      const response = await post(owner, `/v1/questions/${question.id}/rubric/suggest`).send({ modelAnswer: 'Idempotency keys make retries safe.' });
      expect(response.status).toBe(200);
      const labels = (response.body.rubric.concepts as { label: string }[]).map((c) => c.label.toLowerCase());
      expect(labels).toEqual(expect.arrayContaining(['idempotency']));
      expect(labels).not.toContain('redis');
    });

    it('answers 409 for a question without a model answer, and 400 for a draft without content words', async () => {
      const question = await createQuestion(t.http, owner, { modelAnswer: '' });
      const stored = await post(owner, `/v1/questions/${question.id}/rubric/suggest`);
      expect(stored.status).toBe(409);
      expect(stored.body.type).toBe(problem('conflict'));
      const draft = await post(owner, `/v1/questions/${question.id}/rubric/suggest`).send({ modelAnswer: 'the of and' });
      expect(draft.status).toBe(400);
      expect(draft.body.errors).toEqual([{ pointer: '/modelAnswer', detail: expect.stringContaining('no content words') }]);
    });

    it('is for owners, admins and interviewers: reviewers get 403', async () => {
      const question = await createQuestion(t.http, owner, { modelAnswer });
      const reviewer = await addMember(t.http, owner, 'reviewer');
      expect((await post(reviewer, `/v1/questions/${question.id}/rubric/suggest`)).status).toBe(403);
      const interviewer = await addMember(t.http, owner, 'interviewer');
      expect((await post(interviewer, `/v1/questions/${question.id}/rubric/suggest`)).status).toBe(200);
    });
  });

  describe('rubric test cases', () => {
    it('lists a library rubric’s curated cases, and runs them all passing', async () => {
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const list = await t.http().get(`/v1/questions/${library.id}/rubric/tests`).set(bearer(owner.accessToken));
      expect(list.status).toBe(200);
      expect(list.headers.etag).toBe(`"${library.versionId}"`);
      expect(list.body).toMatchObject({ questionId: library.id, version: library.version, versionId: library.versionId });
      const names = (list.body.items as { name: string }[]).map((item) => item.name);
      expect(names.length).toBeGreaterThanOrEqual(3);

      const report = (await post(owner, `/v1/questions/${library.id}/rubric/tests/run`).expect(200)).body;
      expect(report).toMatchObject({ questionId: library.id, draft: false, failed: 0, agreement: 1, passed: names.length });
      expect((report.cases as { name: string }[]).map((c) => c.name)).toEqual(names);
    });

    it('adds a case as a new version, and reports a failing case with its reasons', async () => {
      const question = await widgetQuestion();
      const failing = { name: 'cache only', answer: 'A cache in front is enough.', expect: { band: 'strong', concepts: ['shard-data'] } };
      const added = await post(owner, `/v1/questions/${question.questionId}/rubric/tests`).set('If-Match', `"${question.versionId}"`).send(failing);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ questionId: question.questionId, version: question.version + 1 });
      expect(added.headers.etag).toBe(`"${added.body.versionId}"`);
      expect((added.body.items as { name: string }[]).map((item) => item.name)).toEqual(['strong', 'cache only']);
      expect((added.body.items as unknown[])[1]).toEqual(failing);
      expect((await getRubric(t.http, owner, question.questionId)).source).toBe('custom');

      const run = await post(owner, `/v1/questions/${question.questionId}/rubric/tests/run`);
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ version: question.version + 1, passed: 1, failed: 1, agreement: 0.5 });
      const [strong, cacheOnly] = run.body.cases as { name: string; passed: boolean; failures: string[]; actual: { concepts: string[] }; expected: unknown }[];
      expect(strong).toMatchObject({ name: 'strong', passed: true, failures: [] });
      expect(cacheOnly).toMatchObject({ name: 'cache only', passed: false, expected: failing.expect, actual: { concepts: ['cache-layer'] } });
      expect(cacheOnly.failures).toEqual(expect.arrayContaining([expect.stringContaining('band: expected "strong"'), 'concept "shard-data" should match but did not']));
    });

    it('runs a draft rubric’s cases when one is sent', async () => {
      const question = await widgetQuestion();
      const draft = widgetRubric(question.questionId, {
        question: 'draft',
        tests: [{ name: 'weak', answer: 'No idea.', expect: { band: 'weak', missing: ['cache-layer'] } }],
      });
      const report = (await post(owner, `/v1/questions/${question.questionId}/rubric/tests/run`).send({ rubric: draft }).expect(200)).body;
      expect(report).toMatchObject({ draft: true, passed: 1, failed: 0, agreement: 1, cases: [{ name: 'weak', passed: true }] });
    });

    it('reports agreement 1 for a rubric without cases', async () => {
      const question = await createQuestion(t.http, owner);
      await putRubric(t.http, owner, question, widgetRubric(question.slug, { tests: undefined }));
      expect((await post(owner, `/v1/questions/${question.id}/rubric/tests/run`).expect(200)).body).toMatchObject({ cases: [], passed: 0, failed: 0, agreement: 1 });
      expect((await t.http().get(`/v1/questions/${question.id}/rubric/tests`).set(bearer(owner.accessToken)).expect(200)).body.items).toEqual([]);
    });

    it('keeps If-Match rules: 428 without, 412 when stale', async () => {
      const question = await widgetQuestion();
      const body = { name: 'another', answer: 'cache', expect: { minFraction: 0.5 } };
      const missing = await post(owner, `/v1/questions/${question.questionId}/rubric/tests`).send(body);
      expect(missing.status).toBe(428);
      const first = await post(owner, `/v1/questions/${question.questionId}/rubric/tests`).set('If-Match', `"${question.versionId}"`).send(body);
      expect(first.status).toBe(201);
      const stale = await post(owner, `/v1/questions/${question.questionId}/rubric/tests`).set('If-Match', `"${question.versionId}"`).send({ ...body, name: 'third' });
      expect(stale.status).toBe(412);
      expect(stale.headers.etag).toBe(`"${first.body.versionId}"`);
    });

    it('rejects a duplicate name (409) and unknown ids in expect (400, pointing into the body)', async () => {
      const question = await widgetQuestion();
      const add = (body: object) => post(owner, `/v1/questions/${question.questionId}/rubric/tests`).set('If-Match', `"${question.versionId}"`).send(body);
      const duplicate = await add({ name: 'strong', answer: 'cache', expect: {} });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.errors).toEqual([{ pointer: '/name', detail: expect.any(String) }]);
      const unknown = await add({ name: 'new', answer: 'cache', expect: { concepts: ['nope'], band: 'stellar' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual(
        expect.arrayContaining([
          { pointer: '/expect/concepts/0', detail: 'unknown concept id "nope"' },
          { pointer: '/expect/band', detail: 'unknown band "stellar"' },
        ]),
      );
      expect((await getRubric(t.http, owner, question.questionId)).version).toBe(question.version);
    });

    it('answers 403 for the library and for reviewers, 404 without a rubric', async () => {
      const body = { name: 'x', answer: 'y', expect: {} };
      const library = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const readOnly = await post(owner, `/v1/questions/${library.id}/rubric/tests`).set('If-Match', `"${library.versionId}"`).send(body);
      expect(readOnly.status).toBe(403);
      expect(readOnly.body.type).toBe(problem('read-only'));
      const question = await widgetQuestion();
      const reviewer = await addMember(t.http, owner, 'reviewer');
      expect((await post(reviewer, `/v1/questions/${question.questionId}/rubric/tests`).set('If-Match', `"${question.versionId}"`).send(body)).status).toBe(403);
      // Reviewers may still list and run them.
      expect((await t.http().get(`/v1/questions/${question.questionId}/rubric/tests`).set(bearer(reviewer.accessToken))).status).toBe(200);
      expect((await post(reviewer, `/v1/questions/${question.questionId}/rubric/tests/run`)).status).toBe(200);
      const bare = await createQuestion(t.http, owner);
      expect((await post(owner, `/v1/questions/${bare.id}/rubric/tests`).set('If-Match', `"${bare.versionId}"`).send(body)).status).toBe(404);
      expect((await t.http().get(`/v1/questions/${bare.id}/rubric/tests`).set(bearer(owner.accessToken))).status).toBe(404);
      expect((await post(owner, `/v1/questions/${bare.id}/rubric/tests/run`)).status).toBe(404);
    });
  });
});
