import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('healthz')
  @HttpCode(200)
  @ApiOkResponse({ type: HealthDto, description: 'The process is alive.' })
  liveness(): HealthDto {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOkResponse({ type: HealthDto, description: 'The database answers.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async readiness(): Promise<HealthDto> {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      return { status: 'ok' };
    } catch {
      throw new ProblemException('unavailable', 'The database is not reachable.');
    }
  }
}
