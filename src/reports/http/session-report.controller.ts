import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { REPORT_FORMATS, ReportQueryDto } from '../dto/report-query.dto';
import { SessionReportDto } from '../dto/session-report.dto';
import { renderSessionReport } from '../render';
import { ReportsService } from '../reports.service';
import { ApiDocumentResponse, sendDocument } from './document-responses';
import { negotiateFormat } from './negotiate';

@ApiTags('reports')
@ApiBearerAuth('bearer')
// Every organization role reads reports; naming them keeps out any other kind of caller (candidates).
@Roles('owner', 'admin', 'interviewer', 'reviewer')
@Controller('v1/sessions')
export class SessionReportController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report')
  @ApiOperation({
    summary: 'A candidate session’s report: totals, pass/fail, per-question evidence, breakdowns and percentile',
    description:
      'Automatic and reviewed (overridden) points side by side. JSON by default; `?format=` (or Accept: text/csv, text/markdown, text/html) ' +
      'gives CSV (one row per item plus a totals row), Markdown, or a self-contained printable HTML page with an SVG chart.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Session id.' })
  @ApiDocumentResponse(SessionReportDto, REPORT_FORMATS, 'The report, in the negotiated format.')
  @ApiProblems(400, 401, 403, 404)
  async report(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionReportDto | string> {
    const format = negotiateFormat(query.format, accept, REPORT_FORMATS);
    const report = await this.reports.sessionReport(caller, id);
    void reply.header('Vary', 'Accept');
    return format === 'json' ? report : sendDocument(reply, renderSessionReport(report, format));
  }
}
