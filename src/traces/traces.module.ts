import { Module } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { SEED_BANK_FILE } from '../questions/import/library-source';
import { parseInterviewDocument } from '../questions/parser/parse-interview-document';
import { ReviewQuestions } from './review/review-questions';
import { TraceReviewController } from './trace-review.controller';
import { TraceReviewService } from './trace-review.service';

/** POST /v1/traces/review; the bank questions its findings cite are parsed from the seed bank once, at startup. */
@Module({
  controllers: [TraceReviewController],
  providers: [
    { provide: ReviewQuestions, useFactory: () => ReviewQuestions.fromDocument(parseInterviewDocument(readFileSync(SEED_BANK_FILE, 'utf8'))) },
    TraceReviewService,
  ],
})
export class TracesModule {}
