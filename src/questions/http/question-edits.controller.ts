import { Body, Controller, Delete, Headers, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { Roles } from '../../auth/roles.decorator';
import { ApiProblems } from '../../common/problem.dto';
import { etagFor } from '../content/etag';
import { CreateQuestionDto } from '../dto/create-question.dto';
import { QuestionDto } from '../dto/question.dto';
import { UpdateQuestionDto } from '../dto/update-question.dto';
import { QuestionWriteService } from '../question-write.service';
import { ApiIfMatch, ETAG_HEADER } from './etag.decorators';

@ApiTags('questions')
@ApiBearerAuth()
@Roles('owner', 'admin', 'interviewer')
@Controller('v1/questions')
export class QuestionEditsController {
  constructor(private readonly writer: QuestionWriteService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organization question (version 1)' })
  @ApiCreatedResponse({ type: QuestionDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 409, 413, 415)
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateQuestionDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<QuestionDto> {
    return withEtag(reply, await this.writer.create(caller, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a question', description: 'A change creates a new immutable version; an unchanged body creates nothing. Library questions are read-only: fork them.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiOkResponse({ type: QuestionDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 404, 412, 413, 415, 428)
  async update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateQuestionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuestionDto> {
    return withEtag(reply, await this.writer.update(caller, id, ifMatch, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive a question', description: 'Hidden from lists (unless `archived=true`), still readable by id.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Archived.' })
  @ApiProblems(400, 401, 403, 404)
  async archive(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    await this.writer.archive(caller, id);
  }

  @Post(':id/fork')
  @ApiOperation({ summary: 'Copy a question (typically from the library) into your organization', description: 'The copy keeps the slug when it is free, otherwise gets -2, -3, …' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: QuestionDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 404)
  async fork(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<QuestionDto> {
    return withEtag(reply, await this.writer.fork(caller, id));
  }
}

function withEtag(reply: FastifyReply, question: QuestionDto): QuestionDto {
  void reply.header('ETag', etagFor(question.versionId));
  return question;
}
