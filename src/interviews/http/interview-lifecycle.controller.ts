import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { InterviewDto } from '../dto/interview.dto';
import { InterviewPreviewDto, PreviewQueryDto } from '../dto/preview.dto';
import { ReplaceItemsDto } from '../dto/replace-items.dto';
import { InterviewLifecycleService } from '../interview-lifecycle.service';
import { InterviewWriteService } from '../interview-write.service';
import { InterviewsService } from '../interviews.service';

@ApiTags('interviews')
@ApiBearerAuth('bearer')
@Controller('v1/interviews/:id')
export class InterviewLifecycleController {
  constructor(
    private readonly writer: InterviewWriteService,
    private readonly lifecycle: InterviewLifecycleService,
    private readonly interviews: InterviewsService,
  ) {}

  @Put('items')
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Replace a draft’s items',
    description: 'Explicit questions must be library or your organization’s questions, not archived; draw rules must find enough questions now. Problems name each field (400).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  replaceItems(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: ReplaceItemsDto): Promise<InterviewDto> {
    return this.writer.replaceItems(caller, id, body);
  }

  @Post('publish')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Publish a draft',
    description: 'Pins each explicit item to its question’s current version. Needs at least one item, a rubric on every pinned version (409: `errors` points at each such item and `questionsWithoutRubric` lists the question ids) and draw rules the bank can still satisfy. Publishing again changes nothing.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<InterviewDto> {
    return this.lifecycle.publish(caller, id);
  }

  @Post('archive')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Archive a published interview', description: 'It keeps its sessions and reports but accepts no new sessions. Archiving again changes nothing.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  archive(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<InterviewDto> {
    return this.lifecycle.archive(caller, id);
  }

  @Post('duplicate')
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Copy an interview into a new draft', description: 'Same fields and items, version pins dropped; `duplicatedFromId` names the original. This is how a published interview is changed.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 404)
  duplicate(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<InterviewDto> {
    return this.lifecycle.duplicate(caller, id);
  }

  @Get('preview')
  @ApiOperation({
    summary: 'See exactly what a candidate would see',
    description: 'Items resolved with `seed` (default: a fixed preview seed), in the candidate API’s shape: no rubric, model answer or probe answer. Drafts use their questions’ current versions.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewPreviewDto })
  @ApiProblems(400, 401, 404, 409)
  preview(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Query() query: PreviewQueryDto): Promise<InterviewPreviewDto> {
    return this.interviews.preview(caller, id, query.seed);
  }
}
