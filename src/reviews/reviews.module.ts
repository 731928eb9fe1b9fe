import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { AuditTrailService } from './audit-trail.service';
import { CalibrationService } from './calibration.service';
import { CommentsService } from './comments.service';
import { DecisionsService } from './decisions.service';
import { AuditTrailController } from './http/audit-trail.controller';
import { CalibrationController } from './http/calibration.controller';
import { CommentsController } from './http/comments.controller';
import { DecisionsController } from './http/decisions.controller';
import { OverridesController } from './http/overrides.controller';
import { OverridesService } from './overrides.service';
import { ReviewsService } from './reviews.service';

/** Review of graded sessions: overrides, comments, decisions, the audit trail, and rubric calibration. */
@Module({
  imports: [QuestionsModule],
  controllers: [OverridesController, CommentsController, DecisionsController, AuditTrailController, CalibrationController],
  providers: [OverridesService, CommentsService, DecisionsService, AuditTrailService, CalibrationService, ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
