/**
 * Acceptance checks for the curated rubrics in seed/rubrics/: every file must
 * be a valid rubric for a question that exists in the seed document, carry
 * example answers that span the bands, and the engine must agree with every
 * example. Test names carry the rubric file and the case, so a failure says
 * which rubric to fix without digging.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseInterviewDocument } from '../questions/parser/parse-interview-document';
import { runRubricTests, validateRubric, type Rubric, type RubricTestReport, type ValidationResult } from './engine';

const ROOT = join(__dirname, '..', '..');
const RUBRIC_DIR = join(ROOT, 'seed', 'rubrics');
const SEED_FILE = join(ROOT, 'seed', 'tracing-interview-questions.txt');

const SEED_QUESTION_COUNT = 58;
const SEED_CHEAT_SHEET_COUNT = 10;
const MIN_TEST_CASES = 3;

interface LoadedRubric {
  file: string;
  slug: string;
  /** Parsed JSON and what the validator made of it, or the reason the file is not JSON. */
  json: { ok: true; value: unknown; validation: ValidationResult } | { ok: false; error: string };
}

function loadRubric(file: string): LoadedRubric {
  const slug = file.replace(/\.json$/, '');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(RUBRIC_DIR, file), 'utf8'));
  } catch (e) {
    return { file, slug, json: { ok: false, error: (e as Error).message } };
  }
  return { file, slug, json: { ok: true, value, validation: validateRubric(value) } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The file's top-level JSON object, so structural checks still report precisely on files the validator rejects. */
function jsonObject(loaded: LoadedRubric): Record<string, unknown> {
  if (!loaded.json.ok) throw new Error(`${loaded.file} is not valid JSON: ${loaded.json.error}`);
  if (!isObject(loaded.json.value)) throw new Error(`${loaded.file} does not hold a JSON object`);
  return loaded.json.value;
}

function validRubric(loaded: LoadedRubric): Rubric {
  if (!loaded.json.ok) throw new Error(`${loaded.file} is not valid JSON: ${loaded.json.error}`);
  const { validation } = loaded.json;
  if (!validation.ok) {
    const errors = validation.errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`).join('\n');
    throw new Error(`${loaded.file} is not a valid rubric:\n${errors}`);
  }
  return validation.rubric;
}

const seedItems = parseInterviewDocument(readFileSync(SEED_FILE, 'utf8')).questions;
const seedQuestions = seedItems.filter((q) => q.kind === 'question');
const seedCheatSheet = seedItems.filter((q) => q.kind === 'quiz');
const promptBySlug = new Map(seedItems.map((item) => [item.slug, item.prompt]));
const rubricFiles = readdirSync(RUBRIC_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('seed rubric coverage', () => {
  it(`finds the ${SEED_QUESTION_COUNT} questions and ${SEED_CHEAT_SHEET_COUNT} cheat-sheet items of the seed`, () => {
    expect(seedQuestions).toHaveLength(SEED_QUESTION_COUNT);
    expect(seedCheatSheet.map((c) => c.slug)).toEqual(Array.from({ length: SEED_CHEAT_SHEET_COUNT }, (_, i) => `cheat-sheet-${i + 1}`));
  });

  it('has a rubric file for every seed question and cheat-sheet item', () => {
    const present = new Set(rubricFiles);
    const missing = seedItems.map((q) => q.slug).filter((slug) => !present.has(`${slug}.json`));
    expect(missing).toEqual([]);
  });
});

describe.each(rubricFiles)('seed rubric %s', (file) => {
  const loaded = loadRubric(file);
  const rubric = loaded.json.ok && loaded.json.validation.ok ? loaded.json.validation.rubric : undefined;
  let report: RubricTestReport | undefined;
  const reportFor = (r: Rubric): RubricTestReport => (report ??= runRubricTests(r, promptBySlug.get(loaded.slug) ?? ''));

  it('is a valid rubric', () => {
    expect(validRubric(loaded).schemaVersion).toBe(1);
  });

  it('grades the seed question its file is named after', () => {
    const question = jsonObject(loaded).question;
    if (question !== loaded.slug) throw new Error(`${file}: "question" is ${JSON.stringify(question)}, expected "${loaded.slug}"`);
    if (!promptBySlug.has(loaded.slug)) throw new Error(`${file}: "${loaded.slug}" is not the slug of any question or cheat-sheet item in the seed`);
  });

  it(`has at least ${MIN_TEST_CASES} test cases, one expecting band strong and one expecting band weak`, () => {
    const raw = jsonObject(loaded).tests;
    const tests = Array.isArray(raw) ? (raw as unknown[]) : [];
    const bands = tests.map((t) => (isObject(t) && isObject(t.expect) ? t.expect.band : undefined));
    const problems: string[] = [];
    if (tests.length < MIN_TEST_CASES) problems.push(`has ${tests.length} test case(s)`);
    if (!bands.includes('strong')) problems.push('no case expects band "strong"');
    if (!bands.includes('weak')) problems.push('no case expects band "weak"');
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  });

  const cases = (rubric?.tests ?? []).map((t, index) => [t.name, index] as const);
  if (rubric && cases.length > 0) {
    it.each(cases)('case "%s" passes', (name, index) => {
      const result = reportFor(rubric).cases[index];
      if (result?.name !== name) throw new Error(`${file}: runRubricTests did not report case "${name}"`);
      if (!result.passed) {
        throw new Error(`${file} case "${name}":\n  ${result.failures.join('\n  ')}\n  actual: ${JSON.stringify(result.actual)}`);
      }
    });
  }
});
