import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { etagFor } from '../content/etag';
import { ListQuestionsQueryDto } from '../dto/list-questions.query';
import { QuestionDto } from '../dto/question.dto';
import { QuestionListDto } from '../dto/question-list.dto';
import { QuestionVersionListDto } from '../dto/question-version.dto';
import { QuestionReadService } from '../question-read.service';
import { QuestionSearchService } from '../question-search.service';
import { ETAG_HEADER } from './etag.decorators';

@ApiTags('questions')
@ApiBearerAuth()
@Controller('v1/questions')
export class QuestionReadsController {
  constructor(
    private readonly search: QuestionSearchService,
    private readonly reader: QuestionReadService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List and search questions', description: 'Your organization’s questions and the library. Ranked by relevance with `q`; otherwise by section, then slug.' })
  @ApiOkResponse({ type: QuestionListDto })
  @ApiProblems(400, 401)
  list(@CurrentCaller() caller: Caller, @Query() query: ListQuestionsQueryDto): Promise<QuestionListDto> {
    return this.search.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a question by id or slug', description: 'A slug finds your organization’s question before the library’s. Archived questions stay readable.' })
  @ApiParam({ name: 'id', description: 'Question id (UUID) or slug.' })
  @ApiOkResponse({ type: QuestionDto, headers: ETAG_HEADER })
  @ApiProblems(401, 404)
  async get(@CurrentCaller() caller: Caller, @Param('id') idOrSlug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<QuestionDto> {
    const question = await this.reader.get(caller, idOrSlug);
    void reply.header('ETag', etagFor(question.versionId));
    return question;
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every version of a question, newest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuestionVersionListDto })
  @ApiProblems(400, 401, 404)
  versions(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<QuestionVersionListDto> {
    return this.reader.versions(caller, id);
  }
}
