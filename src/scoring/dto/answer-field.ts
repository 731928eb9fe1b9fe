import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';
import { isAnswerTooLong, MAX_ANSWER_BYTES } from '../answer-limits';

/**
 * A candidate-style answer: any string up to 100 KB of UTF-8. Counted with
 * Buffer.byteLength because class-validator's byte length throws on lone
 * surrogates, which JSON may legally carry.
 */
export const AnswerField = () =>
  applyDecorators(
    IsString(),
    ValidateBy({
      name: 'maxAnswerBytes',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isAnswerTooLong(value),
        defaultMessage: () => `must be at most ${MAX_ANSWER_BYTES} bytes (100 KB) of UTF-8`,
      },
    }),
  );

export const ANSWER_PROPERTY = {
  maxLength: MAX_ANSWER_BYTES,
  description: 'The answer text; at most 100 KB (102,400 bytes) of UTF-8. The engine scores its first 32,768 characters and flags the rest as truncated.',
} as const;
