import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenPairDto } from '../auth/dto/token-pair.dto';
import { AuthRateLimitGuard } from '../auth/guards/auth-rate-limit.guard';
import { Public } from '../auth/public.decorator';
import { ApiProblems } from '../common/problem.dto';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { InvitationsService } from './invitations.service';

/** Lives with invitations, but sits beside login under /v1/auth: it is how invitees first get a session. */
@ApiTags('auth')
@Public()
@Controller('v1/auth')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept-invitation')
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({
    summary: 'Accept an invitation and log in',
    description: 'Creates the account when the invited email has none; otherwise the existing account’s password is required.',
  })
  @ApiCreatedResponse({ type: TokenPairDto, description: 'A session in the inviting organization.' })
  @ApiProblems(400, 401, 409, 413, 415, 429)
  accept(@Body() dto: AcceptInvitationDto): Promise<TokenPairDto> {
    return this.invitations.accept(dto);
  }
}
