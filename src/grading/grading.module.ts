import { Module, OnModuleInit } from '@nestjs/common';
import { GradingFaults } from './grading-faults';
import { GradingWorker } from './grading-worker';
import { RegradeController } from './http/regrade.controller';
import { SessionScoresController } from './http/session-scores.controller';
import { RegradeService } from './regrade.service';
import { SessionGrader } from './session-grader.service';
import { SessionScores } from './session-scores.service';

/**
 * Grading: the workers that score submitted sessions, re-grading, and the
 * scores of a session. `SessionScores.effectiveItemScores` and `totals.ts`
 * are what reports build on.
 */
@Module({
  controllers: [RegradeController, SessionScoresController],
  providers: [GradingFaults, SessionGrader, GradingWorker, RegradeService, SessionScores],
  exports: [SessionScores],
})
export class GradingModule implements OnModuleInit {
  constructor(private readonly worker: GradingWorker) {}

  async onModuleInit(): Promise<void> {
    await this.worker.register();
  }
}
