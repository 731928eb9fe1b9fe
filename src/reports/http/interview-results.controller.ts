import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { InterviewResultsDto } from '../dto/interview-results.dto';
import { RESULTS_FORMATS, ResultsQueryDto } from '../dto/report-query.dto';
import { renderInterviewResults } from '../render';
import { ReportsService } from '../reports.service';
import { ApiDocumentResponse, sendDocument } from './document-responses';
import { negotiateFormat } from './negotiate';

@ApiTags('reports')
@ApiBearerAuth('bearer')
@Roles('owner', 'admin', 'interviewer', 'reviewer')
@Controller('v1/interviews')
export class InterviewResultsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/results')
  @ApiOperation({
    summary: 'Every session of an interview with status, automatic and reviewed points, pass/fail and the latest decision',
    description: 'Sortable with `sort`; `?format=csv` (or Accept: text/csv) exports it as RFC 4180 CSV.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Interview id.' })
  @ApiDocumentResponse(InterviewResultsDto, RESULTS_FORMATS, 'The results, in the negotiated format.')
  @ApiProblems(400, 401, 403, 404)
  async results(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: ResultsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InterviewResultsDto | string> {
    const format = negotiateFormat(query.format, accept, RESULTS_FORMATS);
    const results = await this.reports.interviewResults(caller, id, query.sort);
    void reply.header('Vary', 'Accept');
    return format === 'json' ? results : sendDocument(reply, renderInterviewResults(results));
  }
}
