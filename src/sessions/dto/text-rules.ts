import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * PostgreSQL text cannot hold U+0000; letting one through would fail at the
 * database (a 500) instead of telling the client what is wrong.
 */
export const NoNullCharacter = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'noNullCharacter',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not contain the NUL character (U+0000)`,
      },
    },
    options,
  );

/** A size limit in UTF-8 bytes, which is what storage and bandwidth pay for (MaxLength counts UTF-16 units). */
export const MaxUtf8Bytes = (limit: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [limit],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || Buffer.byteLength(value, 'utf8') <= limit,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be at most ${limit} bytes of UTF-8`,
      },
    },
    options,
  );
