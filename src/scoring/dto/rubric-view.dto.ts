import { ApiProperty } from '@nestjs/swagger';
import { RUBRIC_SOURCES, type RubricSource } from '../../questions/content/question-content';
import { RubricDto } from './rubric.dto';

/** A question version's rubric. */
export class RubricViewDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'The question version the rubric belongs to.' })
  version!: number;

  @ApiProperty({ format: 'uuid', description: 'Id of that version; the ETag is this id in quotes.' })
  versionId!: string;

  @ApiProperty({ enum: RUBRIC_SOURCES, description: '`curated`: shipped with the bank; `suggested`: built from the model answer at import; `custom`: written through the API.' })
  source!: RubricSource;

  @ApiProperty({ type: RubricDto })
  rubric!: RubricDto;
}
