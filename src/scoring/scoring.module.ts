import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { RubricScoringController } from './http/rubric-scoring.controller';
import { RubricTestsController } from './http/rubric-tests.controller';
import { RubricsController } from './http/rubrics.controller';
import { RubricScoringService } from './rubric-scoring.service';
import { RubricSuggestionService } from './rubric-suggestion.service';
import { RubricService } from './rubric.service';

/** The rubric API: reading and writing a question's rubric, previews, suggestions and rubric test cases. */
@Module({
  imports: [QuestionsModule],
  controllers: [RubricsController, RubricScoringController, RubricTestsController],
  providers: [RubricService, RubricScoringService, RubricSuggestionService],
  exports: [RubricScoringService],
})
export class ScoringModule {}
