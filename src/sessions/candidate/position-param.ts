import { Param, PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../common/problem';

/** Above this a number is not an item position (and would overflow the int column). */
export const MAX_POSITION = 100_000;

/** Digits only: ParseIntPipe would let through "-1", "+1" and " 1". */
class PositionPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const position = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(position <= MAX_POSITION)) {
      throw new ProblemException('validation-failed', `The path parameter ${this.name} must be an integer from 0 to ${MAX_POSITION}.`, {
        errors: [{ pointer: `path:${this.name}`, detail: `${this.name} must be an integer from 0 to ${MAX_POSITION}` }],
      });
    }
    return position;
  }
}

export const PositionParam = (name: string) => Param(name, new PositionPipe(name));
