import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CandidateRoute } from '../../auth/candidate-route.decorator';
import { ApiProblems } from '../../common/problem.dto';
import { CandidateSessionDto, SavedAnswerDto } from '../dto/candidate-session.dto';
import { SaveAnswerDto } from '../dto/save-answer.dto';
import { AnswerDrafts } from './answer-drafts.service';
import { CurrentCandidate, type CandidateCaller } from './candidate-caller';
import { CandidateSessionService } from './candidate-session.service';
import { MAX_POSITION, PositionParam } from './position-param';

/** The candidate's API. No route takes a session id: the token names the one session it opens. */
@ApiTags('candidate')
@CandidateRoute()
@Controller('v1/candidate/session')
export class CandidateSessionController {
  constructor(
    private readonly sessions: CandidateSessionService,
    private readonly drafts: AnswerDrafts,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your session: instructions, deadline, the questions (once started) and your saved drafts' })
  @ApiOkResponse({ type: CandidateSessionDto })
  @ApiProblems(401)
  view(@CurrentCandidate() candidate: CandidateCaller): Promise<CandidateSessionDto> {
    return this.sessions.view(candidate);
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the clock (idempotent): the server sets your deadline' })
  @ApiOkResponse({ type: CandidateSessionDto })
  @ApiProblems(400, 401, 409, 413, 415)
  start(@CurrentCandidate() candidate: CandidateCaller): Promise<CandidateSessionDto> {
    return this.sessions.start(candidate);
  }

  @Put('answers/:position')
  @ApiOperation({
    summary: 'Save a draft answer',
    description:
      'Every change is kept as a new revision; the same text again stores nothing. Refused with 409 `deadline-passed` after the deadline ' +
      'and its grace (drafts saved before then are kept and graded), and with `revision-conflict` when `baseRevision` is stale.',
  })
  @ApiParam({ name: 'position', schema: { type: 'integer', minimum: 0, maximum: MAX_POSITION } })
  @ApiOkResponse({ type: SavedAnswerDto })
  @ApiProblems(400, 401, 404, 409, 413, 415)
  save(@CurrentCandidate() candidate: CandidateCaller, @PositionParam('position') position: number, @Body() body: SaveAnswerDto): Promise<SavedAnswerDto> {
    return this.drafts.save(candidate, position, body);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit your answers for grading (idempotent)', description: 'After the deadline this finalises the session with the drafts saved in time.' })
  @ApiOkResponse({ type: CandidateSessionDto })
  @ApiProblems(400, 401, 409, 413, 415)
  submit(@CurrentCandidate() candidate: CandidateCaller): Promise<CandidateSessionDto> {
    return this.sessions.submit(candidate);
  }
}
