import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../delivery/attempt-outcome';
import { PageCursor, PageLimit } from '../../common/pagination';

export const DEFAULT_DELIVERY_PAGE_SIZE = 20;

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @PageLimit({ max: 100, fallback: DEFAULT_DELIVERY_PAGE_SIZE })
  limit?: number;

  @PageCursor({ maxLength: 200 })
  cursor?: string;
}
