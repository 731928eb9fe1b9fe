import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EXIT_OK } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { recordingIo } from '../src/cli/test-io';
import { PrismaService } from '../src/database/prisma.service';
import { QuestionImportService } from '../src/questions/import/question-import.service';
import { validateRubric } from '../src/scoring/engine';
import { bearer, signUp, type Account } from './factories/accounts';
import { interviewDocument, listAll, type DocumentQuestion, type QuestionBody } from './factories/questions';
import { getRubric, putRubric, widgetRubric } from './factories/rubrics';
import { workerDatabaseUrl } from './support/database';
import { createTestApp, type TestApp } from './support/test-app';

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  warnings: { line: number; message: string }[];
  questions: { slug: string; status: string; version: number }[];
}

const gadgets: Record<string, DocumentQuestion[]> = {
  Gadgets: [
    { prompt: 'What is a gadget?', levels: 'junior', answer: 'A gadget is a battery-powered device with a firmware bootloader.' },
    { prompt: 'How do gadgets talk?', levels: 'middle', answer: 'Gadgets exchange telemetry over Bluetooth, batching readings to save power.' },
  ],
};

/** The words of a text, lower-cased, for "does this label come from that answer". */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g));

describe('importing suggests rubrics for questions without a curated one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const importAs = (account: Account, document: string) =>
    t
      .http()
      .post('/v1/questions/import')
      .set(bearer(account.accessToken))
      .send({ document })
      .expect(200)
      .then((response) => response.body as Report);
  const bySlug = async (account: Account, slug: string) => (await listAll(t.http, account, { source: 'organization' })).find((q) => q.slug === slug)!;

  it('attaches a suggested rubric built from each question’s model answer', async () => {
    const owner = await signUp(t.http);
    expect(await importAs(owner, interviewDocument(gadgets))).toMatchObject({ created: 2, warnings: [] });
    for (const { prompt, answer } of gadgets.Gadgets) {
      const question = (await listAll(t.http, owner, { source: 'organization' })).find((q) => q.prompt === prompt)!;
      const view = await getRubric(t.http, owner, question.id);
      expect(view).toMatchObject({ version: 1, source: 'suggested', rubric: { question: question.slug } });
      expect(validateRubric(view.rubric).ok).toBe(true);
      const words = wordsOf(answer);
      for (const concept of view.rubric.concepts) for (const word of wordsOf(concept.label)) expect(words).toContain(word);
    }
    const gadget = await bySlug(owner, 'what-is-a-gadget');
    const labels = (await getRubric(t.http, owner, gadget.id)).rubric.concepts.map((c) => c.label.toLowerCase());
    expect(labels).toEqual(expect.arrayContaining(['firmware', 'bootloader']));
  });

  it('stays idempotent: the same document again changes nothing', async () => {
    const owner = await signUp(t.http);
    await importAs(owner, interviewDocument(gadgets));
    const before = await getRubric(t.http, owner, (await bySlug(owner, 'what-is-a-gadget')).id);
    expect(await importAs(owner, interviewDocument(gadgets))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await getRubric(t.http, owner, before.questionId)).toEqual(before);
  });

  it('suggests again when the model answer changes', async () => {
    const owner = await signUp(t.http);
    await importAs(owner, interviewDocument(gadgets));
    const changed = { Gadgets: [{ ...gadgets.Gadgets[0], answer: 'A gadget is a device with a watchdog timer and an accelerometer.' }, gadgets.Gadgets[1]] };
    const report = await importAs(owner, interviewDocument(changed));
    // The other question may be re-weighed too: the document's answers are the corpus its word weights come from.
    expect(report.questions[0]).toEqual({ slug: 'what-is-a-gadget', status: 'updated', version: 2 });
    const view = await getRubric(t.http, owner, (await bySlug(owner, 'what-is-a-gadget')).id);
    expect(view).toMatchObject({ version: 2, source: 'suggested' });
    const labels = view.rubric.concepts.map((c) => c.label.toLowerCase());
    expect(labels).toEqual(expect.arrayContaining(['watchdog']));
    expect(labels).not.toContain('firmware');
  });

  it('never replaces a rubric a person wrote, on any re-import', async () => {
    const owner = await signUp(t.http);
    await importAs(owner, interviewDocument(gadgets));
    const question = await bySlug(owner, 'what-is-a-gadget');
    const custom = await putRubric(t.http, owner, question, widgetRubric(question.slug));
    expect(await importAs(owner, interviewDocument(gadgets))).toMatchObject({ unchanged: 2 });
    const changed = { Gadgets: [{ ...gadgets.Gadgets[0], answer: 'A gadget is a device with a watchdog timer.' }] };
    expect(await importAs(owner, interviewDocument(changed))).toMatchObject({ updated: 1 });
    const view = await getRubric(t.http, owner, question.id);
    expect(view).toMatchObject({ version: custom.version + 1, source: 'custom', rubric: custom.rubric });
    const current = (await t.http().get(`/v1/questions/${question.id}`).set(bearer(owner.accessToken)).expect(200)).body as QuestionBody;
    expect(current.modelAnswer).toContain('watchdog');
  });

  it('imports a question it cannot suggest for without a rubric, and the suggest endpoint says why', async () => {
    const owner = await signUp(t.http);
    const report = await importAs(owner, interviewDocument({ Odd: [{ prompt: 'Say nothing?', answer: 'It is what it is.' }] }));
    expect(report).toMatchObject({ created: 1, warnings: [] });
    const question = await bySlug(owner, 'say-nothing');
    expect(question.hasRubric).toBe(false);
    const suggest = await t.http().post(`/v1/questions/${question.id}/rubric/suggest`).set(bearer(owner.accessToken));
    expect(suggest.status).toBe(409);
    expect(suggest.body.detail).toContain('no content words');
  });

  it('suggests the same rubrics through the CLI import as through the API', async () => {
    const viaApi = await signUp(t.http);
    await importAs(viaApi, interviewDocument(gadgets));
    const viaCli = await signUp(t.http);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'assay-suggest-')), 'gadgets.txt');
    writeFileSync(file, interviewDocument(gadgets));
    const io = recordingIo({ env: { NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl() } });
    expect(await runCli(['import', file, '--org', viaCli.organization.id], io)).toBe(EXIT_OK);
    for (const slug of ['what-is-a-gadget', 'how-do-gadgets-talk']) {
      const [api, cli] = await Promise.all([getRubric(t.http, viaApi, (await bySlug(viaApi, slug)).id), getRubric(t.http, viaCli, (await bySlug(viaCli, slug)).id)]);
      expect(cli.source).toBe('suggested');
      expect(cli.rubric).toEqual(api.rubric);
    }
  });

  it('gives every seed question imported into an organization a valid suggested rubric', async () => {
    const owner = await signUp(t.http);
    const importer = new QuestionImportService(t.app.get(PrismaService));
    const { readFileSync } = await import('node:fs');
    const seed = readFileSync(path.resolve(__dirname, '../seed/tracing-interview-questions.txt'), 'utf8');
    const report = await importer.importDocument({ organizationId: owner.organization.id, userId: owner.user.id }, seed);
    expect(report.created).toBe(68);
    const versions = await t.app.get(PrismaService).questionVersion.findMany({ where: { question: { organizationId: owner.organization.id } } });
    expect(versions).toHaveLength(68);
    for (const version of versions) {
      expect(version.rubricSource).toBe('suggested');
      expect(validateRubric(version.rubric).ok).toBe(true);
    }
  });
});
