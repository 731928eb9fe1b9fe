import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Caller } from '../auth/caller';
import { QuestionReadService } from '../questions/question-read.service';
import type { VersionWithQuestion } from '../questions/question-record';
import type { PreviewRubricDto, RubricPreviewDto } from './dto/preview.dto';
import type { RubricTestReportDto, RunRubricTestsDto } from './dto/rubric-tests.dto';
import { compileRubric, runRubricTests, scoreAnswer, type CompiledRubric } from './engine';
import { LruMap } from './lru-map';
import { brokenStoredRubric, invalidRubric } from './rubric-problems';
import { storedRubricOf } from './rubric.mapper';
import { ATTR_QUESTION_ID, enrichRequestSpan, scoreWithSpan } from './scoring-span';
import { checkRubric } from './stored-rubric';

/** Versions are immutable, so a compiled rubric is valid for as long as its version id exists. */
const COMPILED_RUBRICS_KEPT = 512;

const tracer = trace.getTracer('assay.scoring');

interface Grader {
  questionId: string;
  version: number;
  prompt: string;
  /** The question version whose rubric scores; undefined for a draft rubric. */
  rubricVersionId: string | undefined;
  compiled: CompiledRubric;
  draft: boolean;
}

/** Scoring answers and running rubric test cases against a question, with its rubric or a draft. */
@Injectable()
export class RubricScoringService {
  private readonly compiled = new LruMap<string, CompiledRubric>(COMPILED_RUBRICS_KEPT);

  constructor(private readonly reader: QuestionReadService) {}

  async preview(caller: Caller, id: string, body: PreviewRubricDto): Promise<RubricPreviewDto> {
    enrichRequestSpan({ [ATTR_QUESTION_ID]: id });
    const grader = this.graderFor(await this.reader.findCurrent(caller, id), body.rubric);
    const result = scoreWithSpan(tracer, { questionId: grader.questionId, rubricVersionId: grader.rubricVersionId }, () =>
      scoreAnswer(grader.compiled, { prompt: grader.prompt, answer: body.answer }),
    );
    return { questionId: grader.questionId, version: grader.version, draft: grader.draft, ...result };
  }

  async runTests(caller: Caller, id: string, body: RunRubricTestsDto): Promise<RubricTestReportDto> {
    const grader = this.graderFor(await this.reader.findCurrent(caller, id), body.rubric);
    const report = runRubricTests(grader.compiled, grader.prompt);
    return { questionId: grader.questionId, version: grader.version, draft: grader.draft, ...report };
  }

  private graderFor(current: VersionWithQuestion, draft: unknown): Grader {
    const base = { questionId: current.questionId, version: current.version };
    if (draft !== undefined) {
      const check = checkRubric(draft, '/rubric');
      if (!check.ok) throw invalidRubric(check.errors);
      return { ...base, prompt: current.prompt, rubricVersionId: undefined, compiled: compileRubric(check.rubric), draft: true };
    }
    const stored = storedRubricOf(current);
    let compiled = this.compiled.get(stored.versionId);
    if (!compiled) {
      const check = checkRubric(stored.document);
      if (!check.ok) throw brokenStoredRubric(stored.questionId, check.errors, stored.version);
      compiled = compileRubric(check.rubric);
      this.compiled.set(stored.versionId, compiled);
    }
    return { ...base, prompt: stored.prompt, rubricVersionId: stored.versionId, compiled, draft: false };
  }
}
