import { Module } from '@nestjs/common';
import { QuestionEditsController } from './http/question-edits.controller';
import { QuestionImportController } from './http/question-import.controller';
import { QuestionReadsController } from './http/question-reads.controller';
import { QuestionImportService } from './import/question-import.service';
import { QuestionReadService } from './question-read.service';
import { QuestionSearchService } from './question-search.service';
import { QuestionWriteService } from './question-write.service';

@Module({
  // The import controller is registered first so its static path is never read as an id.
  controllers: [QuestionImportController, QuestionReadsController, QuestionEditsController],
  providers: [QuestionReadService, QuestionSearchService, QuestionWriteService, QuestionImportService],
  exports: [QuestionReadService, QuestionWriteService, QuestionImportService],
})
export class QuestionsModule {}
