import { bearer, signUp, type Account } from './factories/accounts';
import { createQuestion, listAll, libraryQuestion, type QuestionBody, type QuestionPage } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const SPAN_LINK = 'when-would-you-use-a-span-link-instead-of-a-parent-child';

describe('reading the question bank', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const get = (path: string, account: Account = owner) => t.http().get(path).set(bearer(account.accessToken));

  describe('GET /v1/questions', () => {
    it('needs credentials', async () => {
      const response = await t.http().get('/v1/questions');
      expect(response.status).toBe(401);
    });

    it('lists the library in section order, then by slug, 20 per page by default', async () => {
      const response = await get('/v1/questions');
      expect(response.status).toBe(200);
      const page = response.body as QuestionPage;
      expect(page.items).toHaveLength(20);
      expect(page.nextCursor).toEqual(expect.any(String));
      expect(page.items[0].section).toBe('Conceptual / Foundational');
      const conceptual = page.items.filter((q) => q.section === 'Conceptual / Foundational').map((q) => q.slug);
      expect(conceptual).toEqual([...conceptual].sort());
      expect(conceptual).toHaveLength(7);
      expect(page.items[7].section).toBe('Propagation');
    });

    it('pages through everything without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await get(`/v1/questions?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        const page = response.body as QuestionPage;
        expect(page.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.items.map((q) => q.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await listAll(t.http, owner);
      expect(seen).toEqual(all.map((q) => q.id));
      expect(seen.length).toBeGreaterThanOrEqual(68);
      expect(pages).toBe(Math.ceil(seen.length / 7));
    });

    it('filters by section and level: a level range matches every level it spans', async () => {
      const response = await get('/v1/questions?section=Sampling&level=senior');
      expect(response.status).toBe(200);
      const { items } = response.body as QuestionPage;
      expect(items.map((q) => q.slug).sort()).toEqual(
        [
          'a-trace-has-a-sampled-flag-but-you-dont-see-it-in-the',
          'head-sampling-vs-tail-sampling-explain-the-difference-and',
          'what-are-exemplars-and-how-do-they-connect-metrics-to-traces',
          'what-is-parent-based-sampling-and-why-does-it-prevent-half',
        ].sort(),
      );
      for (const question of items) {
        expect(question.section).toBe('Sampling');
        expect(question.levels).toContain('senior');
      }
      const exemplars = items.find((q) => q.slug.startsWith('what-are-exemplars'));
      expect(exemplars?.levels).toEqual(['senior', 'staff']);
      const staff = (await get('/v1/questions?section=sampling&level=staff').expect(200)).body as QuestionPage;
      expect(staff.items.map((q) => q.slug)).toEqual(['what-are-exemplars-and-how-do-they-connect-metrics-to-traces']);
    });

    it('filters by kind, tag and source', async () => {
      const quiz = (await get('/v1/questions?kind=quiz&limit=100').expect(200)).body as QuestionPage;
      expect(quiz.items).toHaveLength(10);
      expect(quiz.items.every((q) => q.kind === 'quiz' && q.section === 'Cheat Sheet')).toBe(true);

      const tagged = (await get('/v1/questions?limit=1').expect(200)).body as QuestionPage;
      const tag = tagged.items[0].tags[0];
      expect(tag).toEqual(expect.any(String));
      const byTag = await listAll(t.http, owner, { tag });
      expect(byTag.length).toBeGreaterThan(0);
      expect(byTag.every((q) => q.tags.includes(tag))).toBe(true);

      const mine = await createQuestion(t.http, owner);
      const organization = await listAll(t.http, owner, { source: 'organization' });
      expect(organization.map((q) => q.id)).toEqual([mine.id]);
      const library = await listAll(t.http, owner, { source: 'library' });
      expect(library).toHaveLength(68);
      expect(library.every((q) => q.source === 'library')).toBe(true);
    });

    it('searches full text, ranking the span-link and Kafka questions first for "span link"', async () => {
      const response = await get(`/v1/questions?q=${encodeURIComponent('span link')}&limit=5`);
      expect(response.status).toBe(200);
      const { items } = response.body as QuestionPage;
      const top = items.map((q) => q.slug);
      expect(top.slice(0, 3)).toContain(SPAN_LINK);
      expect(top.slice(0, 3).some((slug) => slug.includes('kafka'))).toBe(true);
      expect(top).toEqual(
        expect.arrayContaining([SPAN_LINK, 'write-the-consumer-side-of-a-kafka-span-link-in-pseudocode', 'a-request-crosses-from-http-into-kafka-and-the-trace-breaks']),
      );
    });

    it('pages through search results in rank order without repeats', async () => {
      const all = await listAll(t.http, owner, { q: 'sampling' });
      const paged: QuestionBody[] = [];
      let cursor: string | null = null;
      do {
        const response = await get(`/v1/questions?q=sampling&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        const page = response.body as QuestionPage;
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(all.length).toBeGreaterThan(4);
      expect(paged.map((q) => q.id)).toEqual(all.map((q) => q.id));
    });

    it('answers an empty page for a search nothing matches', async () => {
      const response = await get('/v1/questions?q=zyzzyva');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['a garbage cursor', 'cursor=not-a-cursor!'],
      ['a well-formed but foreign cursor', `cursor=${Buffer.from('["b",1,"x","y","nope"]').toString('base64url')}`],
      ['a browse cursor used for a search', 'q=span&cursor=CURSOR'],
    ])('rejects %s with 400 invalid-cursor', async (_name, query) => {
      const browse = ((await get('/v1/questions?limit=1').expect(200)).body as QuestionPage).nextCursor!;
      const response = await get(`/v1/questions?${query.replace('CURSOR', browse)}`);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://assay.dev/problems/invalid-cursor');
    });

    it.each([
      ['limit=0'],
      ['limit=101'],
      ['limit=abc'],
      ['limit=2.5'],
      ['level=principal'],
      ['source=everyone'],
      ['kind=essay'],
      ['archived=maybe'],
      ['q='],
      ['unknown=1'],
      ['q=<501 characters>'],
    ])('rejects the malformed query %s with 400', async (query) => {
      const response = await get(`/v1/questions?${query.replace('<501 characters>', 'x'.repeat(501))}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe('https://assay.dev/problems/validation-failed');
    });
  });

  describe('GET /v1/questions/{id}', () => {
    it('reads a library question by slug, with its current version ETag', async () => {
      const response = await get(`/v1/questions/${SPAN_LINK}`);
      expect(response.status).toBe(200);
      const question = response.body as QuestionBody;
      expect(question).toMatchObject({ slug: SPAN_LINK, source: 'library', kind: 'question', version: 1, archivedAt: null, forkedFromId: null });
      expect(question.prompt).toBe('When would you use a span link instead of a parent-child relationship?');
      expect(question.listeningFor.length).toBeGreaterThan(0);
      expect(response.headers.etag).toBe(`"${question.versionId}"`);
    });

    it('reads by id the same question it reads by slug', async () => {
      const bySlug = await libraryQuestion(t.http, owner, 'why-sample-traces-at-all');
      const byId = await get(`/v1/questions/${bySlug.id}`).expect(200);
      expect(byId.body).toEqual(bySlug);
    });

    it('keeps fenced code blocks in model answers and lists probes', async () => {
      const question = await libraryQuestion(t.http, owner, 'walk-me-through-starting-a-span-correctly-in-your-language');
      expect(question.modelAnswer).toContain('```');
      expect(question.modelAnswer).toContain('defer span.End()');
      expect(question.probes[0].question).toMatch(/^What if /);
      expect(question.probes[0].answer.length).toBeGreaterThan(20);
    });

    it('attaches curated rubrics to library questions that have one', async () => {
      expect((await libraryQuestion(t.http, owner, 'why-sample-traces-at-all')).hasRubric).toBe(true);
    });

    it('prefers the organization’s own question when a slug exists in both', async () => {
      const other = await signUp(t.http);
      const mine = await createQuestion(t.http, other, { slug: 'why-sample-traces-at-all', section: 'Sampling' });
      const response = await get('/v1/questions/why-sample-traces-at-all', other).expect(200);
      expect(response.body.id).toBe(mine.id);
      expect(response.body.source).toBe('organization');
      // Everyone else still gets the library's.
      expect((await get('/v1/questions/why-sample-traces-at-all').expect(200)).body.source).toBe('library');
    });

    it('answers 404 for unknown ids and slugs', async () => {
      for (const path of ['/v1/questions/00000000-0000-4000-8000-000000000000', '/v1/questions/no-such-question', `/v1/questions/${'x'.repeat(90)}`]) {
        const response = await get(path);
        expect(response.status).toBe(404);
        expect(response.body.type).toBe('https://assay.dev/problems/not-found');
      }
    });
  });

  describe('GET /v1/questions/{id}/versions', () => {
    it('lists a library question’s single version with its content', async () => {
      const question = await libraryQuestion(t.http, owner, SPAN_LINK);
      const response = await get(`/v1/questions/${question.id}/versions`).expect(200);
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0]).toMatchObject({ version: 1, versionId: question.versionId, content: { prompt: question.prompt, hasRubric: true, rubricSource: 'curated' } });
      expect(response.body.items[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('rejects a malformed id with 400 and an unknown one with 404', async () => {
      const malformed = await get('/v1/questions/not-a-uuid/versions');
      expect(malformed.status).toBe(400);
      expect(malformed.body.type).toBe('https://assay.dev/problems/validation-failed');
      expect((await get('/v1/questions/00000000-0000-4000-8000-000000000000/versions')).status).toBe(404);
    });

    it.each(['%00', 'a%00b', '%E2%80%AE', 'UPPER', 'x'.repeat(99)])('answers 404, never 500, for the id-or-slug %s', async (raw) => {
      const response = await get(`/v1/questions/${raw}`);
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('https://assay.dev/problems/not-found');
    });
  });
});
