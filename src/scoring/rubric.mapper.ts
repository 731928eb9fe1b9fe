import type { JsonObject, RubricSource } from '../questions/content/question-content';
import { contentOf } from '../questions/question.mapper';
import type { VersionWithQuestion } from '../questions/question-record';
import type { RubricTestListDto } from './dto/rubric-tests.dto';
import type { RubricTestCaseDto } from './dto/rubric-test-case.dto';
import type { RubricDto } from './dto/rubric.dto';
import type { RubricViewDto } from './dto/rubric-view.dto';
import { noRubric } from './rubric-problems';

/** A version's rubric as stored: the document itself, not yet checked by the engine. */
export interface StoredRubric {
  questionId: string;
  version: number;
  versionId: string;
  source: RubricSource;
  prompt: string;
  document: JsonObject;
}

/** Throws the API's 404 when the version has no rubric. */
export function storedRubricOf(version: VersionWithQuestion): StoredRubric {
  const { rubric, rubricSource, prompt } = contentOf(version);
  if (rubric === null) throw noRubric(version.questionId);
  // A rubric with an unrecognised source was written by hand somewhere: call it custom.
  return { questionId: version.questionId, version: version.version, versionId: version.id, source: rubricSource ?? 'custom', prompt, document: rubric };
}

export function toRubricView(stored: StoredRubric): RubricViewDto {
  return { questionId: stored.questionId, version: stored.version, versionId: stored.versionId, source: stored.source, rubric: stored.document as unknown as RubricDto };
}

export function testCasesOf(document: JsonObject): JsonObject[] {
  const tests = document.tests;
  return Array.isArray(tests) ? tests.filter((test): test is JsonObject => test !== null && typeof test === 'object' && !Array.isArray(test)) : [];
}

export function toTestList(stored: StoredRubric): RubricTestListDto {
  return {
    questionId: stored.questionId,
    version: stored.version,
    versionId: stored.versionId,
    items: testCasesOf(stored.document) as unknown as RubricTestCaseDto[],
  };
}
