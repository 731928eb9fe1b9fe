import { ApiProperty } from '@nestjs/swagger';
import { FINDING_CODES, type FindingCode, SEVERITIES, type Severity } from '../review/finding';

export class TraceSummaryDto {
  @ApiProperty({ example: 1, description: 'Distinct trace ids.' })
  traces!: number;

  @ApiProperty({ example: 18 })
  spans!: number;

  @ApiProperty({ example: 2, description: 'Distinct service.name values (resources without one count as unknown_service).' })
  services!: number;

  @ApiProperty({ example: 1, description: 'Spans without a parent span id. An entry span continuing a remote trace has a parent and is not a root.' })
  rootSpans!: number;

  @ApiProperty({ example: 85.622, description: 'From the earliest span start to the latest span end, in milliseconds.' })
  durationMs!: number;
}

export class FindingQuestionDto {
  @ApiProperty({ example: 'your-client-span-says-500ms-but-the-downstream-server-span' })
  slug!: string;

  @ApiProperty({ example: 'Your CLIENT span says 500ms but the downstream SERVER span says 50ms. Where did the 450ms go?' })
  prompt!: string;
}

export class TraceFindingDto {
  @ApiProperty({ enum: FINDING_CODES, example: 'client-server-gap' })
  code!: FindingCode;

  @ApiProperty({ enum: SEVERITIES, example: 'warning' })
  severity!: Severity;

  @ApiProperty({ example: 'A CLIENT span is much longer than the downstream SERVER span' })
  title!: string;

  @ApiProperty({
    example:
      "CLIENT span 'GET pricing' (00f067aa0ba902b7) in service 'gateway' took 700 ms, but the SERVER span it called, 'GET /price' (b7ad6b7169203331) in service 'pricing', took 40 ms: 660 ms (94% of the call) passed outside the downstream handler. …",
    description: 'What is wrong, naming the spans involved.',
  })
  detail!: string;

  @ApiProperty({ type: [String], example: ['00f067aa0ba902b7', 'b7ad6b7169203331'], description: 'The span ids the finding is about.' })
  spanIds!: string[];

  @ApiProperty({ type: FindingQuestionDto, description: 'The bank question whose answer explains the finding.' })
  question!: FindingQuestionDto;
}

export class TraceReviewDto {
  @ApiProperty({ type: TraceSummaryDto })
  summary!: TraceSummaryDto;

  @ApiProperty({ type: [TraceFindingDto], description: 'Errors first, then warnings, then notes.' })
  findings!: TraceFindingDto[];
}
