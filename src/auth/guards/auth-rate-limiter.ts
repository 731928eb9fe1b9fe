import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FixedWindowLimiter, LimitVerdict } from './fixed-window-limiter';

/** One shared budget store for the credential-taking routes, so every module's guard counts in the same place. */
@Injectable()
export class AuthRateLimiter {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new FixedWindowLimiter(config.authRateLimitPerMinute, 60_000);
  }

  hit(route: string, clientIp: string): LimitVerdict {
    return this.limiter.hit(`${route} ${clientIp}`);
  }
}
