import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings before validation, so a title of only spaces is as missing as none; other types pass through to fail validation. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * An optional field that, when present, must be valid: unlike @IsOptional(),
 * an explicit null is refused rather than skipped (it would otherwise reach a
 * non-null column).
 */
export const Omittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
