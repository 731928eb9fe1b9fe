import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InvitationAcceptanceController } from './invitation-acceptance.controller';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [AuthModule],
  controllers: [MembersController, InvitationsController, InvitationAcceptanceController],
  providers: [MembersService, InvitationsService],
})
export class MembersModule {}
