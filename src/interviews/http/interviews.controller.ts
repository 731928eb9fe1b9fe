import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { CreateInterviewDto } from '../dto/create-interview.dto';
import { InterviewDto, InterviewListDto } from '../dto/interview.dto';
import { ListInterviewsQueryDto } from '../dto/list-interviews.query';
import { UpdateInterviewDto } from '../dto/update-interview.dto';
import { InterviewReadService } from '../interview-read.service';
import { InterviewWriteService } from '../interview-write.service';

@ApiTags('interviews')
@ApiBearerAuth('bearer')
@Controller('v1/interviews')
export class InterviewsController {
  constructor(
    private readonly reader: InterviewReadService,
    private readonly writer: InterviewWriteService,
  ) {}

  @Post()
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Create a draft interview', description: 'Items are optional here and can be replaced later with PUT /v1/interviews/{id}/items.' })
  @ApiCreatedResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 413, 415)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateInterviewDto): Promise<InterviewDto> {
    return this.writer.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List your organization’s interviews, newest first' })
  @ApiOkResponse({ type: InterviewListDto })
  @ApiProblems(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListInterviewsQueryDto): Promise<InterviewListDto> {
    return this.reader.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an interview with its items' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<InterviewDto> {
    return this.reader.get(caller, id);
  }

  @Patch(':id')
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Edit a draft’s title, description, time limit or passing threshold', description: 'Published interviews are immutable (409): duplicate them and edit the copy.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InterviewDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  update(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: UpdateInterviewDto): Promise<InterviewDto> {
    return this.writer.update(caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({ summary: 'Delete a draft', description: 'Published interviews are archived instead (409 here).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    await this.writer.remove(caller, id);
  }
}
