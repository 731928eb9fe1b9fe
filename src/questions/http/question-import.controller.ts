import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ApiProblems } from '../../common/problem.dto';
import { ImportQuestionsDto, ImportReportDto } from '../dto/import.dto';
import { QuestionImportService } from '../import/question-import.service';
import { toImportReportDto } from '../question.mapper';

@ApiTags('questions')
@ApiBearerAuth()
@Controller('v1/questions/import')
export class QuestionImportController {
  constructor(private readonly importer: QuestionImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('owner', 'admin', 'interviewer')
  @ApiOperation({
    summary: 'Import an interview document into your organization',
    description: 'Matches questions by slug: new ones are created, changed ones get a new version, unchanged ones are left alone. All or nothing.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiProblems(400, 401, 403, 413, 415)
  async import(@CurrentCaller() caller: Caller, @Body() body: ImportQuestionsDto): Promise<ImportReportDto> {
    return toImportReportDto(await this.importer.importDocument(caller, body.document));
  }
}
