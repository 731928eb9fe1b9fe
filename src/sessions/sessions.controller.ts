import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../auth/uuid-param';
import { ApiProblems } from '../common/problem.dto';
import { SessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read a session: candidate, status and timestamps (never its token)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<SessionDto> {
    return this.sessions.get(caller, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Cancel an invited or running session', description: 'The candidate’s token stops working at once; saved answers are kept. Cancelling twice is a no-op.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<SessionDto> {
    return this.sessions.cancel(caller, id);
  }
}
