import { Controller, Delete, Get, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../auth/uuid-param';
import { ApiProblems } from '../common/problem.dto';
import { InvitationListDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@ApiBearerAuth('bearer')
@Roles('owner', 'admin')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({ summary: 'List invitations, newest first (tokens are never shown again)' })
  @ApiOkResponse({ type: InvitationListDto })
  @ApiProblems(401, 403)
  list(@CurrentCaller() caller: Caller): Promise<InvitationListDto> {
    return this.invitations.list(caller);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an invitation' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiProblems(400, 401, 403, 404, 409)
  async revoke(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    await this.invitations.revoke(caller, id);
  }
}
