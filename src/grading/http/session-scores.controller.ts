import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { SessionScoresDto } from '../dto/session-scores.dto';
import { SessionScores } from '../session-scores.service';

@ApiTags('grading')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class SessionScoresController {
  constructor(private readonly scores: SessionScores) {}

  @Get(':id/scores')
  @ApiOperation({
    summary: 'A session’s scores: per item the current automatic score with its evidence, its history, and any reviewer override',
    description: 'Readable by every member of the organization, reviewers included. Items are in session order; history is newest first.',
  })
  @ApiOkResponse({ type: SessionScoresDto })
  @ApiProblems(400, 401, 404)
  view(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<SessionScoresDto> {
    return this.scores.view(caller, id);
  }
}
