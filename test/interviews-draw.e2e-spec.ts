import type { Caller } from '../src/auth/caller';
import { PrismaService } from '../src/database/prisma.service';
import { InterviewsService } from '../src/interviews/interviews.service';
import { bearer, signUp, type Account } from './factories/accounts';
import {
  createInterview,
  drawItem,
  explicitItem,
  gradeableQuestion,
  LIBRARY,
  previewInterview,
  publishedInterview,
  publishInterview,
  SAMPLING_SECTION,
  type PreviewBody,
} from './factories/interviews';
import { createQuestion, libraryQuestion, listAll, type QuestionBody } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const problem = (code: string) => `https://assay.dev/problems/${code}`;
const callerOf = (account: Account): Caller => ({ organizationId: account.organization.id, role: account.role, userId: account.user.id, apiKeyId: null });
const prompts = (preview: PreviewBody) => preview.items.filter((item) => !item.isProbe).map((item) => item.prompt);

describe('interviews: draw rules, probes and previews', () => {
  let t: TestApp;
  let owner: Account;
  let sampling: QuestionBody[];
  let seniorSampling: QuestionBody[];
  let whySample: QuestionBody;
  let headVsTail: QuestionBody;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    sampling = await listAll(t.http, owner, { section: SAMPLING_SECTION });
    seniorSampling = sampling.filter((question) => question.levels.includes('senior'));
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

  it('has the library’s Sampling section to draw from', () => {
    expect(sampling).toHaveLength(5);
    expect(seniorSampling).toHaveLength(4);
    expect(sampling.every((question) => question.hasRubric)).toBe(true);
  });

  describe('validating draw rules', () => {
    it('accepts a rule the bank can satisfy', async () => {
      const draft = await createInterview(t.http, owner);
      const response = await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items: [drawItem(4, { section: 'sampling', levels: ['senior'] })] });
      expect(response.status).toBe(200);
    });

    it.each([
      ['more questions than match', [drawItem(5, { section: SAMPLING_SECTION, levels: ['senior'] })], '/items/0/count', 'only 4 match'],
      ['a section nobody has', [drawItem(1, { section: 'Astrology' })], '/items/0/count', 'only 0 match'],
      ['a tag nobody has', [drawItem(1, { tag: 'no-such-tag' })], '/items/0/count', 'only 0 match'],
      ['a level range outside the section', [drawItem(1, { section: SAMPLING_SECTION, levels: ['junior'] })], '/items/0/count', 'only 0 match'],
    ])('refuses %s, pointing at the rule', async (_name, items, pointer, detail) => {
      const draft = await createInterview(t.http, owner);
      const response = await as(owner).put(`/v1/interviews/${draft.id}/items`).send({ items });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(problem('validation-failed'));
      expect(response.body.errors).toEqual([{ pointer, detail: expect.stringContaining(detail) }]);
    });

    it('does not count an explicit item’s question as available to a draw', async () => {
      const response = await as(owner)
        .post('/v1/interviews')
        .send({ title: 'x', timeLimitMinutes: 10, passingThreshold: 0.5, items: [explicitItem(headVsTail.id), drawItem(4, { section: SAMPLING_SECTION, levels: ['senior'] })] });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ pointer: '/items/1/count', detail: expect.stringContaining('only 3 match') }]);
    });

    it('refuses rules that need the same questions together, even though each alone fits', async () => {
      const draft = await createInterview(t.http, owner);
      const response = await as(owner)
        .put(`/v1/interviews/${draft.id}/items`)
        .send({ items: [drawItem(3, { section: SAMPLING_SECTION, levels: ['senior'] }), drawItem(2, { section: SAMPLING_SECTION, levels: ['senior', 'staff'] })] });
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0].detail).toContain('other draw rules');
    });

    it('draws only questions with a rubric that are not archived, and an organization’s copy instead of the library’s', async () => {
      const bank = await signUp(t.http);
      await createQuestion(t.http, bank, { section: 'Widgets' });
      const draft = await createInterview(t.http, bank);
      const noRubric = await as(bank).put(`/v1/interviews/${draft.id}/items`).send({ items: [drawItem(1, { section: 'Widgets' })] });
      expect(noRubric.status).toBe(400);
      expect(noRubric.body.errors[0].detail).toContain('with a rubric');

      // A fork keeps its rubric; moving it to Widgets makes the rule satisfiable.
      const fork = await gradeableQuestion(t.http, bank, LIBRARY.spanLink);
      const moved = await as(bank).patch(`/v1/questions/${fork.id}`).set('If-Match', `"${fork.versionId}"`).send({ section: 'Widgets' });
      expect(moved.status).toBe(200);
      expect((await as(bank).put(`/v1/interviews/${draft.id}/items`).send({ items: [drawItem(1, { section: 'Widgets' })] })).status).toBe(200);
      expect(prompts(await previewInterview(t.http, bank, draft.id))).toEqual([fork.prompt]);

      await as(bank).delete(`/v1/questions/${fork.id}`).expect(204);
      const preview = await as(bank).get(`/v1/interviews/${draft.id}/preview`);
      expect(preview.status).toBe(409);
      expect(preview.body.errors).toEqual([{ pointer: '/items/0/count', detail: expect.stringContaining('only 0 match') }]);
      const publish = await as(bank).post(`/v1/interviews/${draft.id}/publish`);
      expect(publish.status).toBe(409);
      expect(publish.body.errors[0].pointer).toBe('/items/0/count');
    });

    it('never draws a library question and the organization’s fork of it together', async () => {
      const forker = await signUp(t.http);
      const fork = await gradeableQuestion(t.http, forker, LIBRARY.headVsTail);
      const draft = await createInterview(t.http, forker, { items: [drawItem(5, { section: SAMPLING_SECTION })] });
      for (const seed of ['a', 'b', 'c']) {
        const drawn = prompts(await previewInterview(t.http, forker, draft.id, seed));
        expect(drawn).toHaveLength(5);
        expect(drawn.filter((prompt) => prompt === headVsTail.prompt)).toHaveLength(1);
      }
      const six = await as(forker).put(`/v1/interviews/${draft.id}/items`).send({ items: [drawItem(6, { section: SAMPLING_SECTION })] });
      expect(six.status).toBe(400);
      expect(fork.prompt).toBe(headVsTail.prompt);
    });
  });

  describe('resolution per candidate', () => {
    let interviewId: string;

    beforeAll(async () => {
      const interview = await publishedInterview(t.http, owner, [explicitItem(headVsTail.id), drawItem(2, { section: SAMPLING_SECTION, levels: ['senior', 'staff'], points: 6, weight: 2 })]);
      interviewId = interview.id;
    });

    it('gives the same seed the same questions, in the same order', async () => {
      const first = await previewInterview(t.http, owner, interviewId, 'candidate-42');
      const second = await previewInterview(t.http, owner, interviewId, 'candidate-42');
      expect(second).toEqual(first);
      expect(first.seed).toBe('candidate-42');
      expect(first.items).toHaveLength(3);
      expect(first.items[0]).toEqual({ position: 1, prompt: headVsTail.prompt, section: SAMPLING_SECTION, isProbe: false, points: 10 });
      expect(first.items.slice(1).map((item) => item.points)).toEqual([6, 6]);
    });

    it('usually gives different seeds different questions, never a question twice, never the explicit one again', async () => {
      const sets = new Set<string>();
      const allowed = new Set(seniorSampling.map((question) => question.prompt));
      for (let i = 0; i < 12; i += 1) {
        const drawn = prompts(await previewInterview(t.http, owner, interviewId, `candidate-${i}`));
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(drawn.filter((prompt) => prompt === headVsTail.prompt)).toHaveLength(1);
        drawn.slice(1).forEach((prompt) => expect(allowed.has(prompt)).toBe(true));
        sets.add(drawn.slice(1).sort().join('|'));
      }
      // Three senior questions remain after the explicit one: 3 possible pairs.
      expect(sets.size).toBeGreaterThan(1);
    });

    it('uses a fixed preview seed by default', async () => {
      const preview = await previewInterview(t.http, owner, interviewId);
      expect(preview.seed).toBe('preview');
      expect(await previewInterview(t.http, owner, interviewId, 'preview')).toEqual(preview);
    });

    it('gives the sessions module the same items as the preview, with rubrics pinned', async () => {
      const service = t.app.get(InterviewsService);
      const items = await service.resolveSessionItems(callerOf(owner), interviewId, 'candidate-7');
      const preview = await previewInterview(t.http, owner, interviewId, 'candidate-7');
      expect(items.map((item) => ({ position: item.position, prompt: item.prompt, points: item.points, section: item.section }))).toEqual(
        preview.items.map((item) => ({ position: item.position, prompt: item.prompt, points: item.points, section: item.section })),
      );
      expect(items[0]).toMatchObject({ questionVersionId: headVsTail.versionId, rubricVersionId: headVsTail.versionId, probeIndex: null, weight: 1 });
      expect(items[1]).toMatchObject({ weight: 2, points: 6 });
      for (const item of items) {
        expect(item.rubric).toMatchObject({ schemaVersion: 1, concepts: expect.any(Array) });
        expect(item.rubricVersionId).toBe(item.questionVersionId);
      }
      const stored = await t.app.get(PrismaService).questionVersion.findUniqueOrThrow({ where: { id: headVsTail.versionId } });
      expect(items[0].rubric).toEqual(stored.rubric);

      // Inside a caller's transaction, too.
      const prisma = t.app.get(PrismaService);
      const inTx = await prisma.$transaction((tx) => service.resolveSessionItems(callerOf(owner), interviewId, 'candidate-7', tx));
      expect(inTx).toEqual(items);
    });

    it('refuses drafts, archived interviews and other organizations’ interviews', async () => {
      const service = t.app.get(InterviewsService);
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id)] });
      await expect(service.resolveSessionItems(callerOf(owner), draft.id, 's')).rejects.toMatchObject({ code: 'conflict' });
      const archived = await publishedInterview(t.http, owner);
      await as(owner).post(`/v1/interviews/${archived.id}/archive`).expect(200);
      await expect(service.resolveSessionItems(callerOf(owner), archived.id, 's')).rejects.toMatchObject({ code: 'conflict', detail: expect.stringContaining('archived') });
      const stranger = await signUp(t.http);
      await expect(service.resolveSessionItems(callerOf(stranger), interviewId, 's')).rejects.toMatchObject({ code: 'not-found' });
    });
  });

  describe('follow-up probes', () => {
    it('follows the question with its probes, sharing its points', async () => {
      expect(whySample.probes.length).toBeGreaterThan(0);
      const draft = await createInterview(t.http, owner, { items: [explicitItem(whySample.id, { includeProbes: true, points: 12 }), explicitItem(headVsTail.id)] });
      const preview = await previewInterview(t.http, owner, draft.id);
      const probes = whySample.probes.length;
      const share = Math.round((12 / (probes + 1)) * 10_000) / 10_000;
      expect(preview.items).toEqual([
        { position: 1, prompt: whySample.prompt, section: whySample.section, isProbe: false, points: expect.any(Number) },
        ...whySample.probes.map((probe, i) => ({ position: 2 + i, prompt: probe.question, section: whySample.section, isProbe: true, points: share })),
        { position: probes + 2, prompt: headVsTail.prompt, section: headVsTail.section, isProbe: false, points: 10 },
      ]);
      expect(preview.items.slice(0, probes + 1).reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(12, 6);

      const published = await publishInterview(t.http, owner, draft.id);
      const items = await t.app.get(InterviewsService).resolveSessionItems(callerOf(owner), published.id, 'x');
      const probeItems = items.filter((item) => item.probeIndex !== null);
      expect(probeItems.map((item) => item.probeIndex)).toEqual(whySample.probes.map((_p, i) => i));
      for (const item of probeItems) {
        expect(item.rubric).toMatchObject({ question: `${whySample.slug}-probe-${(item.probeIndex ?? 0) + 1}` });
        expect(item.rubricVersionId).toBe(whySample.versionId);
      }
    });

    it('adds probes to drawn questions too', async () => {
      const draft = await createInterview(t.http, owner, { items: [drawItem(2, { section: SAMPLING_SECTION, levels: ['senior'], includeProbes: true })] });
      const preview = await previewInterview(t.http, owner, draft.id, 'probing');
      const questions = preview.items.filter((item) => !item.isProbe);
      expect(questions).toHaveLength(2);
      for (const question of questions) {
        const source = sampling.find((candidate) => candidate.prompt === question.prompt);
        const index = preview.items.indexOf(question);
        expect(preview.items.slice(index + 1, index + 1 + (source?.probes.length ?? 0)).map((item) => item.prompt)).toEqual(source?.probes.map((probe) => probe.question));
      }
    });
  });

  describe('preview shows only what a candidate sees', () => {
    it('contains no rubric, model answer, probe answer, weight or score', async () => {
      const interview = await publishedInterview(t.http, owner, [explicitItem(whySample.id, { includeProbes: true, weight: 7 }), drawItem(3, { section: SAMPLING_SECTION, includeProbes: true })]);
      const preview = await previewInterview(t.http, owner, interview.id, 'leak-check');
      const json = JSON.stringify(preview);
      const rubrics = await t.app.get(PrismaService).questionVersion.findMany({ where: { id: { in: sampling.map((q) => q.versionId) } } });
      for (const question of sampling) {
        expect(json).not.toContain(question.modelAnswer.slice(0, 60));
        for (const probe of question.probes) expect(json).not.toContain(probe.answer.slice(0, 60));
      }
      for (const version of rubrics) {
        const concepts = (version.rubric as { concepts: { id: string; feedback?: string }[] }).concepts;
        for (const concept of concepts) {
          expect(json).not.toContain(`"${concept.id}"`);
          if (concept.feedback) expect(json).not.toContain(concept.feedback);
        }
      }
      expect(json).not.toMatch(/"(rubric\w*|modelAnswer|answer|probes|score|fraction|weight|concepts?|\w*versionId|questionId|interviewItemId)"\s*:/i);
      expect(Object.keys(preview.items[0]).sort()).toEqual(['isProbe', 'points', 'position', 'prompt', 'section']);
    });
  });
});
