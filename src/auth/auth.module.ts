import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Accounts } from './accounts.service';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { AuthController } from './auth.controller';
import { CallerAuthenticator } from './caller-authenticator';
import { AuthRateLimiter } from './guards/auth-rate-limiter';
import { BearerAuthGuard } from './guards/bearer-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PasswordHasher } from './passwords';
import { BearerStrategy } from './strategies/bearer.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { AccessTokens } from './tokens/access-tokens';
import { Sessions } from './tokens/sessions';

/**
 * Accounts, sessions and the two global guards. Order matters: Nest runs
 * APP_GUARDs in registration order, and roles need the authenticated caller.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    Accounts,
    AccessTokens,
    ApiKeyAuthenticator,
    AuthRateLimiter,
    CallerAuthenticator,
    MeService,
    PasswordHasher,
    Sessions,
    BearerStrategy,
    LocalStrategy,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthRateLimiter, PasswordHasher, Sessions],
})
export class AuthModule {}
