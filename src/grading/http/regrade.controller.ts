import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { RegradeAcceptedDto, RegradeDto } from '../dto/regrade.dto';
import { RegradeService } from '../regrade.service';

@ApiTags('grading')
@ApiBearerAuth('bearer')
@Controller('v1/interviews')
export class RegradeController {
  constructor(private readonly regrades: RegradeService) {}

  @Post(':id/regrade')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Re-grade an interview’s sessions with their questions’ current rubrics',
    description:
      'Re-pins each item of each submitted or graded session to its question’s current version (probes keep their rubric unless their question changed) and queues grading. ' +
      'Earlier scores are kept as history; reviewer overrides stay and are flagged (`autoScoreChanged`) when the automatic points move.',
  })
  @ApiAcceptedResponse({ type: RegradeAcceptedDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  regrade(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: RegradeDto): Promise<RegradeAcceptedDto> {
    return this.regrades.regrade(caller, id, body);
  }
}
