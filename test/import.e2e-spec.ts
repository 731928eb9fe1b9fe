import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaService } from '../src/database/prisma.service';
import { importLibrary } from '../src/questions/import/library-source';
import { QuestionImportService } from '../src/questions/import/question-import.service';
import { bearer, signUp, type Account } from './factories/accounts';
import { interviewDocument, listAll, type DocumentQuestion, type QuestionBody } from './factories/questions';
import { createTestApp, type TestApp } from './support/test-app';

const SEED = path.resolve(__dirname, '../seed/tracing-interview-questions.txt');
const problem = (code: string) => `https://assay.dev/problems/${code}`;

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  warnings: { line: number; message: string }[];
  questions: { slug: string; status: string; version: number }[];
}

const widgets: Record<string, DocumentQuestion[]> = {
  Basics: [
    { prompt: 'What is a widget?', levels: 'junior', answer: 'A widget is a small reusable component.', probes: [{ question: 'it has no state?', answer: 'Then it is a pure widget.' }] },
    { prompt: 'How do widgets compose?', levels: 'junior → middle', answer: 'Widgets nest inside other widgets.' },
  ],
  Operations: [{ prompt: 'Why do widgets leak?', levels: 'senior', answer: 'Because nobody disposes them.', wrongInstinct: 'widgets never leak' }],
};

