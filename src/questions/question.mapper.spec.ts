import type { Question, QuestionVersion } from './question-record';
import { contentOf, readProbes, toImportReportDto, toQuestionDto, toVersionDto } from './question.mapper';

const created = new Date('2026-01-02T03:04:05.000Z');
const updated = new Date('2026-02-03T04:05:06.000Z');

const question: Question = {
  id: 'q-1',
  organizationId: 'org-1',
  source: 'organization',
  slug: 'why-sample-traces-at-all',
  currentVersion: 2,
  sectionOrder: 3,
  forkedFromId: 'lib-1',
  archivedAt: null,
  createdAt: created,
  updatedAt: updated,
};

const version: QuestionVersion = {
  id: 'v-2',
  questionId: 'q-1',
  version: 2,
  kind: 'question',
  section: 'Sampling',
  levels: ['middle'],
  tags: ['sampling'],
  prompt: 'Why sample traces at all?',
  modelAnswer: 'Cost.',
  probes: [{ question: 'What if?', answer: 'Then.' }],
  misconceptions: ['storage is cheap'],
  listeningFor: ['numbers'],
  rubric: { schemaVersion: 1, concepts: [] },
  rubricSource: 'curated',
  contentHash: 'abc',
  createdById: null,
  createdAt: updated,
};

describe('question mapper', () => {
  it('maps a current version and its question to the API shape', () => {
    expect(toQuestionDto({ ...version, question })).toEqual({
      id: 'q-1',
      slug: 'why-sample-traces-at-all',
      source: 'organization',
      section: 'Sampling',
      kind: 'question',
      levels: ['middle'],
      tags: ['sampling'],
      prompt: 'Why sample traces at all?',
      modelAnswer: 'Cost.',
      probes: [{ question: 'What if?', answer: 'Then.' }],
      misconceptions: ['storage is cheap'],
      listeningFor: ['numbers'],
      version: 2,
      versionId: 'v-2',
      hasRubric: true,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-02-03T04:05:06.000Z',
      archivedAt: null,
      forkedFromId: 'lib-1',
    });
  });

  it('never leaks database-only fields', () => {
    const dto = toQuestionDto({ ...version, question }) as unknown as Record<string, unknown>;
    for (const field of ['organizationId', 'contentHash', 'rubric', 'createdById', 'sectionOrder', 'questionId', 'currentVersion']) {
      expect(dto).not.toHaveProperty(field);
    }
  });

  it('reports archival and a missing rubric', () => {
    const archivedAt = new Date('2026-03-01T00:00:00.000Z');
    const dto = toQuestionDto({ ...version, rubric: null, rubricSource: null, question: { ...question, archivedAt } });
    expect(dto.archivedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(dto.hasRubric).toBe(false);
  });

  it('maps a version with its content, number and hash', () => {
    expect(toVersionDto(version)).toEqual({
      versionId: 'v-2',
      version: 2,
      createdAt: '2026-02-03T04:05:06.000Z',
      contentHash: 'abc',
      content: {
        kind: 'question',
        section: 'Sampling',
        levels: ['middle'],
        tags: ['sampling'],
        prompt: 'Why sample traces at all?',
        modelAnswer: 'Cost.',
        probes: [{ question: 'What if?', answer: 'Then.' }],
        misconceptions: ['storage is cheap'],
        listeningFor: ['numbers'],
        hasRubric: true,
        rubricSource: 'curated',
      },
    });
  });

  it('reads malformed JSON columns defensively', () => {
    expect(readProbes([{ question: 'ok', answer: 'yes' }, { question: 1 }, 'text', null, [1]])).toEqual([{ question: 'ok', answer: 'yes' }]);
    expect(readProbes({ question: 'x' })).toEqual([]);
    const content = contentOf({ ...version, rubric: ['not', 'an', 'object'], rubricSource: 'unheard-of' });
    expect(content.rubric).toBeNull();
    expect(content.rubricSource).toBeNull();
    expect(contentOf({ ...version, rubricSource: 'unheard-of' }).rubricSource).toBeNull();
  });

  it('copies an import report without extra fields', () => {
    const report = { created: 1, updated: 0, unchanged: 2, warnings: [{ line: 3, message: 'm', extra: true }], questions: [{ slug: 's', status: 'created' as const, version: 1, id: 'x' }] };
    expect(toImportReportDto(report)).toEqual({ created: 1, updated: 0, unchanged: 2, warnings: [{ line: 3, message: 'm' }], questions: [{ slug: 's', status: 'created', version: 1 }] });
  });
});
