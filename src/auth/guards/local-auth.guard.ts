import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '../../common/problem';
import { createValidationPipe } from '../../common/validation';
import { LoginDto } from '../dto/login.dto';

/**
 * Runs passport-local for /v1/auth/login. Guards run before pipes, so the
 * body is validated here first: malformed input is a 400 naming the field,
 * never a credentials failure, and the strategy sees the normalised email.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    request.body = await this.validation.transform(request.body, { type: 'body', metatype: LoginDto });
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new ProblemException('invalid-credentials', 'The email or password is incorrect.');
    return user;
  }
}
