import { Module } from '@nestjs/common';
import { InterviewLifecycleController } from './http/interview-lifecycle.controller';
import { InterviewsController } from './http/interviews.controller';
import { InterviewLifecycleService } from './interview-lifecycle.service';
import { InterviewReadService } from './interview-read.service';
import { InterviewWriteService } from './interview-write.service';
import { InterviewsService } from './interviews.service';

/** Interviews: drafts, publishing (version pins), archiving, duplicating, previews, and the per-candidate item resolution sessions use. */
@Module({
  controllers: [InterviewsController, InterviewLifecycleController],
  providers: [InterviewReadService, InterviewWriteService, InterviewLifecycleService, InterviewsService],
  exports: [InterviewsService],
})
export class InterviewsModule {}
