import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INTERVIEW_STATUSES, type InterviewStatusName } from './interview.dto';
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_MAX } from './limits';
import { PageCursor, PageLimit } from '../../common/pagination';

export class ListInterviewsQueryDto {
  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES })
  @IsOptional()
  @IsIn(INTERVIEW_STATUSES)
  status?: InterviewStatusName;

  @PageLimit({ max: PAGE_SIZE_MAX, fallback: DEFAULT_PAGE_SIZE })
  limit?: number;

  @PageCursor({ maxLength: 512 })
  cursor?: string;
}
