import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews/interviews.module';
import { AnswerDrafts } from './candidate/answer-drafts.service';
import { CandidateAuthenticator } from './candidate/candidate-authenticator';
import { CandidateSessionController } from './candidate/candidate-session.controller';
import { CandidateSessionService } from './candidate/candidate-session.service';
import { CandidateStrategy } from './candidate/candidate.strategy';
import { InterviewSessionsController } from './interview-sessions.controller';
import { SessionDeadlines } from './session-deadlines';
import { SessionInvitations } from './session-invitations.service';
import { SessionRecovery } from './session-recovery';
import { SessionSubmission } from './session-submission';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/** Candidate sessions: invitations, the candidate API and its token strategy, submission and deadline finalisation. */
@Module({
  imports: [InterviewsModule],
  controllers: [InterviewSessionsController, SessionsController, CandidateSessionController],
  providers: [
    AnswerDrafts,
    CandidateAuthenticator,
    CandidateSessionService,
    CandidateStrategy,
    SessionDeadlines,
    SessionInvitations,
    SessionRecovery,
    SessionSubmission,
    SessionsService,
  ],
  exports: [SessionSubmission],
})
export class SessionsModule {}
