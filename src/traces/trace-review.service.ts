import { Injectable } from '@nestjs/common';
import type { TraceReviewDto } from './dto/trace-review.dto';
import type { ReviewInput } from './review/review-input';
import { ReviewQuestions } from './review/review-questions';
import { reviewTrace } from './review/review-trace';

@Injectable()
export class TraceReviewService {
  constructor(private readonly questions: ReviewQuestions) {}

  review(input: ReviewInput): TraceReviewDto {
    const { summary, findings } = reviewTrace(input);
    return {
      summary,
      findings: findings.map(({ code, severity, title, detail, spanIds, questionSlug }) => ({ code, severity, title, detail, spanIds, question: this.questions.get(questionSlug) })),
    };
  }
}
