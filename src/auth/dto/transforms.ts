import { Transform } from 'class-transformer';

/**
 * Emails are stored lower-cased (users.email is unique on that form), so
 * "Ana@Example.com" and "ana@example.com" are one account.
 */
export const NormalizeEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Leading and trailing blanks are never meaningful in names. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Upper bound on passwords: argon2 accepts any length, but a 1 MB password is an attack, not a secret. */
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_MIN_LENGTH = 12;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
