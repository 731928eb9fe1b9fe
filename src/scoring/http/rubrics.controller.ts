import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { ApiIfMatch, ETAG_HEADER } from '../../questions/http/etag.decorators';
import { RubricDto } from '../dto/rubric.dto';
import { RubricViewDto } from '../dto/rubric-view.dto';
import { RubricService } from '../rubric.service';
import { withVersionEtag } from './rubric-etag';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller('v1/questions/:id/rubric')
export class RubricsController {
  constructor(private readonly rubrics: RubricService) {}

  @Get()
  @ApiOperation({ summary: 'Get the rubric of a question’s current version', description: 'Library rubrics are readable by every organization.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RubricViewDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 404)
  async get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RubricViewDto> {
    return withVersionEtag(reply, await this.rubrics.get(caller, id));
  }

  @Put()
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Replace a question’s rubric',
    description:
      'The body is a rubric document (see the scoring README). Every problem is reported at once, each with a JSON Pointer. ' +
      'A changed rubric creates a new immutable question version (source `custom`); an identical one creates nothing. Library questions are read-only: fork them.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: RubricDto })
  @ApiOkResponse({ type: RubricViewDto, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 404, 412, 413, 415, 428)
  async replace(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    // Typed `unknown` so the global ValidationPipe leaves it alone: the engine validates rubrics.
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RubricViewDto> {
    return withVersionEtag(reply, await this.rubrics.replace(caller, id, ifMatch, body));
  }
}
