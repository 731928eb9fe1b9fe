import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { ApiProblems } from '../../common/problem.dto';
import { CalibrationService } from '../calibration.service';
import { CalibrationDto, CalibrationQueryDto } from '../dto/calibration.dto';
import { QuestionRefParam } from './question-ref-param';

@ApiTags('reviews')
@ApiBearerAuth('bearer')
@Controller('v1/questions')
export class CalibrationController {
  constructor(private readonly calibration: CalibrationService) {}

  @Get(':id/calibration')
  @ApiOperation({
    summary: 'How reviewers’ overrides compare with a question’s automatic scores',
    description:
      'Any member. Over your organization’s sessions only: how many items reviewers overrode, the mean absolute and signed differences, ' +
      'the correlation of automatic and reviewed fractions, and the concepts reviewers most often disagree with the engine about.',
  })
  @ApiParam({ name: 'id', description: 'Question id (UUID) or slug.' })
  @ApiOkResponse({ type: CalibrationDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @QuestionRefParam('id') idOrSlug: string, @Query() query: CalibrationQueryDto): Promise<CalibrationDto> {
    return this.calibration.forQuestion(caller, idOrSlug, query.version);
  }
}
