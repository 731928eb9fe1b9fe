import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.dto';
import { OtlpTraceRequestDto } from './dto/otlp-trace-request.dto';
import { TraceReviewDto } from './dto/trace-review.dto';
import { OtlpTracePipe } from './otlp-trace.pipe';
import type { ReviewInput } from './review/review-input';
import { TraceReviewService } from './trace-review.service';

@ApiTags('traces')
@ApiBearerAuth()
@Controller('v1/traces')
export class TraceReviewController {
  constructor(private readonly reviewer: TraceReviewService) {}

  @Post('review')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Review a trace’s instrumentation',
    description:
      'Send a trace as OTLP/JSON (an ExportTraceServiceRequest, as an OTLP/HTTP JSON exporter sends it; unknown fields are ignored). ' +
      'The answer lists what is wrong with how it was instrumented (missing service.name, all-INTERNAL services, orphan spans, several roots, ' +
      'consumers parented to producers, exceptions without ERROR status, ids in span names, per-iteration spans, CLIENT/SERVER gaps, clock skew, ' +
      'double-wrapped calls), each naming its spans and citing the bank question that explains it. Any member of an organization may call it.',
  })
  @ApiBody({ type: OtlpTraceRequestDto })
  @ApiOkResponse({ type: TraceReviewDto })
  @ApiProblems(400, 401, 413, 415)
  review(@Body(OtlpTracePipe) trace: ReviewInput): TraceReviewDto {
    return this.reviewer.review(trace);
  }
}
