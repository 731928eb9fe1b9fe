import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../auth/uuid-param';
import { ApiProblems } from '../common/problem.dto';
import { InviteCandidatesDto } from './dto/invite-candidates.dto';
import { ListSessionsQueryDto } from './dto/list-sessions.query';
import { InvitedSessionDto, InvitedSessionListDto, SessionListDto } from './dto/session.dto';
import { SessionInvitations } from './session-invitations.service';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth('bearer')
@Controller('v1/interviews/:id/sessions')
export class InterviewSessionsController {
  constructor(
    private readonly invitations: SessionInvitations,
    private readonly sessions: SessionsService,
  ) {}

  @Post()
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Invite candidates to a published interview (their access tokens are shown once)',
    description:
      'Send `candidateName` and `candidateEmail` for one candidate (answers with the session), or `candidates` for up to 100 ' +
      '(answers with `items`; all are invited or none). Each session resolves its questions now, from its own draw seed.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The interview.' })
  @ApiExtraModels(InvitedSessionDto, InvitedSessionListDto)
  @ApiCreatedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(InvitedSessionDto) }, { $ref: getSchemaPath(InvitedSessionListDto) }] } })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  invite(@CurrentCaller() caller: Caller, @UuidParam('id') interviewId: string, @Body() body: InviteCandidatesDto): Promise<InvitedSessionDto | InvitedSessionListDto> {
    return this.invitations.invite(caller, interviewId, body);
  }

  @Get()
  @ApiOperation({ summary: 'List an interview’s sessions, newest first (never their tokens)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The interview.' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @UuidParam('id') interviewId: string, @Query() query: ListSessionsQueryDto): Promise<SessionListDto> {
    return this.sessions.list(caller, interviewId, query);
  }
}
