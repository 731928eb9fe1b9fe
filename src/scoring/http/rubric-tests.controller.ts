import { Body, Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { ApiIfMatch, ETAG_HEADER } from '../../questions/http/etag.decorators';
import { RubricTestCaseDto } from '../dto/rubric-test-case.dto';
import { RubricTestListDto, RubricTestReportDto, RunRubricTestsDto } from '../dto/rubric-tests.dto';
import { RubricScoringService } from '../rubric-scoring.service';
import { RubricService } from '../rubric.service';
import { withVersionEtag } from './rubric-etag';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller('v1/questions/:id/rubric/tests')
export class RubricTestsController {
  constructor(
    private readonly rubrics: RubricService,
    private readonly scoring: RubricScoringService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the test cases of a question’s rubric' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RubricTestListDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 404)
  async list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RubricTestListDto> {
    return withVersionEtag(reply, await this.rubrics.listTests(caller, id));
  }

  @Post()
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Add a test case to a question’s rubric',
    description: 'Creates a new question version whose rubric (source `custom`) has the case appended. Ids in `expect` must exist in the rubric.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiCreatedResponse({ type: RubricTestListDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 428)
  async add(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RubricTestCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RubricTestListDto> {
    return withVersionEtag(reply, await this.rubrics.addTest(caller, id, ifMatch, body));
  }

  @Post('run')
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer', 'reviewer')
  @ApiOperation({
    summary: 'Run the rubric’s test cases',
    description: 'Scores every case’s answer and compares it with its expectations. `agreement` is the share of passing cases. Send `rubric` to run a draft’s cases instead.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: RunRubricTestsDto, required: false })
  @ApiOkResponse({ type: RubricTestReportDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  run(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() body: RunRubricTestsDto): Promise<RubricTestReportDto> {
    // The body is optional: without one, Nest passes undefined (after validating it as {}).
    return this.scoring.runTests(caller, id, body ?? {});
  }
}
