/**
 * Test-only: a realistic ReportSource, scored by the real engine with
 * curated seed rubrics, for the mapper and renderer unit tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreAnswer, type Rubric } from '../../scoring/engine';
import type { ItemSource, ReportSource } from '../reports.mapper';

const RUBRICS = path.resolve(__dirname, '../../../seed/rubrics');

export function seedRubric(slug: string): Rubric {
  return JSON.parse(readFileSync(path.join(RUBRICS, `${slug}.json`), 'utf8')) as Rubric;
}

/** The answer of the rubric's own test case whose name starts with `prefix` (strong, partial, misconception …). */
export function rubricTestAnswer(rubric: Rubric, prefix: string): string {
  const test = rubric.tests?.find((t) => t.name.startsWith(prefix));
  if (!test) throw new Error(`${rubric.question} has no test case named ${prefix}…`);
  return test.answer;
}

let counter = 0;
const uuid = (): string => {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
};

export interface FixtureItem {
  slug: string;
  prompt: string;
  section: string;
  levels: string[];
  points: number;
  answer: string | null;
  override?: { points: number; reason: string; reviewerId?: string | null; stale?: boolean };
  weight?: number;
  /** Leave the item unscored. */
  unscored?: boolean;
}

export function fixtureItem(spec: FixtureItem, position: number): ItemSource {
  const rubric = seedRubric(spec.slug);
  const result = spec.answer === null || spec.unscored ? null : scoreAnswer(rubric, { prompt: spec.prompt, answer: spec.answer });
  const scoreId = uuid();
  return {
    id: uuid(),
    position,
    probeIndex: null,
    prompt: spec.prompt,
    section: spec.section,
    levels: spec.levels,
    weight: spec.weight ?? 1,
    points: spec.points,
    answer: spec.answer === null ? null : { text: spec.answer, revision: 2 },
    score: result && {
      id: scoreId,
      points: result.fraction * spec.points,
      fraction: result.fraction,
      score: result.score,
      maxScore: result.maxScore,
      engineVersion: result.engineVersion,
      createdAt: new Date('2025-03-01T10:05:00.000Z'),
      result: JSON.parse(JSON.stringify(result)) as unknown,
    },
    override: spec.override
      ? {
          points: spec.override.points,
          reason: spec.override.reason,
          reviewerId: spec.override.reviewerId ?? null,
          createdAt: new Date('2025-03-01T11:00:00.000Z'),
        }
      : null,
    autoScoreChanged: spec.override?.stale === true,
  };
}

export const REVIEWER_ID = '11111111-1111-4111-8111-111111111111';

export function reportFixture(overrides: Partial<ReportSource> = {}, items?: FixtureItem[]): ReportSource {
  const span = seedRubric('what-is-a-span-what-is-a-trace');
  const lost = seedRubric('a-span-never-shows-up-but-span-end-definitely-ran-name-three');
  const specs: FixtureItem[] = items ?? [
    { slug: span.question, prompt: 'What is a span? What is a trace?', section: 'Fundamentals', levels: ['junior'], points: 10, answer: rubricTestAnswer(span, 'strong') },
    {
      slug: lost.question,
      prompt: 'A span never shows up, but span.End() definitely ran. Name three reasons.',
      section: 'Debugging',
      levels: ['middle', 'senior'],
      points: 20,
      answer: rubricTestAnswer(lost, 'partial'),
      override: { points: 15, reason: 'Named a third cause <b>verbally</b>', reviewerId: REVIEWER_ID },
    },
    {
      slug: lost.question,
      prompt: 'Same question, misconception answer',
      section: 'Debugging',
      levels: ['senior'],
      points: 10,
      answer: rubricTestAnswer(lost, 'misconception'),
    },
  ];
  const session = {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    status: 'graded' as const,
    candidateName: 'Ada <script>alert(1)</script> Lovelace',
    candidateEmail: 'ada@example.test',
    createdAt: new Date('2025-03-01T09:00:00.000Z'),
    startedAt: new Date('2025-03-01T09:30:00.000Z'),
    deadlineAt: new Date('2025-03-01T10:30:00.000Z'),
    submittedAt: new Date('2025-03-01T10:00:00.000Z'),
    submittedBy: 'candidate',
    gradedAt: new Date('2025-03-01T10:05:00.000Z'),
  };
  return {
    session,
    interview: { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', title: 'Tracing — senior loop', passingThreshold: 0.6 },
    items: specs.map((spec, index) => fixtureItem(spec, index + 1)),
    decisions: [
      { id: uuid(), decision: 'hold', note: 'Wait for the second reviewer', reviewerId: REVIEWER_ID, createdAt: new Date('2025-03-01T11:10:00.000Z') },
      { id: uuid(), decision: 'advance', note: '', reviewerId: null, createdAt: new Date('2025-03-01T12:00:00.000Z') },
    ],
    reviewerNames: new Map([[REVIEWER_ID, 'Rita Reviewer']]),
    gradedFractions: new Map([
      ['c0000000-0000-4000-8000-000000000001', 0.2],
      ['c0000000-0000-4000-8000-000000000002', 0.9],
    ]),
    now: new Date('2025-03-02T08:00:00.000Z'),
    ...overrides,
  };
}
