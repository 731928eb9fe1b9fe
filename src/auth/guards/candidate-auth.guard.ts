import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '../../common/problem';

/**
 * Runs the 'candidate' passport strategy (registered by the sessions module).
 * Applied only through @CandidateRoute().
 */
@Injectable()
export class CandidateAuthGuard extends AuthGuard('candidate') {
  override handleRequest<TUser>(error: unknown, candidate: TUser | false): TUser {
    if (error) throw error;
    if (!candidate) {
      throw new ProblemException('unauthenticated', 'Send your candidate access token as `Authorization: Bearer assay_cs_…`.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="assay-candidate"' },
      });
    }
    return candidate;
  }
}