describe('importing interview documents', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  const importAs = (account: Account, body: unknown) => t.http().post('/v1/questions/import').set(bearer(account.accessToken)).send(body as object);

  describe('POST /v1/questions/import', () => {
    it('creates every question of a new document and reports each', async () => {
      const response = await importAs(owner, { document: interviewDocument(widgets), format: 'interview-document' });
      expect(response.status).toBe(200);
      const report = response.body as Report;
      expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, warnings: [] });
      expect(report.questions).toEqual([
        { slug: 'what-is-a-widget', status: 'created', version: 1 },
        { slug: 'how-do-widgets-compose', status: 'created', version: 1 },
        { slug: 'why-do-widgets-leak', status: 'created', version: 1 },
      ]);

      const mine = await listAll(t.http, owner, { source: 'organization' });
      expect(mine.map((q) => q.slug)).toEqual(['how-do-widgets-compose', 'what-is-a-widget', 'why-do-widgets-leak']);
      const compose = mine.find((q) => q.slug === 'how-do-widgets-compose')!;
      expect(compose).toMatchObject({ section: 'Basics', levels: ['junior', 'middle'], source: 'organization', version: 1 });
      const widget = mine.find((q) => q.slug === 'what-is-a-widget')!;
      expect(widget.probes).toEqual([{ question: 'What if it has no state?', answer: 'Then it is a pure widget.' }]);
      expect(mine.find((q) => q.slug === 'why-do-widgets-leak')!.misconceptions).toEqual([expect.stringContaining('widgets never leak')]);
    });

    it('reports everything unchanged on a second import of the same document', async () => {
      const response = await importAs(owner, { document: interviewDocument(widgets) });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect((response.body as Report).questions.every((q) => q.status === 'unchanged' && q.version === 1)).toBe(true);
    });

    it('versions changed questions, creates new ones and keeps the old version intact', async () => {
      const changed = {
        ...widgets,
        Basics: [{ ...widgets.Basics[0], answer: 'A widget is a small reusable UI component.' }, widgets.Basics[1], { prompt: 'Can widgets be shared?', answer: 'Yes, through a registry.' }],
      };
      const response = await importAs(owner, { document: interviewDocument(changed) });
      expect(response.status).toBe(200);
      const report = response.body as Report;
      expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 2 });
      expect(report.questions).toEqual(
        expect.arrayContaining([
          { slug: 'what-is-a-widget', status: 'updated', version: 2 },
          { slug: 'can-widgets-be-shared', status: 'created', version: 1 },
          { slug: 'how-do-widgets-compose', status: 'unchanged', version: 1 },
        ]),
      );
      const widget = (await t.http().get('/v1/questions/what-is-a-widget').set(bearer(owner.accessToken)).expect(200)).body as QuestionBody;
      expect(widget.version).toBe(2);
      expect(widget.modelAnswer).toBe('A widget is a small reusable UI component.');
      const versions = (await t.http().get(`/v1/questions/${widget.id}/versions`).set(bearer(owner.accessToken)).expect(200)).body.items;
      expect(versions.map((v: { version: number; content: { modelAnswer: string } }) => [v.version, v.content.modelAnswer])).toEqual([
        [2, 'A widget is a small reusable UI component.'],
        [1, 'A widget is a small reusable component.'],
      ]);
    });

    it('serializes concurrent imports of one document: one creates, the other finds it unchanged', async () => {
      const racer = await signUp(t.http);
      const [a, b] = await Promise.all([importAs(racer, { document: interviewDocument(widgets) }), importAs(racer, { document: interviewDocument(widgets) })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const reports = [a.body as Report, b.body as Report].sort((x, y) => y.created - x.created);
      expect(reports[0]).toMatchObject({ created: 3, unchanged: 0 });
      expect(reports[1]).toMatchObject({ created: 0, unchanged: 3 });
      expect(await listAll(t.http, racer, { source: 'organization' })).toHaveLength(3);
    });

    it('returns the parser’s warnings with line numbers', async () => {
      const document = `${interviewDocument({ Quirks: [{ prompt: 'Which level is expert?', levels: 'expert', answer: 'None of them.' }] })}`;
      const report = (await importAs(owner, { document }).expect(200)).body as Report;
      expect(report.created).toBe(1);
      expect(report.warnings).toEqual([{ line: 4, message: expect.stringContaining('expert') }]);
    });

    it('keeps organizations apart: same slugs, separate questions', async () => {
      const other = await signUp(t.http);
      const report = (await importAs(other, { document: interviewDocument(widgets) }).expect(200)).body as Report;
      expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      const theirs = await listAll(t.http, other, { source: 'organization' });
      const ours = await listAll(t.http, owner, { source: 'organization' });
      expect(theirs).toHaveLength(3);
      expect(theirs.map((q) => q.id).some((id) => ours.some((q) => q.id === id))).toBe(false);
      expect(theirs.find((q) => q.slug === 'what-is-a-widget')!.version).toBe(1);
    });

    it('imports a library slug as the organization’s own question without touching the library', async () => {
      const importer = await signUp(t.http);
      const seedExcerpt = readFileSync(SEED, 'utf8');
      const report = (await importAs(importer, { document: seedExcerpt }).expect(200)).body as Report;
      expect(report).toMatchObject({ created: 68, updated: 0, unchanged: 0 });
      const again = (await importAs(importer, { document: seedExcerpt }).expect(200)).body as Report;
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 68 });
      const own = await listAll(t.http, importer, { source: 'organization' });
      expect(own).toHaveLength(68);
      // Organization imports bring no curated rubrics: each question gets a suggested one; the library keeps its own.
      expect(own.every((q) => q.hasRubric)).toBe(true);
      const library = await listAll(t.http, importer, { source: 'library' });
      expect(library).toHaveLength(68);
      expect(library.some((q) => q.hasRubric)).toBe(true);
    });

    it.each<[string, unknown, number]>([
      ['a missing document', {}, 400],
      ['a document that is not a string', { document: 42 }, 400],
      ['an empty document', { document: '' }, 400],
      ['an unknown format', { document: 'Q: x?¶\nY.', format: 'markdown' }, 400],
      ['an unknown field', { document: 'Q: x?¶\nY.', dryRun: true }, 400],
      ['a document without questions', { document: 'Just some prose.\nNothing to see here.\n' }, 400],
    ])('rejects %s', async (_name, body, status) => {
      const response = await importAs(owner, body);
      expect(response.status).toBe(status);
      expect(response.body.type).toBe(problem('validation-failed'));
    });

    it('rejects bad JSON and bodies over the size limit', async () => {
      const badJson = await t.http().post('/v1/questions/import').set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"document":');
      expect(badJson.status).toBe(400);
      expect(badJson.body.type).toBe(problem('malformed-json'));
      const huge = await importAs(owner, { document: `Title¶\nS¶\nQ: Big?¶\n${'x'.repeat(t.config.bodyLimitBytes)}` });
      expect(huge.status).toBe(413);
      expect(huge.body.type).toBe(problem('payload-too-large'));
    });

    it('needs credentials', async () => {
      expect((await t.http().post('/v1/questions/import').send({ document: 'Q: x?¶\nY.' })).status).toBe(401);
    });
  });

  describe('the seed bank as the library (acceptance)', () => {
    it('holds 58 questions in 9 sections plus 10 cheat-sheet items with at least 40 probes', async () => {
      const library = await listAll(t.http, owner, { source: 'library' });
      const questions = library.filter((q) => q.kind === 'question');
      const quiz = library.filter((q) => q.kind === 'quiz');
      expect(questions).toHaveLength(58);
      expect(new Set(questions.map((q) => q.section)).size).toBe(9);
      expect(quiz).toHaveLength(10);
      expect(new Set(quiz.map((q) => q.section))).toEqual(new Set(['Cheat Sheet']));
      expect(library.reduce((n, q) => n + q.probes.length, 0)).toBeGreaterThanOrEqual(40);
      expect(library.every((q) => q.source === 'library' && q.version >= 1)).toBe(true);
    });

    it('carries the curated rubric of every seed/rubrics file that names a library question', async () => {
      const library = await listAll(t.http, owner, { source: 'library' });
      const slugs = new Set(library.map((q) => q.slug));
      const rubricFiles = readdirSync(path.resolve(__dirname, '../seed/rubrics'))
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''))
        .filter((slug) => slugs.has(slug));
      expect(rubricFiles.length).toBeGreaterThan(0);
      const withRubric = library.filter((q) => q.hasRubric).map((q) => q.slug);
      expect(withRubric.sort()).toEqual(rubricFiles.sort());
    });

    it('reports everything unchanged when the seed is imported into the library again', async () => {
      const importer = new QuestionImportService(t.app.get(PrismaService));
      const progress: number[] = [];
      const report = await importLibrary(importer, SEED, { onProgress: (done) => progress.push(done) });
      expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 68 });
      expect(report.questions.every((q) => q.status === 'unchanged' && q.version === 1)).toBe(true);
      expect(progress).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    });
  });

  describe('QuestionImportService without HTTP', () => {
    it('versions a question when only its rubric changes, and keeps a rubric the document does not mention', async () => {
      const organization = await signUp(t.http);
      const importer = new QuestionImportService(t.app.get(PrismaService));
      const target = { organizationId: organization.organization.id, userId: organization.user.id };
      const document = interviewDocument({ Basics: [widgets.Basics[0]] });
      const rubric = (weight: number) => () => ({ rubric: { schemaVersion: 1, question: 'what-is-a-widget', concepts: [{ id: 'c', weight }] }, source: 'curated' as const });

      expect(await importer.importDocument(target, document, { rubricFor: rubric(1) })).toMatchObject({ created: 1 });
      expect(await importer.importDocument(target, document, { rubricFor: rubric(1) })).toMatchObject({ unchanged: 1 });
      expect(await importer.importDocument(target, document, { rubricFor: rubric(2) })).toMatchObject({ updated: 1, questions: [{ status: 'updated', version: 2 }] });
      // Without a rubric source the current rubric stays, so nothing changes.
      expect(await importer.importDocument(target, document)).toMatchObject({ unchanged: 1 });

      const question = (await t.http().get('/v1/questions/what-is-a-widget').set(bearer(organization.accessToken)).expect(200)).body as QuestionBody;
      expect(question).toMatchObject({ version: 2, hasRubric: true });
    });

    it('reports a rubric it cannot attach as a warning and imports the question without it', async () => {
      const organization = await signUp(t.http);
      const importer = new QuestionImportService(t.app.get(PrismaService));
      const report = await importer.importDocument({ organizationId: organization.organization.id, userId: null }, interviewDocument({ Basics: [widgets.Basics[1]] }), {
        rubricFor: () => ({ problem: 'Rubric how-do-widgets-compose.json is not valid JSON' }),
      });
      expect(report).toMatchObject({ created: 1, warnings: [{ line: 4, message: expect.stringContaining('not valid JSON') }] });
    });
  });
});
