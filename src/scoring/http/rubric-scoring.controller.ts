import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { PreviewRubricDto, RubricPreviewDto } from '../dto/preview.dto';
import { SuggestedRubricDto, SuggestRubricDto } from '../dto/suggest.dto';
import { RubricScoringService } from '../rubric-scoring.service';
import { RubricSuggestionService } from '../rubric-suggestion.service';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller('v1/questions/:id/rubric')
export class RubricScoringController {
  constructor(
    private readonly scoring: RubricScoringService,
    private readonly suggestions: RubricSuggestionService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer', 'reviewer')
  @ApiOperation({
    summary: 'Score an answer with the question’s rubric (or a draft) and explain the score',
    description: 'Nothing is saved. Every matched concept and misconception carries its evidence as UTF-16 offsets into the answer.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RubricPreviewDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  preview(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: PreviewRubricDto): Promise<RubricPreviewDto> {
    return this.scoring.preview(caller, id, body);
  }

  @Post('suggest')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Suggest a rubric from the question’s model answer',
    description: 'Concepts are the model answer’s most specific words and phrases, weighed against every model answer you can see. Not saved: review it, then PUT it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: SuggestRubricDto, required: false })
  @ApiOkResponse({ type: SuggestedRubricDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  suggest(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: SuggestRubricDto): Promise<SuggestedRubricDto> {
    // The body is optional: without one, Nest passes undefined (after validating it as {}).
    return this.suggestions.suggest(caller, id, body ?? {});
  }
}
