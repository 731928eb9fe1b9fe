import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { DecisionsService } from '../decisions.service';
import { CreateDecisionDto, DecisionDto, DecisionListDto } from '../dto/decision.dto';
import { REVIEW_ROLES } from '../review-roles';

@ApiTags('reviews')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post(':id/decisions')
  @Roles(...REVIEW_ROLES)
  @ApiOperation({
    summary: 'Record a decision: advance, hold or reject',
    description: 'Owners, admins and reviewers, once the session is submitted. The newest decision is current; earlier ones stay. Publishes `review.decided`.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  create(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() dto: CreateDecisionDto): Promise<DecisionDto> {
    return this.decisions.create(caller, id, dto);
  }

  @Get(':id/decisions')
  @ApiOperation({ summary: 'A session’s decisions: the current one and the history', description: 'Any member of the organization.' })
  @ApiOkResponse({ type: DecisionListDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<DecisionListDto> {
    return this.decisions.list(caller, id);
  }
}
