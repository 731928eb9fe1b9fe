import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { Accounts, VerifiedUser } from '../accounts.service';

/** Email + password → the user they belong to (login only). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly accounts: Accounts) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<VerifiedUser> {
    return this.accounts.verifyCredentials(email, password);
  }
}
