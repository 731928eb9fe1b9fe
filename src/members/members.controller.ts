import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../auth/uuid-param';
import { ApiProblems } from '../common/problem.dto';
import { AddMemberDto } from './dto/add-member.dto';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreatedInvitationDto } from './dto/invitation.dto';
import { MemberDto, MemberListDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth('bearer')
@Controller('v1/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'List the organization’s members' })
  @ApiOkResponse({ type: MemberListDto })
  @ApiProblems(401)
  list(@CurrentCaller() caller: Caller): Promise<MemberListDto> {
    return this.members.list(caller);
  }

  @Post()
  @Roles('owner', 'admin')
  @ApiOperation({
    summary: 'Add a member, or invite them',
    description: 'An email with an account joins at once (201, the member). Any other email gets an invitation (202, with its one-time token).',
  })
  @ApiCreatedResponse({ type: MemberDto, description: 'The account was added.' })
  @ApiAcceptedResponse({ type: CreatedInvitationDto, description: 'No account has this email: an invitation was created.' })
  @ApiProblems(400, 401, 403, 409, 413, 415)
  async add(@CurrentCaller() caller: Caller, @Body() dto: AddMemberDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<MemberDto | CreatedInvitationDto> {
    const outcome = await this.members.add(caller, dto);
    if (outcome.kind === 'member') return outcome.member;
    void reply.status(HttpStatus.ACCEPTED);
    return outcome.invitation;
  }

  @Patch(':userId')
  @Roles('owner', 'admin')
  @ApiOperation({ summary: 'Change a member’s role' })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  changeRole(@CurrentCaller() caller: Caller, @UuidParam('userId') userId: string, @Body() dto: ChangeRoleDto): Promise<MemberDto> {
    return this.members.changeRole(caller, userId, dto);
  }

  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('owner', 'admin')
  @ApiOperation({ summary: 'Remove a member', description: 'Their access tokens stop working at once and their sessions in this organization end.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@CurrentCaller() caller: Caller, @UuidParam('userId') userId: string): Promise<void> {
    await this.members.remove(caller, userId);
  }
}
