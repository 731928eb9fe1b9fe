import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { AuditTrailService } from '../audit-trail.service';
import { AuditTrailDto } from '../dto/audit-entry.dto';
import { REVIEW_ROLES } from '../review-roles';

@ApiTags('reviews')
@ApiBearerAuth('bearer')
@Controller('v1/sessions')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get(':id/audit')
  @Roles(...REVIEW_ROLES)
  @ApiOperation({
    summary: 'A session’s audit trail, oldest first',
    description: 'Owners, admins and reviewers. Who changed what, when, from what to what: overrides, decisions, comments, and any other recorded change to the session or its items.',
  })
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<AuditTrailDto> {
    return this.trail.forSession(caller, id);
  }
}
