import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Trims strings before validation, so a reason of only spaces is as missing as no reason; other types pass through to fail validation. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** PostgreSQL text cannot hold U+0000: refuse it as bad input instead of failing in the driver. */
export const NoNulCharacter = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'noNulCharacter',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not contain the NUL character (U+0000)`,
      },
    },
    options,
  );
