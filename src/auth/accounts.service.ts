import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { SignupDto } from './dto/signup.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { PasswordHasher } from './passwords';
import { Sessions } from './tokens/sessions';
import { isUniqueViolation } from './unique-violation';

export interface VerifiedUser {
  userId: string;
}

/** Deliberately one message for "no such email" and "wrong password". */
const INVALID_CREDENTIALS = 'The email or password is incorrect.';

@Injectable()
export class Accounts {
  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  /** Creates an organization with the new user as its owner, and logs them in. */
  async signUp(dto: SignupDto): Promise<TokenPairDto> {
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const organization = await tx.organization.create({ data: { name: dto.organizationName } });
        const user = await tx.user.create({ data: { email: dto.email, name: dto.name, passwordHash } });
        await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: 'owner' } });
        return this.sessions.start(tx, { userId: user.id, organizationId: organization.id, role: 'owner' });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ProblemException('conflict', 'An account with this email already exists; log in instead.');
      throw error;
    }
  }

  /**
   * Unknown email and wrong password fail identically and take about as long:
   * an unknown email still costs one argon2 verification.
   */
  async verifyCredentials(email: string, password: string): Promise<VerifiedUser> {
    const user = await this.prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
    const valid = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyAgainstNothing(password);
    if (!user || !valid) throw new ProblemException('invalid-credentials', INVALID_CREDENTIALS);
    return { userId: user.id };
  }

  /** Opens a session in the requested organization, or the one the user joined first. */
  async logIn(user: VerifiedUser, organizationId?: string): Promise<TokenPairDto> {
    const membership = await this.prisma.membership.findFirst({
      where: { userId: user.userId, ...(organizationId ? { organizationId } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { organizationId: true, role: true },
    });
    if (!membership) {
      throw new ProblemException(
        'forbidden',
        organizationId ? `You are not a member of organization ${organizationId}.` : 'You are not a member of any organization.',
      );
    }
    return this.sessions.start(this.prisma, { userId: user.userId, ...membership });
  }
}
