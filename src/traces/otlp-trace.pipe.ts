import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { readOtlpTrace } from './otlp/read-otlp-trace';
import type { ReviewInput } from './review/review-input';

/** Validates the body as OTLP/JSON at the edge: a 400 problem with a JSON Pointer per bad field, never a 500. */
@Injectable()
export class OtlpTracePipe implements PipeTransform<unknown, ReviewInput> {
  transform(body: unknown): ReviewInput {
    const result = readOtlpTrace(body);
    if (result.ok) return result.input;
    const listed = result.issues.map((issue) => `${issue.pointer || '/'}: ${issue.detail}`).join('; ');
    const shown = result.issueCount > result.issues.length ? ` (the first ${result.issues.length} shown)` : '';
    throw new ProblemException('validation-failed', `The trace is not valid OTLP/JSON: ${result.issueCount} problem(s)${shown}: ${listed}`, {
      errors: result.issues,
    });
  }
}
