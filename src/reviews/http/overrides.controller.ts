import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { RemoveOverrideDto, ScoreOverrideDto, ScoreOverrideListDto, SetOverrideDto } from '../dto/override.dto';
import { OverridesService } from '../overrides.service';
import { REVIEW_ROLES } from '../review-roles';
import { MAX_POSITION, PositionParam } from './position-param';

@ApiTags('reviews')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class OverridesController {
  constructor(private readonly overrides: OverridesService) {}

  @Put(':id/items/:position/override')
  @Roles(...REVIEW_ROLES)
  @ApiOperation({
    summary: 'Override an item’s points',
    description:
      'Owners, admins and reviewers. Only items of graded sessions. The new override becomes current; earlier ones stay in the history, ' +
      'and the audit trail records the points before and after. Sending the current override again changes nothing.',
  })
  @ApiParam({ name: 'position', schema: { type: 'integer', minimum: 0, maximum: MAX_POSITION }, description: 'The item’s position in the session.' })
  @ApiOkResponse({ type: ScoreOverrideDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  set(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @PositionParam('position') position: number, @Body() dto: SetOverrideDto): Promise<ScoreOverrideDto> {
    return this.overrides.set(caller, id, position, dto);
  }

  @Delete(':id/items/:position/override')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles(...REVIEW_ROLES)
  @ApiOperation({
    summary: 'Remove an item’s override',
    description: 'Owners, admins and reviewers; the body gives the reason. The item counts its automatic points again; the override stays in the history.',
  })
  @ApiParam({ name: 'position', schema: { type: 'integer', minimum: 0, maximum: MAX_POSITION }, description: 'The item’s position in the session.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async remove(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @PositionParam('position') position: number, @Body() dto: RemoveOverrideDto): Promise<void> {
    await this.overrides.remove(caller, id, position, dto);
  }

  @Get(':id/overrides')
  @ApiOperation({ summary: 'Every override of a session, current and past', description: 'Any member of the organization.' })
  @ApiOkResponse({ type: ScoreOverrideListDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<ScoreOverrideListDto> {
    return this.overrides.list(caller, id);
  }
}
