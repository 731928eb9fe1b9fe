import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes). */
const HASH_OPTIONS = { type: argon2.argon2id } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /**
   * A hash of a random password, made with the same parameters as real ones.
   * Checking a password against it when the email is unknown makes that
   * answer take as long as a wrong password for a real account.
   */
  private dummyHash: Promise<string> | undefined;

  /** Made at startup, so even the first unknown-email login costs one verification, not a hash plus one. */
  async onModuleInit(): Promise<void> {
    await this.getDummyHash();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, HASH_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A corrupt stored hash must not turn into a 500 that tells it apart.
      return false;
    }
  }

  /** Spends the time of one verification, for callers that must not reveal that no account matched. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await this.verify(await this.getDummyHash(), password);
    return false;
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= argon2.hash(randomBytes(32).toString('base64url'), HASH_OPTIONS);
    return this.dummyHash;
  }
}
