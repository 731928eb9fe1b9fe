import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SESSION_STATUSES, type SessionStatusName } from './session.dto';
import { PageCursor, PageLimit } from '../../common/pagination';

export const DEFAULT_SESSION_PAGE = 50;

export class ListSessionsQueryDto {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatusName;

  @PageLimit({ max: 200, fallback: DEFAULT_SESSION_PAGE })
  limit?: number;

  @PageCursor({ maxLength: 512 })
  cursor?: string;
}
