import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';

export const ITEM_KINDS = ['question', 'draw'] as const;
export type ItemKindName = (typeof ITEM_KINDS)[number];

const kindOf = (args?: ValidationArguments): unknown => (args?.object as { kind?: unknown } | undefined)?.kind;

/**
 * The field belongs to items of `kind` only. An unknown kind is reported on
 * `kind` itself, so it does not also make every field "not allowed".
 */
function AllowedOnlyFor(kind: ItemKindName) {
  return ValidateBy({
    name: 'allowedOnlyForKind',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => {
        const actual = kindOf(args);
        return actual === kind || !ITEM_KINDS.includes(actual as ItemKindName);
      },
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'this field'} is only allowed on ${kind} items`,
    },
  });
}

/** Required on items of `kind`, refused on the others; the given validators check the value. */
export const RequiredFor = (kind: ItemKindName, ...validators: PropertyDecorator[]) =>
  applyDecorators(
    ValidateIf((item: Record<string, unknown>, value: unknown) => item.kind === kind || value !== undefined),
    AllowedOnlyFor(kind),
    ...validators,
  );

/** Optional on items of `kind`, refused on the others. */
export const OptionalFor = (kind: ItemKindName, ...validators: PropertyDecorator[]) =>
  applyDecorators(
    ValidateIf((_item: unknown, value: unknown) => value !== undefined),
    AllowedOnlyFor(kind),
    ...validators,
  );
