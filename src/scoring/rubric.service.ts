import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException, type FieldError } from '../common/problem';
import type { JsonObject, QuestionContent } from '../questions/content/question-content';
import { QuestionReadService } from '../questions/question-read.service';
import { QuestionWriteService } from '../questions/question-write.service';
import type { RubricTestCaseDto } from './dto/rubric-test-case.dto';
import type { RubricTestListDto } from './dto/rubric-tests.dto';
import type { RubricViewDto } from './dto/rubric-view.dto';
import { rubricPathToPointer } from './rubric-pointer';
import { brokenStoredRubric, invalidRubric, noRubric } from './rubric-problems';
import { storedRubricOf, testCasesOf, toRubricView, toTestList } from './rubric.mapper';
import { checkRubric } from './stored-rubric';

/**
 * Reading and replacing a question's rubric. Writes go through the question
 * writer, so a rubric change is a new immutable version under the same
 * If-Match and read-only rules as any other edit.
 */
@Injectable()
export class RubricService {
  constructor(
    private readonly reader: QuestionReadService,
    private readonly writer: QuestionWriteService,
  ) {}

  async get(caller: Caller, id: string): Promise<RubricViewDto> {
    return toRubricView(storedRubricOf(await this.reader.findCurrent(caller, id)));
  }

  /** The body is the rubric document itself, stored as sent (`$comment` keys included) once the engine accepts it. */
  async replace(caller: Caller, id: string, ifMatch: string | undefined, body: unknown): Promise<RubricViewDto> {
    const check = checkRubric(body);
    if (!check.ok) throw invalidRubric(check.errors);
    const written = await this.writer.replaceRubric(caller, id, ifMatch, 'custom', () => body as JsonObject);
    return toRubricView(storedRubricOf(written));
  }

  async listTests(caller: Caller, id: string): Promise<RubricTestListDto> {
    return toTestList(storedRubricOf(await this.reader.findCurrent(caller, id)));
  }

  /** Appends a test case to the current rubric (a new version). */
  async addTest(caller: Caller, id: string, ifMatch: string | undefined, test: RubricTestCaseDto): Promise<RubricTestListDto> {
    const written = await this.writer.replaceRubric(caller, id, ifMatch, 'custom', (current) => withTestCase(id, current, test));
    return toTestList(storedRubricOf(written));
  }
}

function withTestCase(questionId: string, current: QuestionContent, test: RubricTestCaseDto): JsonObject {
  if (current.rubric === null) throw noRubric(questionId);
  const rubric = current.rubric;
  const check = checkRubric(rubric);
  if (!check.ok) throw brokenStoredRubric(questionId, check.errors);
  const tests = testCasesOf(rubric);
  if (tests.some((existing) => existing.name === test.name)) {
    throw new ProblemException('conflict', `The rubric already has a test case named "${test.name}". Choose another name.`, {
      errors: [{ pointer: '/name', detail: 'is already used by another test case' }],
    });
  }
  const next: JsonObject = { ...rubric, tests: [...tests, plainTestCase(test)] };
  const merged = checkRubric(next);
  if (!merged.ok) throw invalidRubric(relativeToCase(merged.errors, tests.length));
  return next;
}

/** The DTO instance as plain JSON, without the keys the client left out. */
function plainTestCase(test: RubricTestCaseDto): JsonObject {
  const expect = Object.fromEntries(Object.entries(test.expect).filter(([, value]) => value !== undefined)) as JsonObject;
  return { name: test.name, answer: test.answer, expect };
}

/** Errors about the new case point into the request body (`/expect/concepts/0`), not into the rubric. */
function relativeToCase(errors: FieldError[], index: number): FieldError[] {
  const prefix = rubricPathToPointer(`tests[${index}]`);
  return errors.map((error) => (error.pointer.startsWith(`${prefix}/`) ? { ...error, pointer: error.pointer.slice(prefix.length) } : error));
}
